# SIGCHLD handler reaps the child with WNOHANG
import os
import signal
import time
reaped = []
def on_child(sig, frame):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        reaped.append(os.WEXITSTATUS(status))
signal.signal(signal.SIGCHLD, on_child)
pid = os.fork()
if pid == 0:
    time.sleep(0.05)
    os._exit(7)
while not reaped:
    time.sleep(0.01)
print("SIGCHLD handler reaped child with status", reaped)
