# TypeError messages from calls
def two(a, b):
    pass
class C:
    def m(self, x):
        pass
half = 1.5
cases = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, c=2),
    lambda: two(),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C(1),
    lambda: len(),
    lambda: abs("x"),
    lambda: sum(["a"]),
    lambda: sorted([1, "a"]),
    lambda: "abc"[half],
    lambda: {}[[]],
    lambda: hash([]),
    lambda: int([]),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
