# Concept: the same program without the lock: a reader may see a != b.
# Under CPython 3.11 it never does here: no switch point lies between the two
# increments. A finer schedule (threadline --switch instruction) shows the race.
from threading import Thread

a = b = 0
running = True
seen = 0

def value():
    global seen
    while running:
        if a != b:
            seen += 1
            if seen <= 5:
                print('a=%d,b=%d' % (a, b))

t = Thread(target=value)
t.start()
for i in range(200000):
    a += 1
    b += 1
running = False
t.join()
print('inconsistent reads:', seen)
