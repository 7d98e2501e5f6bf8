# threading.local gives each thread its own attributes
import threading
data = threading.local()
data.value = "main"
seen = {}
lock = threading.Lock()
def worker(n):
    data.value = n * 10
    total = 0
    for _ in range(100):
        total += data.value
    with lock:
        seen[n] = (total, hasattr(data, "other"))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
print(data.value)
