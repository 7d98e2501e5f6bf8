# seeded random is deterministic
import random
random.seed(42)
print(random.random(), random.random())
print(random.randint(1, 100), random.randint(1, 6), random.randrange(10))
random.seed(42)
print(random.random())
random.seed(0)
print([random.randint(1, 10) for _ in range(10)])
