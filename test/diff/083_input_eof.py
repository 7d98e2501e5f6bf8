# input() with no stdin raises EOFError
print("asking")
try:
    line = input()
except EOFError as e:
    print("EOFError caught:", repr(e))
line = input("prompt> ")
