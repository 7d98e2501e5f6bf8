# yield from and generator return values
def inner():
    yield "a"
    yield "b"
    return "inner-result"
def outer():
    r = yield from inner()
    yield "got " + r
    yield from range(2)
print(list(outer()))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def echo():
    while True:
        x = yield
        print("echo", x)
def relay():
    yield from echo()
r = relay()
next(r)
r.send(1)
r.send(2)
