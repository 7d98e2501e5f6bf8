# functions as objects and function attributes
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter(); counter()
print(counter.calls)
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([abs, str, lambda n: n * 2, float], -3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b}
print(ops["+"](2, 3), ops["-"](2, 3))
def f(a: int, b: str = "x") -> str:
    return b * a
print(f(3), f.__annotations__)
