# Concept: shared memory with Array: indexable and iterable; bytes have .value.
# (Named array_0.py, not array.py: a file named array.py here would shadow the stdlib
# module `array` that multiprocessing imports, breaking every sample in this folder.)
from multiprocessing import Process, Array

shm = Array('i', [1, 2, 3, 4, 5])  # or Array('i', 5) for five zeros

def fun():
    for i in shm:
        print(i)
    shm[3] = 1000  # visible to the parent

p = Process(target=fun)
p.start()
p.join()
for i in shm:
    print(i)

s = Array('c', b"hello")
p = Process(target=lambda: s.__setitem__(0, b"H"))
p.start()
p.join()
print(s.value)  # the whole byte string
