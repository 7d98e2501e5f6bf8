# is_alive before start, while blocked, and after join
import threading
go = threading.Event()
t = threading.Thread(target=go.wait)
print("before start:", t.is_alive())
t.start()
print("while waiting:", t.is_alive())
go.set()
t.join()
print("after join:", t.is_alive())
t2 = threading.Thread(target=lambda: None)
try:
    t2.join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
