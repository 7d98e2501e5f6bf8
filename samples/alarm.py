# Concept: signal.alarm: one alarm per process, a new one replaces the old; pause waits.
import signal
import time

print(signal.alarm(5))  # 0: no previous alarm
time.sleep(2)
print(signal.alarm(3))  # replaces the first alarm, returns seconds left (3)
print("alarm set, pausing")
signal.pause()          # blocks until a signal: SIGALRM's default action ends us
print("never printed: SIGALRM terminates the process")
