# A pipe between a parent and its child: the child writes, closes and exits; the parent
# reads until EOF (every write end closed) and reaps the child.
import os

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"hello ")
    os.write(w, b"through the pipe")
    os.close(w)
    os._exit(0)
os.close(w)
while True:
    data = os.read(r, 8)
    if not data:
        break
    print(data)
os.wait()
