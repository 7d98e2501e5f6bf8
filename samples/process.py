# Concept: multiprocessing.Process: target, args/kwargs, start, join, attributes.
from multiprocessing import Process
from time import sleep
import os

def worker(sec, name):
    for i in range(3):
        sleep(sec)
        print("I'm %s, pid %d, parent %d" % (name, os.getpid(), os.getppid()))

if __name__ == "__main__":
    p = Process(target=worker, args=(1,), kwargs={"name": "Levi"}, name="Worker")
    p.daemon = False  # set before start
    p.start()
    print("name:", p.name, "pid:", p.pid, "alive:", p.is_alive())
    p.join()
    print("alive after join:", p.is_alive(), "exitcode:", p.exitcode)
