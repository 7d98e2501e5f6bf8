# multiprocessing.Queue between processes
from multiprocessing import Process, Queue
import queue
def producer(q, n):
    for i in range(n):
        q.put(("item", i))
    q.put(None)
if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q, 5))
    p.start()
    while (item := q.get()) is not None:
        print(item)
    p.join()
    print("empty:", q.empty())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("queue.Empty")
    q2 = Queue(maxsize=1)
    q2.put(1)
    try:
        q2.put(2, block=False)
    except queue.Full:
        print("queue.Full")
