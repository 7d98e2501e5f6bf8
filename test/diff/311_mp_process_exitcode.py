# multiprocessing.Process: join and exitcode (0, sys.exit code, uncaught exception)
import multiprocessing as mp
import sys
def ok():
    pass
def quits():
    sys.exit(3)
def fails():
    raise ValueError("failure in child")
if __name__ == "__main__":
    for fn in (ok, quits, fails):
        p = mp.Process(target=fn)
        print(fn.__name__, "before start:", p.exitcode, p.is_alive())
        p.start()
        p.join()
        print(fn.__name__, "exitcode:", p.exitcode, p.is_alive())
