# default __eq__ is identity; __ne__ derives from __eq__
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a in [b], a in [a])
class Money:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, Money) and self.v == o.v
print(Money(1) == Money(1), Money(1) != Money(1), Money(1) != Money(2), Money(1) == 1)
print(Money.__hash__ is None)
print([Money(2)].count(Money(2)), [Money(1), Money(2)].index(Money(2)))
