# Concept: os.fork() returns the child's pid in the parent and 0 in the child.
import os
from time import sleep

print("before fork: pid", os.getpid())
pid = os.fork()
if pid < 0:
    print("create process failed")
elif pid == 0:
    # child: starts running right after fork()
    print("child: pid", os.getpid(), "parent", os.getppid())
    sleep(1)
    print("child done")
else:
    # parent: pid is the new child's pid
    print("parent: pid", os.getpid(), "child", pid)
    sleep(2)
    print("parent done")
