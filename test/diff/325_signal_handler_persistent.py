# a handler stays installed: it runs for every delivery
import os
import signal
count = 0
def h(sig, frame):
    global count
    count += 1
    print("delivery", count)
signal.signal(signal.SIGUSR2, h)
for _ in range(3):
    os.kill(os.getpid(), signal.SIGUSR2)
print("handled", count, "times")
