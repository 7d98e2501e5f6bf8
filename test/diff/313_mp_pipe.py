# multiprocessing.Pipe: duplex send/recv and EOFError when the other end closes
from multiprocessing import Pipe, Process
def child(conn):
    msg = conn.recv()
    conn.send({"echo": msg, "len": len(msg)})
    conn.send([1, 2, 3])
    conn.close()
if __name__ == "__main__":
    parent_end, child_end = Pipe()
    p = Process(target=child, args=(child_end,))
    p.start()
    child_end.close()
    parent_end.send("hello")
    print(parent_end.recv())
    print(parent_end.recv())
    try:
        parent_end.recv()
    except EOFError:
        print("EOFError: child closed its end")
    p.join()
    r, w = Pipe(duplex=False)
    w.send("one-way")
    print(r.poll(), r.recv(), r.poll())
