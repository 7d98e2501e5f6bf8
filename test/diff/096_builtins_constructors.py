# constructors of built-in types
print(str(5), str(b"x"), int("12"), float(3), bool([]), list("ab"), tuple([1]))
print(dict(a=1), set([1, 1]), frozenset(), list(), dict(), tuple(), str(), int(), float())
print(list({"k": 1}), list({"k": 1}.items()), list(range(3)), dict([(1, 2)]))
print(bytes(2), bytearray(b"a"), list(b"ab"), str(None), repr(None))
print(int("-0"), float("-0"), float("1_000.5"), int("1_000"))
print(object().__class__.__name__, type(object()).__name__)
