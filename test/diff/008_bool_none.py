# bool and None
print(True + True, True * 10, False - 1)
print(int(True), bool(0), bool(""), bool([]), bool([0]), bool(None), bool("a"))
print(True and 3, 0 or "x", None or 0, 5 and 0, not 5, not None)
print(True == 1, False == 0, True is True, None is None)
print(isinstance(True, int), type(True), type(None))
x = None
print(x is None, x == None, repr(x), str(x))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" < "b" < "c")
