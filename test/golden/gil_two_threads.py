# Two CPU-bound threads share the GIL: they take turns every switch interval (5 ms).
import threading

def count(n):
    c = 0
    while c < n:
        c += 1
    return c

t1 = threading.Thread(target=count, args=(100000,))
t2 = threading.Thread(target=count, args=(100000,))
t1.start()
t2.start()
t1.join()
t2.join()
print('done')
