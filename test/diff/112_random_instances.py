# independent Random instances and getrandbits
import random
r1 = random.Random(7)
r2 = random.Random(7)
print(r1.random() == r2.random(), r1.randint(1, 1000), r2.randint(1, 1000))
r3 = random.Random(123)
print([r3.getrandbits(8) for _ in range(5)], r3.getrandbits(64))
print(round(r3.gauss(0, 1), 10) == round(r3.gauss(0, 1), 10))
random.seed(99)
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
print(random.Random(5).randrange(0, 100, 5), random.Random(1).choice(range(1000)))
