# Concept: an orphan: the parent exits first and the child is adopted (re-parented).
import os
from time import sleep

pid = os.fork()
if pid == 0:
    print("child: my parent is", os.getppid())
    sleep(2)
    print("child: parent gone, my parent is now", os.getppid())
else:
    print("parent", os.getpid(), "exits first")
