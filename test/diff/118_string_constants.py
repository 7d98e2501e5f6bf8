# string module constants and Template
import string
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(repr(string.whitespace), len(string.printable))
t = string.Template("$who likes $what")
print(t.substitute(who="tim", what="pie"), t.safe_substitute(who="x"))
print(string.capwords("hello big world"))
