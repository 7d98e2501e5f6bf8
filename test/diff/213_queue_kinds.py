# FIFO, LIFO and priority queues; Empty and Full
import queue
fifo, lifo, prio = queue.Queue(), queue.LifoQueue(), queue.PriorityQueue()
for x in [3, 1, 2]:
    fifo.put(x)
    lifo.put(x)
    prio.put((x, f"job{x}"))
print([fifo.get() for _ in range(3)], [lifo.get() for _ in range(3)], [prio.get() for _ in range(3)])
small = queue.Queue(maxsize=2)
small.put(1)
small.put(2)
print(small.full(), small.qsize())
try:
    small.put(3, block=False)
except queue.Full:
    print("Full")
try:
    small.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
small.get(); small.get()
try:
    small.get_nowait()
except queue.Empty:
    print("Empty")
try:
    small.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
sq = queue.SimpleQueue()
sq.put("a")
print(sq.get(), sq.empty())
