# stdout and stderr are separate streams
import sys
print("out 1")
print("err 1", file=sys.stderr)
print("out 2")
sys.stderr.write("err 2\n")
print("out 3", flush=True)
print("final stderr line", file=sys.stderr)
