# isinstance, issubclass, type
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (int, B)), isinstance(3, (str, float)))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, int), issubclass(B, (int, A)))
print(type(b) is B, type(b) == A, type(3), type("s"), type([]), type(type))
print(type(3.0).__name__, type(None).__name__, type(len).__name__, type(lambda: 0).__name__)
print(isinstance(True, int), isinstance(1, bool), isinstance([], object))
T = type("T", (A,), {"x": 5})
print(T.x, T.__name__, isinstance(T(), A))
