# a forked child that raises, a child killed by SIGINT, kill(pid, 0), join(timeout), sys.exit in a handler
import os, sys, signal, time
import multiprocessing as mp
pid = os.fork()
if pid == 0:
    raise ValueError("child boom")
_, st = os.waitpid(pid, 0)
print("child exit", os.WEXITSTATUS(st), os.WIFSIGNALED(st))
pid = os.fork()
if pid == 0:
    time.sleep(5)
    os._exit(0)
time.sleep(0.1)
os.kill(pid, signal.SIGINT)
_, st = os.waitpid(pid, 0)
print("sigint child", os.WIFSIGNALED(st), os.WTERMSIG(st))
print(os.kill(os.getpid(), 0))
try:
    os.kill(pid, 0)
except ProcessLookupError as e:
    print("gone:", e)
def h(s, f):
    sys.exit(4)
def sleeper():
    time.sleep(1)
if __name__ == "__main__":
    p = mp.Process(target=sleeper)
    p.start()
    p.join(0.2)
    print("after join(0.2):", p.is_alive(), p.exitcode)
    p.join()
    print("after join():", p.is_alive(), p.exitcode)
    signal.signal(signal.SIGUSR1, h)
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
    finally:
        print("finally runs")
