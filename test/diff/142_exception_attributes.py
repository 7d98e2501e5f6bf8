# exception args, str, repr and OSError errno formatting
e = OSError(2, "No such file or directory")
print(e, e.errno, e.strerror, repr(e))
e = FileNotFoundError(2, "No such file or directory", "missing.txt")
print(e, type(e).__name__, isinstance(e, OSError))
print(OSError("plain"), OSError(), OSError(1, 2, 3, 4, 5).args)
k = KeyError("key")
print(str(k), repr(k), k.args)
u = UnicodeError("u")
print(isinstance(u, ValueError), str(ValueError("a", "b")))
s = StopIteration(7)
print(s.value, SystemExit(3).code, SystemExit().code, SystemExit("m", 2).code)
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as err:
    print(err.errno, err.strerror, err.filename)
