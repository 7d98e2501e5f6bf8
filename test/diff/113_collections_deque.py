# collections.deque
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1])
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
print(b, list(b), b.maxlen)
print(deque("abc").count("a"), 3 in deque([3]))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
