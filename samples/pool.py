# Concept: a process pool: apply_async, close, join, and map.
from multiprocessing import Pool
from time import sleep

def worker(msg):
    sleep(1)
    print(msg)
    return msg * 2

def square(x):
    return x * x

if __name__ == "__main__":
    pool = Pool(4)  # four worker processes are reused
    results = []
    for i in range(8):
        msg = "hello %d" % i
        r = pool.apply_async(func=worker, args=(msg,))
        results.append(r)
    pool.close()  # no more tasks
    pool.join()   # wait for the workers
    for r in results:
        print(r.get())  # the event's return value
    with Pool(3) as p:
        print(p.map(square, range(10)))
