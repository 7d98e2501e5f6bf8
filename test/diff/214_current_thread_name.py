# current_thread().name inside threads; names given at creation
import threading
names = {}
lock = threading.Lock()
def who():
    me = threading.current_thread()
    with lock:
        names[me.name] = me is not threading.main_thread()
ts = [threading.Thread(target=who, name=f"worker-{i}") for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(names.items()))
print(threading.current_thread().name, threading.main_thread().name)
print(threading.current_thread() is threading.main_thread())
