a = b = [1, 2, 3]
a[0] += 5
a[1:2] = [7]
first, *rest = a
obj = type("O", (), {})()
obj.v = 1
obj.v *= 3
x: int = 5
y: "list[int]"
print({**{"a": 1}, "b": 2}, (*a, *rest), {*a})
