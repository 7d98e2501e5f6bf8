import sys
args = [1, 2]
kw = {"sep": "-"}
print(*args, **kw)
print(0, *args, 3, end="\n", **kw)
sys.stdout.write("x\n")
obj = sys.stdout
obj.flush()
