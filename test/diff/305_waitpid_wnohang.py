# WNOHANG returns (0, 0) while the child is still running
import os
import time
pid = os.fork()
if pid == 0:
    time.sleep(1.0)
    os._exit(9)
print("nohang:", os.waitpid(pid, os.WNOHANG))
rpid, status = os.waitpid(pid, 0)
print("blocking wait:", rpid == pid, os.WEXITSTATUS(status))
try:
    os.waitpid(pid, os.WNOHANG)
except ChildProcessError as e:
    print("ChildProcessError:", e)
