# an exception in a thread is reported on stderr; the main thread continues
import threading
def boom():
    raise ValueError("boom in thread")
t = threading.Thread(target=boom, name="Crasher")
t.start()
t.join()
print("main continues, alive:", t.is_alive())
