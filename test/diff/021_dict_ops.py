# dict operations and methods
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, "z" in d)
print(d.get("z"), d.get("z", 0), d.setdefault("e", 5), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d.pop("zz", "none"), d)
d.update({"b": 20, "f": 6})
d.update(g=7)
print(d)
print(d.popitem(), d)
del d["b"]
print(d, dict.fromkeys("xy", 0))
for k, v in d.items():
    print(k, v)
print(dict([("k", 1), ("j", 2)]), dict(a=1, b=2), dict(zip("ab", [1, 2])))
print({1: "a"} == {1: "a"}, {**d, "c": 30})
print(d | {"z": 0}, sorted({3: 1, 1: 2}))
