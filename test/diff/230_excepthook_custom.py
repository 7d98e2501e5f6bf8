# a custom threading.excepthook receives the exception details
import threading
def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)
threading.excepthook = hook
def bad():
    {}["nokey"]
t = threading.Thread(target=bad, name="BadThread")
t.start()
t.join()
print("done")
