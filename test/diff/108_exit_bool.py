# sys.exit(True) exits with status 1 silently
import sys
print("exit True")
sys.exit(True)
