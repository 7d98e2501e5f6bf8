# values sent between processes are pickled: user classes and exceptions by reference,
# lambdas cannot be pickled
from multiprocessing import Pool, Queue
import pickle
class MyErr(Exception):
    pass
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
def bad(x):
    raise MyErr("bad %d" % x)
def div(x):
    return 10 // x
def mk(x):
    return Point(x, x * 2)
if __name__ == "__main__":
    with Pool(2) as p:
        try:
            p.apply(bad, (3,))
        except MyErr as e:
            print("caught", type(e).__name__, e)
        try:
            p.map(div, [1, 0, 2])
        except ZeroDivisionError as e:
            print("map raised", e)
        print(p.map(mk, range(3)))
        r = p.map_async(div, [1, 2], callback=lambda v: print("callback", v))
        r.wait()
        print(r.get())
        try:
            p.apply(lambda: 1)
        except pickle.PicklingError as e:
            print(type(e).__name__)
    q = Queue()
    shared = [1, 2]
    q.put({"a": [shared, shared, (3, 4)], "s": {5}, "b": b"x", "f": 1.5, "n": None, "big": 2**70})
    got = q.get()
    print(got, got["a"][0] is got["a"][1])
