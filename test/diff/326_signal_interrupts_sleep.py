# a handler runs during sleep; sleep resumes (PEP 475) unless the handler raises
import signal
import time
events = []
signal.signal(signal.SIGALRM, lambda s, f: events.append("handler"))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
time.sleep(0.2)
print(events, "slept fully:", time.monotonic() - t0 >= 0.19)
class Timeout(Exception):
    pass
def raise_timeout(s, f):
    raise Timeout("too slow")
signal.signal(signal.SIGALRM, raise_timeout)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except Timeout as e:
    print("Timeout:", e, "interrupted early:", time.monotonic() - t0 < 4)
