# io.StringIO and print to a file-like object
import io
buf = io.StringIO()
print("hello", 42, file=buf)
buf.write("more\n")
print(repr(buf.getvalue()))
r = io.StringIO("l1\nl2\nl3")
print(r.readline(), r.read().split())
import sys
old = sys.stdout
sys.stdout = io.StringIO()
print("captured")
cap = sys.stdout.getvalue()
sys.stdout = old
print("got", repr(cap))
