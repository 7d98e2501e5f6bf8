# SIG_IGN ignores a signal; SIG_DFL restores the default action (terminate)
import os
import signal
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print("still alive after ignored SIGUSR1")
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGUSR1)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child terminated by", signal.Signals(os.WTERMSIG(status)).name)
print(int(signal.SIGUSR1), int(signal.SIGUSR2), int(signal.SIGCHLD), int(signal.SIGALRM))
