# * and ** in calls and displays
def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw
args = [1, 2]
kwargs = {"c": 3, "z": 9}
print(f(*args, **kwargs))
print(f(*[1, 2, 3, 4, 5]))
print(f(1, *[2], c=5, **{"y": 1}))
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print({**d1, **d2}, {**d2, **d1, "a": 0})
print(dict(**d1, c=9))
try:
    f(1, 2, **{"a": 5})
except TypeError as e:
    print(e)
