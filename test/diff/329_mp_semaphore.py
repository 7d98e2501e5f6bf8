# multiprocessing.Semaphore shared with a child; get_value
from multiprocessing import Process, Semaphore
def child(sem):
    sem.release()
    sem.release()
if __name__ == "__main__":
    sem = Semaphore(3)
    sem.acquire()
    sem.acquire()
    print("value:", sem.get_value())
    p = Process(target=child, args=(sem,))
    p.start()
    p.join()
    print("after child released twice:", sem.get_value())
    print(sem.acquire(block=False), sem.get_value())
