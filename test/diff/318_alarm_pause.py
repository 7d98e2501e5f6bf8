# signal.alarm schedules SIGALRM; a new alarm replaces the old one
import signal
def on_alarm(sig, frame):
    print("alarm!", sig)
signal.signal(signal.SIGALRM, on_alarm)
print("first alarm returns", signal.alarm(5))
print("second alarm returns", signal.alarm(1))
print("pausing")
signal.pause()
print("woke up after the alarm")
print("no alarm pending:", signal.alarm(0))
