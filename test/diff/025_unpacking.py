# unpacking: starred, nested, swap
a, *b = [1, 2, 3, 4]
*c, d = "xyz"
e, *f, g = range(5)
print(a, b, c, d, e, f, g)
(h, i), j = (1, 2), 3
print(h, i, j)
x, y = 1, 2
x, y = y, x
print(x, y)
for n, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(n, p, q)
first, *_ = "hello"
print(first)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]})
try:
    u, v = [1, 2, 3]
except ValueError as err:
    print(err)
try:
    u, v, w = [1, 2]
except ValueError as err:
    print(err)
