# multiprocessing Condition/Barrier/JoinableQueue/Value/Array/Pool/Pipe/Event/Queue details across processes
import multiprocessing as mp
import ctypes, time, queue
def cond_child(c, v):
    with c:
        v.value = 1
        c.notify()
def bar_child(b, a, i):
    b.wait()
    a[i] = i + 10
def jq_worker(q):
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            break
        q.task_done()
def err(x):
    raise KeyError(x)
if __name__ == "__main__":
    c = mp.Condition()
    v = mp.Value(ctypes.c_int, 0)
    p = mp.Process(target=cond_child, args=(c, v))
    with c:
        p.start()
        c.wait_for(lambda: v.value == 1, timeout=5)
    p.join()
    print("cond", v.value, v)
    b = mp.Barrier(3)
    a = mp.Array('i', 3)
    ps = [mp.Process(target=bar_child, args=(b, a, i)) for i in range(3)]
    for q in ps: q.start()
    for q in ps: q.join()
    print("barrier", a[:], a[1:], list(a), a[-1])
    jq = mp.JoinableQueue()
    w = mp.Process(target=jq_worker, args=(jq,))
    w.start()
    for i in range(3): jq.put(i)
    jq.put(None)
    jq.join()
    print("joined queue", jq.qsize())
    w.join()
    d = mp.Value(ctypes.c_double, 2.5)
    d.value += 1
    f = mp.Value('f', 0.1)
    l = mp.Value('l', 2**40)
    bb = mp.Value('b', 127)
    bb.value += 1
    print(d.value, round(f.value, 7), l.value, bb.value, mp.Value('c', b'z').value)
    with mp.Pool(2) as pool:
        print(list(pool.imap(abs, [-1, -2, -3])))
        r = pool.apply_async(err, (5,), error_callback=lambda e: print("errcb", repr(e)))
        r.wait()
        print(r.ready(), r.successful())
        try:
            r.get()
        except KeyError as e:
            print("KeyError", e)
    r1, w1 = mp.Pipe(duplex=False)
    print(r1.poll(0.1))
    w1.send_bytes(b"raw")
    print(r1.recv_bytes(), r1.readable, r1.writable, w1.readable)
    try:
        w1.recv()
    except OSError as e:
        print("OSError", e)
    bs = mp.BoundedSemaphore(1)
    bs.acquire(); bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError", e)
    e = mp.Event()
    print(e.is_set(), e.wait(0.01))
    q = mp.Queue(2)
    q.put(1); q.put(2)
    print(q.full(), q.qsize())
    try:
        q.put(3, timeout=0.01)
    except queue.Full:
        print("Full")
    p = mp.Process(target=time.sleep, args=(0.1,))
    p.start(); p.join()
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError", e)
