# infinite generators with islice, count, cycle, repeat
import itertools
def naturals():
    n = 1
    while True:
        yield n
        n += 1
print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(naturals(), 2, 10, 3)))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(3)])
print(list(itertools.takewhile(lambda x: x < 4, naturals())))
print(list(itertools.islice(itertools.dropwhile(lambda x: x < 4, naturals()), 3)))
