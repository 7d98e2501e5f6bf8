# generator expressions
g = (x * 2 for x in range(4))
print(g.__class__.__name__)
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []))
print("".join(str(i) for i in range(5)))
print(sorted((x % 4 for x in range(9)), reverse=True))
print(tuple(c for c in "hi"), dict((i, i) for i in range(2)))
