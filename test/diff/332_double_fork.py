# double fork: the grandchild is orphaned; the parent reaps only its child
import os
import time
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    if os.fork() == 0:
        time.sleep(0.1)
        os.write(w, b"grandchild finished")
        os._exit(0)
    os._exit(0)
os.close(w)
_, status = os.waitpid(pid, 0)
print("first child reaped, status", status)
print(os.read(r, 100).decode())
