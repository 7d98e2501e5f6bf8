counts = {}
words = [str(i % 97) for i in range(20000)]
for _ in range(10):
    for w in words:
        counts[w] = counts.get(w, 0) + 1
items = sorted(counts.items())
squares = [x * x for x in range(50000)]
print(len(items), items[0], sum(squares) % 1000)
