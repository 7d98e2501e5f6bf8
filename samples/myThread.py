# Concept: a custom thread class: inherit Thread, call super().__init__(), override run().
from threading import Thread
from time import sleep, ctime

class MyThread(Thread):
    def __init__(self, target, args=(), kwargs={}, name='Thread-1'):
        super().__init__()
        self.target = target
        self.args = args
        self.kwargs = kwargs
        self.name = name

    def run(self):
        self.target(*self.args, **self.kwargs)

def player(sec, song):
    for i in range(3):  # the notes loop 20 times
        print('Playing %s:%s' % (song, ctime()))
        sleep(sec)

t = MyThread(target=player, args=(3,), kwargs={'song': 'Liang Liang'}, name='Tedu')
t.start()
t.join()
