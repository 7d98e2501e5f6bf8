# Concept: thread attributes: name, setName/getName, is_alive, currentThread, daemon.
from threading import currentThread, Thread
from time import sleep

def fun():
    sleep(3)
    # the current thread object
    print('running thread %s' % currentThread().getName())
    print('thread attribute test')

t = Thread(target=fun, name='Tarena')
t.setDaemon(True)  # set before start (deprecated spelling of t.daemon = True)
t.daemon = False
t.start()
t.setName('Tedu')
print('Thread name:', t.name)
print('Thread get name:', t.getName())
print('judge status:', t.is_alive())
print('daemon:', t.isDaemon())
# t.join()
print('*********** main thread ends ***************')
