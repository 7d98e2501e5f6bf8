# a Process subclass with its own __init__ and run
from multiprocessing import Process, Queue
class Worker(Process):
    def __init__(self, n, q):
        super().__init__()
        self.n = n
        self.q = q
    def run(self):
        self.q.put((self.n, sum(range(self.n))))
if __name__ == "__main__":
    q = Queue()
    ws = [Worker(n, q) for n in (10, 100, 1000)]
    for w in ws:
        w.start()
    for w in ws:
        w.join()
    print(sorted(q.get() for _ in ws), [w.exitcode for w in ws])
