name = "x"
width = 8
print(f"{name!r:>{width}} and {3.5:.2f} {name=}")
assert width > 0, f"width {width}"
del name, width
