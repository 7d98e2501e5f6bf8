# after fork, only the forking thread exists in the child
import os
import threading
gate = threading.Event()
t = threading.Thread(target=gate.wait)
t.start()
print("parent threads:", threading.active_count(), flush=True)
pid = os.fork()
if pid == 0:
    print("child threads:", threading.active_count(), threading.current_thread().name)
    import sys
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
gate.set()
t.join()
print("parent threads after join:", threading.active_count())
