# Condition.wait_for with a predicate; notify wakes one waiter at a time
import threading
cond = threading.Condition()
state = {"ready": 0}
got = []
def waiter(i):
    with cond:
        cond.wait_for(lambda: state["ready"] >= i)
        got.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in (1, 2, 3)]
for t in ts:
    t.start()
for level in (1, 2, 3):
    with cond:
        state["ready"] = level
        cond.notify_all()
for t in ts:
    t.join()
print(sorted(got))
with cond:
    print("wait timeout ->", cond.wait(timeout=0.01))
    print("wait_for timeout ->", cond.wait_for(lambda: False, timeout=0.01))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
