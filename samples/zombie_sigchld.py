# Concept: handling zombies with signal(SIGCHLD, SIG_IGN): the system reaps children.
import os
import signal
from time import sleep

signal.signal(signal.SIGCHLD, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    print("child", os.getpid(), "exits")
    os._exit(0)
else:
    sleep(2)  # no zombie: the child was reaped automatically
    try:
        os.wait()
    except ChildProcessError as e:
        print("nothing to wait for:", e)
    print("parent exits")
