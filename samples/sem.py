# Concept: a semaphore shared by processes: acquire blocks at 0; get_value.
from multiprocessing import Semaphore, Process
from time import sleep
import os

sem = Semaphore(3)

def fun():
    print('%d wants to run' % os.getpid())
    sem.acquire()  # takes one; blocks when none is left
    print('%d runs' % os.getpid())
    sleep(3)
    print('%d finished' % os.getpid())

jobs = []
for i in range(5):  # five processes take three
    p = Process(target=fun)
    jobs.append(p)
    p.start()
for i in range(3):  # not enough: add three more
    sleep(5)
    sem.release()
for i in jobs:
    i.join()
print(sem.get_value())  # one left
