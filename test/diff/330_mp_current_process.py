# current_process names and pids seen from parent and child
import multiprocessing as mp
import os
def report(q):
    me = mp.current_process()
    q.put((me.name, me.pid == os.getpid(), mp.parent_process().name))
if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    q = mp.Queue()
    ps = [mp.Process(target=report, args=(q,)) for _ in range(2)]
    ps.append(mp.Process(target=report, args=(q,), name="custom"))
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(q.get() for _ in ps))
    print([p.name for p in ps], all(p.pid for p in ps))
