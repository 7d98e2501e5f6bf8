# collections.Counter
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"])
c.update("aaz")
print(c.most_common(3))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(), sorted(wc.elements())[:4])
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(sum(wc.values()), wc.total(), list(wc)[:3])
