# Concept: multiprocessing.Lock: mutual exclusion between processes (with lock).
from multiprocessing import Process, Lock
import sys
from time import sleep

def writer1(lock):
    with lock:  # locked until the block ends
        for i in range(3):
            sys.stdout.write("writer1 line %d\n" % i)
            sys.stdout.flush()
            sleep(0.1)

def writer2(lock):
    lock.acquire()
    for i in range(3):
        sys.stdout.write("writer2 line %d\n" % i)
        sys.stdout.flush()
        sleep(0.1)
    lock.release()

if __name__ == "__main__":
    lock = Lock()
    w1 = Process(target=writer1, args=(lock,))
    w2 = Process(target=writer2, args=(lock,))
    w1.start()
    w2.start()
    w1.join()
    w2.join()
