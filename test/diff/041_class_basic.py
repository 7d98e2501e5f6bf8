# class basics: attributes, methods, class vs instance attributes
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name):
        self.name = name
        self.tricks = []
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
        return self
d = Dog("Rex")
e = Dog("Fido")
d.add_trick("sit").add_trick("roll")
print(d.name, d.tricks, e.tricks, Dog.count, d.species)
e.species = "wolf"
print(e.species, Dog.species, d.species)
print(type(d).__name__, isinstance(d, Dog), hasattr(d, "name"), hasattr(d, "age"))
print(sorted(vars(d)), Dog.__name__)
