# active_count and enumerate while threads are blocked
import threading
gate = threading.Event()
ts = [threading.Thread(target=gate.wait, name=f"w{i}") for i in range(3)]
print(threading.active_count())
for t in ts:
    t.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
gate.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
