# exact CPython 3.11 error messages
nothing = None
tests = [
    lambda: 1 / 0,
    lambda: 5 // 0,
    lambda: 5 % 0,
    lambda: 1.0 / 0,
    lambda: {}["missing"],
    lambda: [1, 2][5],
    lambda: (1,)[-3],
    lambda: "ab"[9],
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: len(5),
    lambda: nothing(),
    lambda: 3 < "a",
    lambda: int("x"),
    lambda: int("3.5"),
    lambda: float("abc"),
    lambda: [].pop(),
    lambda: [1].index(7),
    lambda: "abc".index("z"),
    lambda: None.foo,
    lambda: (5).bar,
    lambda: "s".nope,
    lambda: undefined_name,
    lambda: {1: 2}[[1]],
    lambda: ord("ab"),
    lambda: chr(-1),
    lambda: [][1:2:0],
    lambda: "x" * "y",
    lambda: divmod(1, 0),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: int(None),
    lambda: iter(5),
    lambda: next(iter([])),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
