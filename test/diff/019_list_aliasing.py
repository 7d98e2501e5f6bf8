# list aliasing and copying
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
b.append(4)
c[1].append(5)
print(a, b, c, d)
print(a is b, a is c, a == c, a[1] is c[1])
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
bad = [[0] * 3] * 2
bad[0][0] = 1
print(grid, bad)
import copy
e = copy.deepcopy(a)
e[1].append(6)
print(a, e)
