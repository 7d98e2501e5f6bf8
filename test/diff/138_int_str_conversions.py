# int/str conversions and bases
for n in (0, 7, 255, -42, 2 ** 40):
    print(n, str(n), bin(n), oct(n), hex(n), f"{n:o}")
print(int("0x1f", 16), int("1f", 16), int("0o17", 8), int("z" * 3, 36))
print(str(10 ** 25), int("9" * 30) + 1)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
print(int("  -0012  "), "{:d}".format(True), float("1e-3"), str(1e-5), str(123.0))
