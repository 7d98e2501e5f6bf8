# like the notes' music example: a thread changes a global seen by main after join
import threading
from time import sleep
a = 1
def music():
    global a
    print("a =", a)
    a = 10000
    for i in range(3):
        sleep(0.01)
        print("playing song", i)
t = threading.Thread(target=music)
t.start()
t.join()
for i in range(2):
    print("main playing", i)
print("main thread a:", a)
