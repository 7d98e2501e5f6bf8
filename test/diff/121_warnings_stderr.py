# warnings go to stderr, once per location
import warnings
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
    return 1
print("start")
warnings.warn("a user warning")
for _ in range(3):
    warnings.warn("repeated", UserWarning)
print("end")
