# os.fork, os.wait and the child's exit status
import os
import sys
print("parent starting", flush=True)
pid = os.fork()
if pid == 0:
    print("child running")
    sys.stdout.flush()
    os._exit(3)
else:
    cpid, status = os.wait()
    print("reaped child:", cpid == pid)
    print("exited:", os.WIFEXITED(status), "code:", os.WEXITSTATUS(status), "raw:", status)
