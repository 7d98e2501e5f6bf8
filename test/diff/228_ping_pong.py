# two threads strictly alternate using two semaphores
import threading
ping_turn = threading.Semaphore(1)
pong_turn = threading.Semaphore(0)
def ping():
    for i in range(4):
        ping_turn.acquire()
        print("ping", i)
        pong_turn.release()
def pong():
    for i in range(4):
        pong_turn.acquire()
        print("pong", i)
        ping_turn.release()
a = threading.Thread(target=ping)
b = threading.Thread(target=pong)
b.start()
a.start()
a.join()
b.join()
