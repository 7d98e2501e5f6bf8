# Concept: handling zombies by waiting for the child.
import os
from time import sleep

pid = os.fork()
if pid == 0:
    print("child exits")
    os._exit(2)
else:
    sleep(1)  # the child is a zombie during this sleep
    pid, status = os.wait()  # reaping removes the zombie
    print("reaped", pid, "exit code", os.WEXITSTATUS(status))
