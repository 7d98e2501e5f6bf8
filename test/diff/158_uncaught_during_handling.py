# an exception raised while handling another (implicit chaining), uncaught
def cleanup():
    raise RuntimeError("cleanup failed")
try:
    print("working")
    [1, 2, 3][10]
except IndexError:
    cleanup()
