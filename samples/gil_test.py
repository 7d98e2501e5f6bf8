# Concept: the GIL: CPU-bound work gains nothing from threads, processes help; IO overlaps.
import time
import threading
import multiprocessing

N = 10

def count(x, y):  # CPU-bound
    c = 0
    while c < 300000:
        c += 1
        x += 1
        y += 1

def io():  # IO-bound: blocking calls release the GIL
    for i in range(5):
        time.sleep(0.05)

def serial(fn, args):
    t = time.time()
    for i in range(N):
        fn(*args)
    return time.time() - t

def parallel(kind, fn, args):
    t = time.time()
    jobs = [kind(target=fn, args=args) for i in range(N)]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()
    return time.time() - t

if __name__ == "__main__":
    print("Line cpu:", serial(count, (1, 1)))
    print("Line IO:", serial(io, ()))
    print("thread cpu:", parallel(threading.Thread, count, (1, 1)))
    print("thread IO:", parallel(threading.Thread, io, ()))
    print("Process cpu:", parallel(multiprocessing.Process, count, (1, 1)))
    print("Process IO:", parallel(multiprocessing.Process, io, ()))
