# Concept: deadlock: two threads take two locks in opposite order and wait forever.
import threading
from time import sleep

lock_a = threading.Lock()
lock_b = threading.Lock()

def t1():
    lock_a.acquire()
    print('t1 holds A, wants B')
    sleep(0.1)
    lock_b.acquire()  # waits for t2 forever
    print('t1 got both')
    lock_b.release()
    lock_a.release()

def t2():
    lock_b.acquire()
    print('t2 holds B, wants A')
    sleep(0.1)
    lock_a.acquire()  # waits for t1 forever
    print('t2 got both')
    lock_a.release()
    lock_b.release()

x = threading.Thread(target=t1)
y = threading.Thread(target=t2)
x.start()
y.start()
x.join()
y.join()
print('never reached')
