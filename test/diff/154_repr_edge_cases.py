# repr of strings with quotes, recursive containers, nested types
print(repr("it's"), repr('say "x"'), repr("both ' and \""), repr("\t\x00\x7f"))
a = [1, 2]
a.append(a)
print(a)
d = {"k": 1}
d["self"] = d
print(d)
print(repr([1.0, "a", None, (2,), {3}, {"x": [b"y"]}, frozenset(), set()]))
print(repr(1e100), repr(-0.0), repr(float("nan")), repr(10 ** 25), repr(0.1 + 0.2))
print(str([1, "a"]), str(("a",)), repr(()), repr((1, (2,))))
