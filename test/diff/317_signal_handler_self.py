# a handler for SIGUSR1, triggered by sending the signal to ourselves
import os
import signal
def handler(sig, frame):
    print("handler got", sig, signal.Signals(sig).name, frame is not None)
old = signal.signal(signal.SIGUSR1, handler)
print("previous handler:", old)
print("current is handler:", signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill")
prev = signal.signal(signal.SIGUSR1, signal.SIG_DFL)
print(prev is handler, signal.getsignal(signal.SIGUSR1))
