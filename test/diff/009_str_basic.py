# basic string operations
s = "Hello, World"
print(len(s), s[0], s[-1], s[7:], s[:5], s[::-1], s[::2])
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s + "!", s * 2, "-" * 10)
print("lo" in s, "xyz" not in s)
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"))
print(s.startswith("Hell"), s.endswith("ld"), s.startswith(("x", "H")))
print(ord("A"), chr(97), chr(0x4e2d), ord("中"))
print("abc" < "abd", "Z" < "a", "" < "a")
