# tee, filterfalse, islice on iterators, count with floats
import itertools
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b))
print(list(itertools.filterfalse(lambda x: x % 3, range(10))))
it = iter(range(10))
print(list(itertools.islice(it, 3)), list(itertools.islice(it, 3)), next(it))
print(list(itertools.islice(itertools.count(0.5, 0.25), 4)))
print(list(itertools.product(range(2), "ab", repeat=1)))
print(sum(1 for _ in itertools.combinations(range(10), 3)))
print(list(itertools.islice(itertools.cycle(range(3)), 1, 8, 2)))
