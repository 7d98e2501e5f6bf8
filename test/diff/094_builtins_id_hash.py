# id and hash (only compared, never printed)
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a == c)
print(hash(1) == hash(1.0) == hash(True), hash(42), hash(-1), hash(0))
print(hash("abc") == hash("ab" + "c"), hash((1, "x")) == hash((1, "x")))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61))
x = 300
y = 300
print(x == y)
print(isinstance(hash("s"), int))
