# a child killed by a signal: WIFSIGNALED and WTERMSIG
import os
import signal
import time
pid = os.fork()
if pid == 0:
    time.sleep(10)
    os._exit(0)
time.sleep(0.1)
os.kill(pid, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
print("signaled:", os.WIFSIGNALED(status), "signal:", os.WTERMSIG(status), "exited:", os.WIFEXITED(status))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(10)
_, status = os.waitpid(pid, 0)
print("signal:", os.WTERMSIG(status), signal.Signals(os.WTERMSIG(status)).name)
