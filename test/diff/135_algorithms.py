# classic algorithms: binary search, sort, sieve
def bsearch(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
def qsort(a):
    if len(a) <= 1:
        return a
    p, rest = a[0], a[1:]
    return qsort([x for x in rest if x < p]) + [p] + qsort([x for x in rest if x >= p])
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(is_p[i * i::i])
    return [i for i, p in enumerate(is_p) if p]
data = [9, 3, 7, 1, 8, 2, 5]
s = qsort(data)
print(s, bsearch(s, 7), bsearch(s, 4))
print(sieve(50))
print(sum(sieve(10000)))
