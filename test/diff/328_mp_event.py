# multiprocessing.Event orders a child after the parent
from multiprocessing import Event, Process, Value
def child(e, flag):
    e.wait()
    flag.value = 42
if __name__ == "__main__":
    e = Event()
    flag = Value("i", 0)
    p = Process(target=child, args=(e, flag))
    p.start()
    print("before set:", flag.value, e.is_set())
    e.set()
    p.join()
    print("after join:", flag.value, e.is_set())
    e.clear()
    print("wait with timeout:", e.wait(0.05))
