# f-strings with format specs
x = 3.14159
n = 1234567
name = "Ada"
print(f"{x:.2f}|{x:8.3f}|{x:<8.1f}|{x:^9.2f}|{x:+.1f}")
print(f"{n:,}|{n:_}|{n:>12,}|{n:012d}|{-n:,}")
print(f"{255:x}|{255:X}|{255:#x}|{5:b}|{5:08b}|{8:o}|{8:#o}")
print(f"{0.256:%}|{0.256:.1%}|{1e6:e}|{12345.678:.3e}|{0.00001234:g}|{123456789.0:g}")
print(f"{name!r}|{name:>6}|{name:*^9}|{name:-<6}|{name!s:5}|")
print(f"{n = }|{x=:.1f}|{name=}")
print(f"{'nested ' + name}|{[1, 2][1]}|{ {'a': 1}['a'] }|{{literal}}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|")
print(f"{True}|{None}|{3:>4}|{-3:>4}|{3:<4}|{-3:=6}")
