# decorators, with arguments, and functools.wraps
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
def add(a, b):
    """Add two numbers."""
    return a + b
@repeat(3)
def hello(name):
    return "hi " + name
add(2, 3)
print(add.__name__, add.__doc__)
print(hello("x"), hello.__name__)
@trace
@repeat(2)
def one():
    return 1
one()
