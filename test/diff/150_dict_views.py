# dict views are live and support set operations
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
i = d.items()
d["d"] = 4
print(k, v, i)
print(sorted(k & {"a", "z"}), sorted(k - {"a"}), sorted(k | {"q"}), ("a", 1) in i)
del d["a"]
print(list(k), len(v), list(i)[0])
try:
    for key in d:
        d[key + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(d.keys()) == list(d), 2 in d.values())
