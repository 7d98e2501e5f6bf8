# Concept: process exit with sys.exit (catchable SystemExit) and os._exit (immediate).
import os
import sys

try:
    sys.exit("process exit")  # a string is printed to stderr, status 1
except SystemExit as e:
    print("caught SystemExit:", e)

print("still running after catching SystemExit")
os._exit(0)  # ends the process at once: nothing below runs
print("process exit")
