# sys.exit in a forked child runs finally blocks and flushes output
import os
import sys
print("parent before fork", flush=True)
pid = os.fork()
if pid == 0:
    try:
        print("child working")
        sys.exit(5)
    finally:
        print("child finally")
_, status = os.waitpid(pid, 0)
print("child exit code", os.WEXITSTATUS(status))
