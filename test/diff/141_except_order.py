# except clause order, exception hierarchy and bare except
def classify(fn):
    try:
        fn()
    except ZeroDivisionError:
        return "zero"
    except ArithmeticError:
        return "arith"
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
    except BaseException:
        return "base"
    return "none"
print(classify(lambda: 1 / 0))
print(classify(lambda: 2.0 ** 10000))
print(classify(lambda: [][1]))
print(classify(lambda: {}[1]))
print(classify(lambda: int("z")))
def sysexit():
    raise SystemExit(5)
print(classify(sysexit))
print(classify(lambda: None))
try:
    raise ValueError
except:
    print("bare except caught")
print([c.__name__ for c in ZeroDivisionError.__mro__])
