# random.choice, shuffle, sample, uniform
import random
random.seed(2024)
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.choice([10, 20, 30]))
print(random.sample(range(100), 5))
print(random.uniform(1, 10), random.uniform(-1, 1))
print(random.choices("abc", k=6))
random.seed("text seed")
print(random.random(), random.randint(0, 1000))
