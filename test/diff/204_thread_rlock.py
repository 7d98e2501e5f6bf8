# RLock can be re-acquired by its owner
import threading
rlock = threading.RLock()
log = []
def outer(name):
    with rlock:
        log.append(name + ":outer")
        inner(name)
def inner(name):
    with rlock:
        log.append(name + ":inner")
ts = [threading.Thread(target=outer, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(log))
for i in range(len(log) // 2):
    print(log[2 * i].split(":")[0] == log[2 * i + 1].split(":")[0])
rlock.acquire()
rlock.acquire()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
