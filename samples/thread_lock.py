# Concept: a Lock protects a critical section (notes' value() example, bounded here).
from threading import Thread, Lock

a = b = 0
lock = Lock()
running = True

def value():
    while running:
        lock.acquire()
        if a != b:  # never true: the writer holds the lock while a and b differ
            print('a=%d,b=%d' % (a, b))
        lock.release()

t = Thread(target=value)
t.start()
for i in range(200000):  # the notes loop forever
    with lock:
        a += 1
        b += 1
running = False
t.join()
print('done: a=%d, b=%d' % (a, b))
