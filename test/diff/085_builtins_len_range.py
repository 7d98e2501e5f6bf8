# len, range
print(len("abc"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2}), len(b"xy"))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(1, 20, 4)
print(r, r[1], r[-1], r[1:3], 9 in r, 10 in r, r.index(13), len(r))
print(list(reversed(range(3))), range(3) == range(0, 3), sum(range(101)))
print(range(5).count(2), min(range(4, 9)), max(range(4, 9)))
