# slicing with negative indices and steps
xs = list(range(10))
print(xs[2:5], xs[-3:], xs[:-7], xs[::3], xs[::-2], xs[8:2:-2], xs[-1:-4:-1])
print(xs[100:], xs[-100:2], xs[5:2], "hello"[1:-1])
xs[2:4] = ["a", "b", "c"]
print(xs)
xs[::2] = [0] * 6
print(xs)
del xs[1:3]
print(xs)
del xs[::2]
print(xs)
ys = [1, 2, 3]
ys[1:1] = [9, 9]
ys[:0] = [0]
print(ys)
s = slice(1, 5, 2)
print(list(range(10))[s], s.start, s.stop, s.step)
try:
    xs[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
