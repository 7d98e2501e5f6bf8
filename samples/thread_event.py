# Concept: thread synchronization with Event (notes' bar() password example).
from threading import Event, Thread
from time import sleep

s = None  # the shared variable used to communicate
e = Event()

def bar():
    print('Bar arrives at the mountain gate')
    sleep(3)
    global s
    s = 'tiger of the heavens'  # the password
    e.set()

b = Thread(target=bar)
b.start()
sleep(2)
print('say the password and you are one of us')
e.wait()  # blocks until bar() sets the event
if s == 'tiger of the heavens':
    print('confirmed, you are the right person')
else:
    print('get him')
e.clear()
b.join()
