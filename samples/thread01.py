# Concept: creating a thread; threads share globals (notes' music thread).
import threading
from time import sleep
import os

a = 1

def music():  # the thread function
    global a
    print('a =', a)
    a = 10000
    for i in range(5):
        sleep(2)
        print('playing "Learn to Meow"', os.getpid())

t = threading.Thread(target=music)
t.start()
for i in range(3):  # runs in the main thread
    sleep(3)
    print('playing "Calorie"', os.getpid())
t.join()
print('main thread a:', a)
