# sys basics
import sys
print(sys.argv[0].endswith("103_sys_module.py"), len(sys.argv))
print(sys.getrecursionlimit(), sys.getswitchinterval())
print(sys.version_info[:2] >= (3, 11), sys.version_info.major, type(sys.maxsize))
print(sys.maxsize == 2 ** 63 - 1, sys.platform, sys.byteorder)
print(sys.stdout is sys.__stdout__, hasattr(sys.stderr, "write"))
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
