# os.wait with no children raises ChildProcessError
import os
try:
    os.wait()
except ChildProcessError as e:
    print("ChildProcessError:", e, e.errno)
print(issubclass(ChildProcessError, OSError))
os.wait()
