# RLock protecting a recursive function used from several threads
import threading
lock = threading.RLock()
visits = []
def walk(node, tree):
    with lock:
        visits.append(node)
        for child in tree.get(node, []):
            walk(child, tree)
tree = {"r": ["a", "b"], "a": ["c"], "b": []}
ts = [threading.Thread(target=walk, args=("r", tree)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(visits[:4], visits[4:8] == visits[:4], len(visits))
