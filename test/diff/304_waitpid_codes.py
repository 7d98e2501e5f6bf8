# waitpid on specific children in a chosen order
import os
pids = []
for code in (5, 0, 42):
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    pids.append(pid)
for pid in reversed(pids):
    rpid, status = os.waitpid(pid, 0)
    print("child", pids.index(rpid), "exit code", os.WEXITSTATUS(status), os.WIFSIGNALED(status))
