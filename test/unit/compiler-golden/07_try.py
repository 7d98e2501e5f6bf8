def risky(x):
    try:
        r = 10 / x
    except ZeroDivisionError as e:
        print("zero", e)
        return None
    except (TypeError, ValueError):
        raise
    else:
        print("ok")
    finally:
        print("finally")
    return r

try:
    raise ValueError("bad") from None
except:
    pass
