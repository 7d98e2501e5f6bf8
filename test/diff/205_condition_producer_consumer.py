# Condition-based bounded buffer: the consumed total is fixed
import threading
buf = []
cap = 3
cond = threading.Condition()
consumed = []
def producer():
    for i in range(1, 21):
        with cond:
            while len(buf) >= cap:
                cond.wait()
            buf.append(i)
            cond.notify_all()
    with cond:
        while len(buf) >= cap:
            cond.wait()
        buf.append(None)
        cond.notify_all()
def consumer():
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf.pop(0)
            cond.notify_all()
        if item is None:
            break
        consumed.append(item)
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print(consumed)
print("sum", sum(consumed), "buffer left", buf)
