# join with a timeout returns while the thread is still alive
import threading
release = threading.Event()
t = threading.Thread(target=release.wait)
t.start()
t.join(timeout=0.05)
print("after timed join, alive:", t.is_alive())
release.set()
t.join()
print("after full join, alive:", t.is_alive())
