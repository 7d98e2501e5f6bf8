# closures and late binding
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
def outer():
    x = 1
    def mid():
        def inner():
            return x * 100
        return inner
    return mid()()
print(outer())
print(c1.__closure__[0].cell_contents)
