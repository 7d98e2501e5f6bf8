# writing to a pipe whose read end is closed raises BrokenPipeError
import os
r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"nobody reads")
except BrokenPipeError as e:
    print("BrokenPipeError:", e, e.errno)
os.close(w)
try:
    os.write(w, b"x")
except OSError as e:
    print("OSError:", e)
