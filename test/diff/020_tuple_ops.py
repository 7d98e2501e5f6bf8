# tuples
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2)
print((1,), (), tuple("ab"), tuple([1, 2]))
print(t.count(2), t.index(3), 2 in t)
x, y, z = t
print(x, y, z)
a = 1, 2
print(a, type(a))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), max((1, 5), (2, 0)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)))
