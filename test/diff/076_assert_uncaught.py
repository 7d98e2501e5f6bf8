# an uncaught AssertionError
items = [1, 2, 3]
assert len(items) == 3
print("first assert passed")
assert sum(items) == 7, "sum mismatch"
