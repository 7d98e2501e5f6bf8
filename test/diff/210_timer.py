# threading.Timer runs a function later; cancel prevents it
import threading
fired = []
t1 = threading.Timer(0.05, lambda: fired.append("t1"))
t2 = threading.Timer(5, lambda: fired.append("t2"))
t3 = threading.Timer(0.01, print, args=("t3 prints",))
t1.start()
t2.start()
t3.start()
t2.cancel()
t1.join()
t2.join()
t3.join()
print(fired, t1.is_alive(), t2.is_alive())
