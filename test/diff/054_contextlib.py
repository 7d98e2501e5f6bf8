# contextlib.contextmanager and suppress
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
with tag("p") as t:
    print("body", t)
try:
    with tag("div"):
        1 / 0
except ZeroDivisionError:
    print("zero caught")
with contextlib.suppress(KeyError):
    {}["nope"]
print("suppressed")
