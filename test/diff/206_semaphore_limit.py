# a Semaphore bounds how many threads are inside at once
import threading
sem = threading.Semaphore(2)
pair = threading.Barrier(2)  # makes two threads meet inside, whatever the timing
lock = threading.Lock()
inside = 0
max_inside = 0
done = []
def task(i):
    global inside, max_inside
    with sem:
        with lock:
            inside += 1
            max_inside = max(max_inside, inside)
        pair.wait()
        with lock:
            inside -= 1
            done.append(i)
ts = [threading.Thread(target=task, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("max inside:", max_inside)
print("done:", sorted(done))
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False))
