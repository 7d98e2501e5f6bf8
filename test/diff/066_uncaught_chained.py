# uncaught exception raised from another one
def load(d):
    try:
        return d["key"]
    except KeyError as e:
        raise LookupError("config incomplete") from e
print("loading")
load({})
