# a child that exits first stays a zombie until waitpid collects its status
import os
import time
pid = os.fork()
if pid == 0:
    os._exit(4)
time.sleep(0.1)
rpid, status = os.waitpid(pid, 0)
print("reaped late:", rpid == pid, "code", os.WEXITSTATUS(status))
