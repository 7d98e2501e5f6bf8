# with statement and __enter__/__exit__
class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
with Managed("a") as v:
    print("inside", v)
with Managed("b"):
    raise KeyError("swallowed")
print("after b")
try:
    with Managed("c"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)
with Managed("x") as x, Managed("y") as y:
    print(x, y)
