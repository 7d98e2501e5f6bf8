# os._exit ends the process at once: no finally, no flush
import os
print("flushed line", flush=True)
try:
    print("buffered line is lost")
    os._exit(7)
finally:
    print("finally does not run")
