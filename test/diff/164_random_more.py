# more seeded random functions
import random
random.seed(12345)
print(random.choices(["red", "green", "blue"], weights=[10, 1, 1], k=8))
print(random.sample("abcdefgh", 3), random.randrange(100, 200, 7))
print(round(random.gauss(100, 15), 6), round(random.normalvariate(0, 1), 6))
print(round(random.expovariate(2.0), 6), round(random.triangular(0, 10, 3), 6))
deck = [f"{r}{s}" for s in "SH" for r in "A23"]
random.shuffle(deck)
print(deck)
print(random.random() < 1, random.getrandbits(16))
