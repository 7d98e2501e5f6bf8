# exceptions propagating through nested calls
def level3(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n
def level2(n):
    try:
        return level3(n)
    finally:
        print("level2 cleanup", n)
def level1(n):
    return level2(n) * 2
for v in (4, -1):
    try:
        print("result", level1(v))
    except ValueError as e:
        print("caught", e)
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("outer got", e)
