# from-imports, aliases, and from x import *
from collections import deque as dq
from math import *
import math as m
import os.path
print(dq([1, 2]).maxlen, floor(2.7), sqrt(9), pi == m.pi)
print(m.__name__, os.path.join("a", "b"), os.path.basename("/x/y.py"), os.path.splitext("f.tar.gz"))
import sys
print("math" in sys.modules, type(m).__name__)
