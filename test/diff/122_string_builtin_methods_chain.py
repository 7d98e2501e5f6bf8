# a small text-processing pipeline
text = """The quick brown fox
jumps over the lazy dog.
The dog sleeps."""
lines = text.splitlines()
print(len(lines), [len(l) for l in lines])
words = [w.strip(".").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(" ".join(w.capitalize() for w in words[:4]))
print(text.replace("\n", " / ").title())
print(max(words, key=len), sum(map(len, words)))
