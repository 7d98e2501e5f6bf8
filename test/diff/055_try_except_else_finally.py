# try/except/else/finally order
def run(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("except", e)
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)
print(run(2))
print(run(0))
try:
    int("q")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    [][0]
except LookupError as e:
    print("LookupError catches", type(e).__name__)
