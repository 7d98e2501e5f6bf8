# __repr__ vs __str__
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x!r})"
    def __str__(self):
        return f"<{self.x}>"
v = V("a")
print(v, repr(v), str(v), [v], (v,), {"k": v})
print(f"{v}|{v!r}", "%s %r" % (v, v), "{} {!r}".format(v, v))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()))
class Plain:
    pass
print(repr(Plain()).startswith("<__main__.Plain object at 0x"))
