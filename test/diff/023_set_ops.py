# set operations (sorted for printing)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a.issubset({1, 2, 3, 4, 5}), {1, 2} <= a, a >= {1}, a.isdisjoint({9}))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([7, 8])
s.discard(99)
s.remove(7)
print(sorted(s), len(s), 8 in s)
print({1, 2, 3}, {3, 2, 1}, set([2, 2, 1]))
print(sorted(set("mississippi")))
fs = frozenset([1, 2])
print(fs, fs | {3}, {fs: "ok"}[frozenset([2, 1])])
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
print(set() == set(), {1} == {1.0}, set())
