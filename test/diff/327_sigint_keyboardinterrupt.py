# SIGINT's default handler raises KeyboardInterrupt in the main thread
import os
import signal
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
    for i in range(1000):
        pass
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt caught")
signal.signal(signal.SIGINT, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGINT)
print("ignored SIGINT")
signal.signal(signal.SIGINT, signal.default_int_handler)
os.kill(os.getpid(), signal.SIGINT)
print("not printed either")
