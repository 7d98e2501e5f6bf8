# Concept: fixing the money race with the Value's lock (mutual exclusion).
from multiprocessing import Process, Value

money = Value('i', 2000)

def man():
    for i in range(200000):
        with money.get_lock():  # critical section
            money.value += 1

def girl():
    for i in range(200000):
        with money.get_lock():
            money.value -= 1

if __name__ == "__main__":
    m = Process(target=man)
    g = Process(target=girl)
    m.start()
    g.start()
    m.join()
    g.join()
    print("money =", money.value)
