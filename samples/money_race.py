# Concept: a race on shared memory: += on Value.value is not atomic between processes.
from multiprocessing import Process, Value

money = Value('i', 2000)

def man():
    for i in range(200000):
        money.value += 1

def girl():
    for i in range(200000):
        money.value -= 1

if __name__ == "__main__":
    m = Process(target=man)
    g = Process(target=girl)
    m.start()
    g.start()
    m.join()
    g.join()
    print("money =", money.value, "(2000 expected; updates were lost)" if money.value != 2000 else "")
