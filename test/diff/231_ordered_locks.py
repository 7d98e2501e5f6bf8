# acquiring two locks in the same global order never deadlocks
import threading
a = threading.Lock()
b = threading.Lock()
transfers = []
def transfer(name, n):
    for i in range(n):
        with a:
            with b:
                transfers.append(name)
ts = [threading.Thread(target=transfer, args=(nm, 500)) for nm in ("x", "y")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(transfers), transfers.count("x"), transfers.count("y"), a.locked(), b.locked())
