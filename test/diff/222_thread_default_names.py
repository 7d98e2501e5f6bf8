# default thread names: Thread-N (target)
import threading
def job():
    pass
class Custom(threading.Thread):
    pass
a = threading.Thread(target=job)
b = threading.Thread(target=lambda: None)
c = threading.Thread()
d = Custom()
e = threading.Thread(target=job, name="named")
f = threading.Thread(target=job)
for t in (a, b, c, d, e, f):
    print(t.name)
print(repr(threading.main_thread()).startswith("<_MainThread(MainThread, started"))
print(repr(a).startswith("<Thread(Thread-1 (job), initial)>"))
