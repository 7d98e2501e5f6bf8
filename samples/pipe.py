# Concept: pipe communication between processes with multiprocessing.Pipe.
from multiprocessing import Process, Pipe
import os
import time

fd1, fd2 = Pipe(False)  # one-way: fd1 reads, fd2 writes

def fun(name):
    time.sleep(1)
    fd2.send({"name": name, "pid": os.getpid()})  # any Python object

if __name__ == "__main__":
    jobs = []
    for i in range(5):
        p = Process(target=fun, args=(i,))
        jobs.append(p)
        p.start()
    for i in range(5):
        data = fd1.recv()  # blocks while the pipe is empty
        print(data)
    for p in jobs:
        p.join()
