# signal numbers and names on Linux
import signal
for name in ["SIGHUP", "SIGINT", "SIGQUIT", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGTERM", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP"]:
    s = getattr(signal, name)
    print(name, int(s), s.name, signal.strsignal(s))
print(repr(signal.SIGINT), signal.Signals(9))
print(signal.SIG_DFL, signal.SIG_IGN, int(signal.SIG_IGN))
