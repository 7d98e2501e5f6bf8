# an Event orders a worker after the main thread
from threading import Event, Thread
e = Event()
log = []
def waiter():
    e.wait()
    log.append("worker saw event")
t = Thread(target=waiter)
t.start()
log.append("main before set")
print("is_set:", e.is_set())
e.set()
t.join()
print(log)
print("is_set:", e.is_set(), "wait returns", e.wait())
e.clear()
print("after clear:", e.is_set(), e.wait(0.01))
