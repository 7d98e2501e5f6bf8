# Concept: a zombie: the child exits but the parent never waits for it.
import os
from time import sleep

pid = os.fork()
if pid == 0:
    print("child", os.getpid(), "exits now")
    os._exit(0)
else:
    # while the parent sleeps, `ps -o pid,ppid,stat,cmd` shows the child as Z
    print("parent", os.getpid(), "does not wait; child", pid, "is a zombie")
    sleep(3)
    print("parent exits; init reaps the zombie")
