def f():
    x = 1
    class C:
        x = 2
        y = x
        def m(self):
            return x + __class__.__name__.__len__()
        g = lambda self: super()
        class D:
            def n(self):
                return x
        z = [x for _ in range(2)]
    return C

def g2():
    a = 0
    def h():
        nonlocal a
        del a
    def k():
        return [[(q := i + a) for i in range(j)] for j in range(3)], q
    return h, k

class E:
    global GG
    GG = 1
    def __init__(self, *args, key=1, **kw):
        self.__p = 1
        def inner():
            return self
        return None

def gen(n=2, *, k):
    yield from ((lambda: n)() for _ in range(k))

async_like = lambda *a, **k: (yield a)
def deco(fn):
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def decorated(a, /, b, *, c=3):
    try:
        pass
    except Exception as err:
        def uses():
            return err
