# Process.terminate gives exitcode -SIGTERM
import multiprocessing as mp
import time
def sleeper():
    time.sleep(10)
if __name__ == "__main__":
    p = mp.Process(target=sleeper, name="sleepy")
    p.start()
    time.sleep(0.1)
    print(p.name, "alive:", p.is_alive())
    p.terminate()
    p.join()
    print("exitcode:", p.exitcode, "alive:", p.is_alive())
    q = mp.Process(target=sleeper)
    q.start()
    q.kill()
    q.join()
    print("kill exitcode:", q.exitcode)
