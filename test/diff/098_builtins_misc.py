# callable, vars, globals, locals, dir of module, repr of builtins
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print(callable(print), callable("x"), callable(int))
print(repr(len), repr(int), repr(print))
print("f" in globals(), globals()["__name__"])
print(all(name in dir(__builtins__) for name in ["len", "print", "range"]))
print(isinstance(print, type(len)))
print(type(range(2)), type(zip()), type(map(int, [])), type(enumerate([])))
