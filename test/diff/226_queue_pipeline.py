# a two-stage pipeline of threads connected by queues
import queue
import threading
q1, q2 = queue.Queue(), queue.Queue()
STOP = object()
def stage1():
    while (item := q1.get()) is not STOP:
        q2.put(item.upper())
    q2.put(STOP)
def stage2(out):
    while (item := q2.get()) is not STOP:
        out.append(item + "!")
out = []
t1 = threading.Thread(target=stage1)
t2 = threading.Thread(target=stage2, args=(out,))
t1.start(); t2.start()
for w in ["alpha", "beta", "gamma"]:
    q1.put(w)
q1.put(STOP)
t1.join(); t2.join()
print(out)
