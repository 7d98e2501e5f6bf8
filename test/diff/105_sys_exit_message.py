# sys.exit with a message prints it to stderr and exits 1
import sys
print("about to fail")
sys.exit("fatal: configuration missing")
