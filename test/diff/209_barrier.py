# Barrier: all parties wait; the action runs once; indices 0..n-1
import threading
actions = []
b = threading.Barrier(3, action=lambda: actions.append("released"))
indices = []
lock = threading.Lock()
def party():
    i = b.wait()
    with lock:
        indices.append(i)
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), actions, b.parties, b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError, broken =", b2.broken)
