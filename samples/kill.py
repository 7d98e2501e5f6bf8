# Concept: os.kill(pid, sig) sends a signal to a process (here, to a child).
import os
import signal
from time import sleep

pid = os.fork()
if pid == 0:
    while True:
        print("child working")
        sleep(1)
else:
    sleep(2.5)
    os.kill(pid, signal.SIGKILL)  # like `kill -9 PID`
    p, status = os.wait()
    print("child killed by signal", os.WTERMSIG(status))
