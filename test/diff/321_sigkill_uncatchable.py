# SIGKILL and SIGSTOP cannot be caught or ignored
import signal
for sig in (signal.SIGKILL, signal.SIGSTOP):
    for h in (lambda s, f: None, signal.SIG_IGN):
        try:
            signal.signal(sig, h)
        except OSError as e:
            print(sig.name, type(e).__name__, e)
try:
    signal.signal(999, signal.SIG_IGN)
except ValueError as e:
    print("ValueError:", e)
