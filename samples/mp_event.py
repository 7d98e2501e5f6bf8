# Concept: multiprocessing.Event: wait (with timeout), set, clear, is_set.
from multiprocessing import Process, Event
from time import sleep

def wait_event(e):
    print("waiting for the event")
    e.wait()
    print("event set, go:", e.is_set())

def wait_timeout(e):
    e.wait(2)  # gives up after 2 seconds
    print("timeout waiter:", e.is_set())

if __name__ == "__main__":
    e = Event()
    p1 = Process(target=wait_event, args=(e,))
    p2 = Process(target=wait_timeout, args=(e,))
    p1.start()
    p2.start()
    sleep(3)
    e.set()
    p1.join()
    p2.join()
    e.clear()
    print("after clear:", e.is_set())
