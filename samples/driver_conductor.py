# Concept: signals between parent (driver) and child (conductor); keyboard signals go to both.
# Press Ctrl-C, Ctrl-\ and Ctrl-Z in the terminal (or `threadline run --signal T:SIGINT` ...).
# `python3 driver_conductor.py --demo` sends the three keyboard signals itself.
import os
import signal
import sys
from time import sleep

def conductor_handler(sig, frame):
    if sig == signal.SIGINT:
        os.kill(os.getppid(), signal.SIGUSR1)
    elif sig == signal.SIGQUIT:
        os.kill(os.getppid(), signal.SIGUSR2)
    elif sig == signal.SIGUSR1:
        print("We have arrived, please get off")
        sys.exit(0)  # the conductor gets off first

def driver_handler(sig, frame):
    if sig == signal.SIGUSR1:
        print("The old driver starts the bus")
    elif sig == signal.SIGUSR2:
        print("A bit fast, fasten your seat belts")
    elif sig in (signal.SIGTSTP, signal.SIGALRM):
        os.kill(pid, signal.SIGUSR1)

pid = os.fork()
if pid == 0:  # child: the conductor
    signal.signal(signal.SIGINT, conductor_handler)
    signal.signal(signal.SIGQUIT, conductor_handler)
    signal.signal(signal.SIGUSR1, conductor_handler)
    signal.signal(signal.SIGTSTP, signal.SIG_IGN)
    while True:
        signal.pause()
else:  # parent: the driver
    signal.signal(signal.SIGUSR1, driver_handler)
    signal.signal(signal.SIGUSR2, driver_handler)
    signal.signal(signal.SIGTSTP, driver_handler)
    signal.signal(signal.SIGALRM, driver_handler)  # end of the line if nobody presses Ctrl-Z
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGQUIT, signal.SIG_IGN)
    signal.alarm(30)
    if "--demo" in sys.argv:
        for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGTSTP):
            sleep(0.5)
            os.kill(pid, sig)          # what the terminal does: both processes get it
            os.kill(os.getpid(), sig)
    os.wait()  # the conductor gets off first
    print("The driver gets off")
