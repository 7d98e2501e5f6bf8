# CPU-bound work in threads gives the same results as serial work
import sys
import threading
def count(n):
    c = 0
    while c < n:
        c += 1
    return c
print(sys.getswitchinterval())
out = {}
def run(i):
    out[i] = count(50000 + i)
ts = [threading.Thread(target=run, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([out[i] for i in range(4)] == [count(50000 + i) for i in range(4)])
