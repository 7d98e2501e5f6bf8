# enumerate, zip
names = ["ann", "bob", "cy"]
ages = [30, 25]
print(list(enumerate(names)), list(enumerate(names, 1)))
print(list(zip(names, ages)), list(zip(names, ages, "xyz")))
print(list(zip()), dict(zip(names, ages)))
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
