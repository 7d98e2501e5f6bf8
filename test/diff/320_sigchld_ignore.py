# with SIGCHLD ignored, children are reaped automatically (no zombies)
import os
import signal
import time
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    os._exit(1)
time.sleep(0.1)
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print("ChildProcessError:", e)
print(signal.getsignal(signal.SIGCHLD))
