# LEGB name resolution
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def inner_local():
        x = "local"
        return x
    return inner(), inner_local()
print(outer(), x)
def uses_builtin():
    return len("abc")
len_backup = len
def shadow_builtin():
    len = lambda s: -1
    return len("abc")
print(uses_builtin(), shadow_builtin(), len("ab"))
class K:
    x = "class"
    def m(self):
        return x
print(K().m())
