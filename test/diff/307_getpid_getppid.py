# the child's parent pid is the parent's pid; pids differ
import os
parent = os.getpid()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    msg = f"{os.getppid() == parent} {os.getpid() != parent} {os.getpid()}"
    os.write(w, msg.encode())
    os._exit(0)
os.close(w)
data = os.read(r, 100).decode().split()
os.waitpid(pid, 0)
print("child sees parent:", data[0])
print("child pid differs:", data[1])
print("fork returned child pid:", int(data[2]) == pid)
