# __call__, __bool__, __len__ truthiness
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
add5 = Adder(5)
print(add5(10), callable(add5), callable(5))
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Empty()), bool(Falsy()), len(Falsy()), bool(object()))
print("yes" if Empty() else "no", not Falsy())
