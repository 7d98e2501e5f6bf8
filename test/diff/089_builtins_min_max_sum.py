# min, max with key and default; sum with start
print(min(3, 1, 2), max([4, 9, 2]), min("zebra"), max("abc", "abd"))
print(max(["aa", "b", "cccc"], key=len), min([(1, "b"), (1, "a")]))
print(min([], default="empty"), max((), default=0))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([[1], [2]], []), sum([0.1] * 10))
print(max([1, 5, 5], key=lambda x: -x), max({"a": 3, "b": 7}, key={"a": 3, "b": 7}.get))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
print(abs(-3), abs(-2.5))
