# print with sep, end, file and flush
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print()
print(1, 2.5, None, True, [1], sep=" | ")
print("to stdout", file=sys.stdout, flush=True)
print("to stderr last", file=sys.stderr)
sys.stdout.write("written directly\n")
print(*"xyz", sep="\n")
