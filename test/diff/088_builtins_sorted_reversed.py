# sorted with key and reverse; stability; reversed
people = [("bob", 25), ("amy", 31), ("cat", 25), ("dan", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: 0, 1: 0}))
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed((1, 2))))
xs = [5, 2, 8]
ys = sorted(xs)
print(xs, ys, xs.sort(), xs)
print(sorted([-3, 2, -1], key=abs))
