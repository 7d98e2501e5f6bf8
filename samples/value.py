# Concept: shared memory with Value: two processes change the same money (notes' man/girl).
from multiprocessing import Value, Process
import time
import random

money = Value('i', 40000)  # shared int, initial value

def man():
    for i in range(30):
        time.sleep(0.2)
        money.value += random.randint(1, 1000)

def girl():
    for i in range(30):
        time.sleep(0.16)
        money.value -= random.randint(100, 900)

m = Process(target=man)
g = Process(target=girl)
m.start()
g.start()
m.join()
g.join()
print(money.value)
