# collections.defaultdict and OrderedDict
from collections import defaultdict, OrderedDict
groups = defaultdict(list)
for w in ["apple", "bob", "axe", "bee", "cat"]:
    groups[w[0]].append(w)
print(groups, dict(groups))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(dict(counts), counts["missing"], len(counts))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od))
od.move_to_end("c", last=False)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
