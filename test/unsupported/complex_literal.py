# unsupported: complex numbers
print(abs(3 + 4j))
