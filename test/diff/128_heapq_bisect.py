# heapq and bisect
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
print(heapq.nlargest(2, [4, 9, 1, 7]), heapq.nsmallest(2, [4, 9, 1, 7]))
xs = [3, 1, 2]
heapq.heapify(xs)
print(xs)
a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 10))
bisect.insort(a, 5)
print(a)
