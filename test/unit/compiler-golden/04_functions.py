def f(a, b=2, *args, c, d=4, **kw):
    """Doc."""
    return a + b

def g(x, /, y):
    return f(x, y, c=1)

print(g(1, 2), f(1, *[2, 3], c=5, **{"e": 6}))
