# dict and set comprehensions
words = ["apple", "bob", "cat", "apple", "dog"]
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print({k: v for k, v in enumerate("abc") if k != 1})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 3 for x in range(10)})
print({(x, x ** 2) for x in range(3)} == {(0, 0), (1, 1), (2, 4)})
