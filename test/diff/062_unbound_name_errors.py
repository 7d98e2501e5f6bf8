# NameError and UnboundLocalError messages
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(never_defined)
except NameError as e:
    print("NameError:", e)
def g():
    return helper_missing()
try:
    g()
except NameError as e:
    print("NameError:", e)
y = 5
del y
try:
    y
except NameError as e:
    print("NameError:", e)
print(issubclass(UnboundLocalError, NameError))
