# __iadd__, __getattr__ fallback, __setattr__
class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, n):
        self.total += n
        return self
a = Acc()
a += 5
a += 7
print(a.total)
class Dyn:
    def __getattr__(self, name):
        return f"<{name}>"
d = Dyn()
d.real = 1
print(d.real, d.missing, getattr(d, "other"))
class Logged:
    def __setattr__(self, k, v):
        print("set", k, v)
        super().__setattr__(k, v)
l = Logged()
l.x = 3
print(l.x)
