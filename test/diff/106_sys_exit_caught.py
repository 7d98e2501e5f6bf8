# SystemExit can be caught; finally blocks run
import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print("no arg:", e.code)
def work():
    try:
        print("working")
        sys.exit(0)
    finally:
        print("cleanup runs")
work()
print("not printed")
