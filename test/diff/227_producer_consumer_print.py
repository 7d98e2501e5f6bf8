# one producer, one consumer: only the consumer prints, so order is FIFO
import queue
import threading
q = queue.Queue(maxsize=2)
def producer():
    for i in range(6):
        q.put(f"item-{i}")
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            print("consumer done")
            return
        print("consumed", item)
c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
