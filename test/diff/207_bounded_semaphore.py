# BoundedSemaphore refuses to be released above its initial value
import threading
bs = threading.BoundedSemaphore(2)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(1)
s.release()
print(s.acquire(timeout=0), s.acquire(timeout=0), s.acquire(timeout=0))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
