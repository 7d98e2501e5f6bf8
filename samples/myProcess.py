# Concept: a custom process class: inherit Process, call super().__init__, override run.
from multiprocessing import Process
import time

class ClockProcess(Process):
    def __init__(self, value):
        super().__init__()  # load the parent class attributes
        self.value = value

    def run(self):  # runs in the child after start()
        for i in range(3):
            print("The time is %s" % time.ctime())
            time.sleep(self.value)

if __name__ == "__main__":
    p = ClockProcess(1)
    p.start()  # calls run() in a new process
    p.join()
