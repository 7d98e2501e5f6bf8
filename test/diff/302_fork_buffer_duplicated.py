# text still in the stdout buffer at fork() is printed twice when stdout is a pipe
import os
print("printed once before fork?")
pid = os.fork()
if pid == 0:
    print("child")
else:
    os.waitpid(pid, 0)
    print("parent")
