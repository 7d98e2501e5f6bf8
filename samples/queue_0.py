# Concept: a message queue (multiprocessing.Queue): FIFO between processes.
from multiprocessing import Process, Queue
import time

q = Queue(5)  # at most 5 messages

def fun():
    for i in range(10):
        time.sleep(0.5)
        q.put((1, 2, 3))  # blocks while the queue is full

def fun2():
    for i in range(10):
        time.sleep(1)
        print("got:", q.get())

if __name__ == "__main__":
    p1 = Process(target=fun)
    p2 = Process(target=fun2)
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print("empty:", q.empty(), "full:", q.full(), "size:", q.qsize())
    q.close()
