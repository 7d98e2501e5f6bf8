# Concept: avoiding zombies with a double fork (the grandchild is orphaned and adopted).
import os
from time import sleep

def f1():
    sleep(3)
    print("event 1 (parent)")

def f2():
    sleep(4)
    print("event 2 (grandchild)")

pid = os.fork()
if pid < 0:
    print("Error")
elif pid == 0:
    p = os.fork()  # second-level child
    if p == 0:
        f2()       # the grandchild does event 2
    else:
        os._exit(0)  # the first child exits at once
else:
    os.wait()      # reap the first child: no zombie
    f1()
