# os._exit in the child discards unflushed stdout; sys.exit flushes it
import os
import sys
print("start", flush=True)
pid = os.fork()
if pid == 0:
    print("this line is lost (os._exit, no flush)")
    os._exit(0)
os.waitpid(pid, 0)
pid = os.fork()
if pid == 0:
    print("this line survives (sys.exit flushes)")
    sys.exit(0)
os.waitpid(pid, 0)
print("parent done")
