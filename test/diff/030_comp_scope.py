# comprehension scoping
x = "outer"
ys = [x for x in range(3)]
print(x, ys)
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([fn() for fn in funcs2])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
n = 10
print([n + k for k in range(2)])
