# custom exception classes with args
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key} not found in {where}")
        self.key = key
e = NotFound("x")
print(e, repr(e), e.args, e.key)
try:
    raise NotFound("user", where="cache")
except AppError as err:
    print(type(err).__name__, err, isinstance(err, Exception))
e2 = AppError("a", 1)
print(e2, e2.args, repr(e2))
print(str(AppError()), repr(AppError()))
print(repr(ValueError("m")), str(KeyError("k")), str(KeyError()))
