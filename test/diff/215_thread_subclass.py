# a Thread subclass overriding run()
import threading
class Summer(threading.Thread):
    def __init__(self, nums, name):
        super().__init__(name=name)
        self.nums = nums
        self.total = None
    def run(self):
        self.total = sum(self.nums)
ts = [Summer(range(i * 100), f"S{i}") for i in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for t in ts:
    print(t.name, t.total)
class NoSuper(threading.Thread):
    def __init__(self):
        self.x = 1
try:
    NoSuper().start()
except RuntimeError as e:
    print("RuntimeError:", e)
