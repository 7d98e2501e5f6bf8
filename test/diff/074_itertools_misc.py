# chain, accumulate, groupby, zip_longest, starmap, compress
import itertools
import operator
print(list(itertools.chain([1, 2], "ab", (3,))))
print(list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
for k, grp in itertools.groupby("aaabccdd"):
    print(k, list(grp))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
print({k: list(v) for k, v in itertools.groupby(data, key=lambda w: w[0])})
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(itertools.pairwise([1, 2, 3, 4])))
