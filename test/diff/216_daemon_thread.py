# daemon threads do not keep the process alive
import threading
import time
def forever():
    while True:
        time.sleep(0.05)
d = threading.Thread(target=forever, daemon=True)
n = threading.Thread(target=lambda: None)
print(d.daemon, n.daemon, threading.current_thread().daemon)
d.start()
n.start()
n.join()
print("daemon alive:", d.is_alive())
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
print("main exits now")
