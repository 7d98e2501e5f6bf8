# Lock.acquire with blocking=False and timeout
import threading
lock = threading.Lock()
print(lock.acquire(), lock.locked())
print(lock.acquire(blocking=False), lock.acquire(timeout=0.02))
result = []
def try_from_thread():
    result.append(lock.acquire(blocking=False))
t = threading.Thread(target=try_from_thread)
t.start()
t.join()
print("other thread got it:", result)
lock.release()
print(lock.locked(), lock.acquire(False), lock.locked())
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
