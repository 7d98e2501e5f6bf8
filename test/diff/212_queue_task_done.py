# queue.Queue with worker threads, task_done and join
import queue
import threading
q = queue.Queue()
results = []
lock = threading.Lock()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            results.append(item * item)
        q.task_done()
workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(10):
    q.put(i)
q.join()
print(sorted(results), q.empty(), q.qsize())
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print("workers finished")
