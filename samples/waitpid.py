# Concept: os.waitpid with WNOHANG polls a child without blocking.
import os
from time import sleep

pid = os.fork()
if pid < 0:
    print("Error")
elif pid == 0:
    sleep(3)
    print("child process", os.getpid(), "exits")
    os._exit(3)
else:
    while True:
        sleep(1)
        p, status = os.waitpid(pid, os.WNOHANG)  # -1 would mean any child
        print("waitpid returned", p, status)
        if p != 0:
            print("exit code:", os.WEXITSTATUS(status))
            break
        print("child still running, parent does other work")
