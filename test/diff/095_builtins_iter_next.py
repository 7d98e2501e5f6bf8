# iter and next, including iter(callable, sentinel)
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "end"))
nums = iter(range(3))
print(list(nums), list(nums))
vals = [1, 2, 3, 0, 5]
pos = 0
def reader():
    global pos
    pos += 1
    return vals[pos - 1]
print(list(iter(reader, 0)))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di))
s = "hi"
print(iter(s) is not iter(s), iter(it) is it)
