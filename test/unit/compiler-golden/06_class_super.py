class Base:
    """A base."""
    kind = "base"
    def __init__(self, v):
        self.__v = v

class Child(Base):
    def __init__(self, v):
        super().__init__(v)
        self.items = [kind for kind in range(v)]

    @property
    def size(self):
        return len(self.items)
