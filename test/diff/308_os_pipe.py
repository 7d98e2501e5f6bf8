# os.pipe between parent and child; read returns b"" at EOF
import os
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    for word in ["hello", " ", "pipe"]:
        os.write(w, word.encode())
    os.close(w)
    os._exit(0)
os.close(w)
chunks = []
while True:
    data = os.read(r, 4)
    if not data:
        break
    chunks.append(data)
os.close(r)
os.wait()
print(b"".join(chunks).decode())
print("EOF reached")
