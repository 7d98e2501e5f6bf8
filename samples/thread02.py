# Concept: passing args and kwargs to thread functions (fun(sec, name)).
from threading import Thread
from time import sleep

def fun(sec, name):
    print('thread got its arguments')
    sleep(sec)
    print('%s finished' % name)

threads = []
for i in range(3):
    t = Thread(target=fun, args=(2,), kwargs={'name': 't%d' % i})
    threads.append(t)
    t.start()
for t in threads:
    t.join()
