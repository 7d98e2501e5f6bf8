# Concept: os.wait() blocks until a child exits and returns (pid, status).
import os
from time import sleep

pid = os.fork()
if pid < 0:
    print("Error")
elif pid == 0:
    sleep(2)
    print("child process", os.getpid(), "exits")
    os._exit(3)
else:
    pid, status = os.wait()
    print("pid:", pid, "status:", status)
    print("exit code:", os.WEXITSTATUS(status))
    print("parent done")
