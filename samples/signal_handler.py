# Concept: signal.signal with SIG_DFL, SIG_IGN and a handler(sig, frame) function.
import signal
from time import sleep

def handler(sig, frame):
    if sig == signal.SIGALRM:
        print("got the alarm signal")
    elif sig == signal.SIGINT:
        print("Ctrl-C is ignored here, try Ctrl-\\")

signal.alarm(3)
signal.signal(signal.SIGALRM, handler)       # handle the alarm ourselves
signal.signal(signal.SIGINT, handler)        # and Ctrl-C
signal.signal(signal.SIGTSTP, signal.SIG_IGN)  # Ctrl-Z is ignored
signal.signal(signal.SIGQUIT, signal.SIG_DFL)  # Ctrl-\ keeps its default: quit

for i in range(5):
    sleep(1)
    print("waiting for signals")
