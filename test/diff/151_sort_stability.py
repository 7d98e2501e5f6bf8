# sort is stable; multiple passes
records = [("bob", "b", 3), ("amy", "a", 1), ("cal", "b", 1), ("dee", "a", 3), ("eve", "c", 2)]
by_num = sorted(records, key=lambda r: r[2])
by_grp_then_num = sorted(by_num, key=lambda r: r[1])
print([r[0] for r in by_num])
print([r[0] for r in by_grp_then_num])
print([r[0] for r in sorted(records, key=lambda r: (r[1], -r[2]))])
nums = [3, -1, 2, -3, 1, -2]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (abs(n), n)))
words = ["b", "A", "a", "B"]
words.sort(key=str.lower)
print(words)
