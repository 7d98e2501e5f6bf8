# dicts keep insertion order
d = {}
for w in ["pear", "fig", "apple", "fig", "kiwi"]:
    d[w] = d.get(w, 0) + 1
print(d)
d["pear"] = 10
print(list(d))
del d["fig"]
d["fig"] = 0
print(d)
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
print(list(reversed(d)))
print(d.copy() == d, d.copy() is d)
