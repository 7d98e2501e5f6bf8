# exceptions raised in else and finally blocks
def f(flag):
    try:
        pass
    except Exception:
        print("not reached")
    else:
        if flag:
            raise KeyError("from else")
    finally:
        print("finally", flag)
for flag in (False, True):
    try:
        f(flag)
        print("ok", flag)
    except KeyError as e:
        print("caught", e)
def g():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    g()
except TypeError as e:
    print(e, "| context:", e.__context__)
