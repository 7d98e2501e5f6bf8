# inheritance and method overriding
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} says {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"
for a in [Animal("a"), Cat("Tom"), Lion("Leo", 5)]:
    print(a.describe())
print(issubclass(Lion, Animal), issubclass(Animal, Cat), isinstance(Lion("x", 1), Cat))
print(Lion.__bases__[0].__name__, [c.__name__ for c in Lion.__mro__])
