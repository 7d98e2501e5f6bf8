# generator functions
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen()
print("created")
print(next(g))
print(next(g))
print(next(g, "exhausted"))
def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(5)), sum(squares(4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
