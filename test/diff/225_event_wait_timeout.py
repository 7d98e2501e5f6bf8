# Event.wait returns False on timeout and True once set
import threading
e = threading.Event()
print(e.wait(0.02), e.is_set())
t = threading.Timer(0.02, e.set)
t.start()
print(e.wait(5))
t.join()
print(e.is_set(), e.wait(0))
