# helper module for from-import-* tests (not a test itself)
helper_version = "1.0"
_private_thing = "hidden from import *"
def shout(s):
    return s.upper() + "!"
