# start and join one thread at a time: output order is fixed
from threading import Thread
def fun(sec, name):
    print("thread", name, "got", sec)
    print(name, "done")
for i in range(3):
    t = Thread(target=fun, args=(i,), kwargs={"name": "t%d" % i})
    t.start()
    t.join()
print("all joined")
