# SIGSTOP stops a child (waitpid WUNTRACED sees it), SIGCONT continues it (WCONTINUED),
# SIGCHLD arrives for each change; a stopped child ignores nothing but SIGKILL ends it
import os
import signal
import time
got = []
signal.signal(signal.SIGCHLD, lambda s, f: got.append(s))
pid = os.fork()
if pid == 0:
    time.sleep(0.3)
    os._exit(5)
os.kill(pid, signal.SIGSTOP)
p, st = os.waitpid(pid, os.WUNTRACED)
print("stopped:", os.WIFSTOPPED(st), os.WSTOPSIG(st) == signal.SIGSTOP)
os.kill(pid, signal.SIGCONT)
p, st = os.waitpid(pid, os.WCONTINUED)
print("continued:", os.WIFCONTINUED(st))
p, st = os.waitpid(pid, 0)
print("exited:", os.WIFEXITED(st), os.WEXITSTATUS(st))
print("SIGCHLD handled:", len(got) >= 1, set(got) == {signal.SIGCHLD})
pid = os.fork()
if pid == 0:
    time.sleep(5)
    os._exit(0)
os.kill(pid, signal.SIGSTOP)
os.waitpid(pid, os.WUNTRACED)
os.kill(pid, signal.SIGTERM)
os.kill(pid, signal.SIGKILL)
p, st = os.waitpid(pid, 0)
print("killed while stopped:", os.WTERMSIG(st))
