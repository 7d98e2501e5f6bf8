# del on names, items, attributes and slices
x = 10
del x
print("x" in globals())
d = {"a": 1, "b": 2}
del d["a"]
print(d)
L = [0, 1, 2, 3, 4]
del L[0], L[-1]
print(L)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
