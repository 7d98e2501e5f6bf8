# getattr, setattr, hasattr, delattr, vars, dir
class Cfg:
    debug = False
c = Cfg()
setattr(c, "level", 3)
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "dflt"))
print(hasattr(c, "level"), hasattr(c, "nope"))
delattr(c, "level")
print(hasattr(c, "level"), vars(c))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print("debug" in dir(c), [n for n in dir(c) if not n.startswith("_")])
for name in ["upper", "lower"]:
    print(getattr("MiXed", name)())
