# __iter__ written as a generator; iterables vs iterators
class Range2D:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield (x, y)
    def __len__(self):
        return self.w * self.h
r = Range2D(3, 2)
print(list(r), len(r))
print(list(r) == list(r), (2, 1) in r, (3, 0) in r)
it = iter(r)
print(next(it), next(it))
print(sorted(r, reverse=True)[:2], max(r), dict.fromkeys(r, 0).__len__())
