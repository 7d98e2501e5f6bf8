# input() with prompts in a loop until a sentinel; prompts go to stdout
scores = {}
while True:
    line = input("name score> ")
    if line == "quit":
        break
    name, score = line.split()
    scores[name] = scores.get(name, 0) + int(score)
print()
for name, total in sorted(scores.items(), key=lambda kv: -kv[1]):
    print(f"{name:<6}{total:>4}")
print("players:", len(scores))
