# map, filter, reduce
from functools import reduce
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "x", [], [0]])), list(filter(str.isdigit, "a1b2")))
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))
m = map(int, "123")
print(next(m), list(m), list(m))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
