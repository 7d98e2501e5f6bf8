# bit operations on ints
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 1)
print(-1 >> 10, -16 >> 2, ~0, ~-1)
print((255).bit_length(), (0).bit_length(), (-8).bit_length())
print(bin(a), bin(-5), oct(64), hex(255), hex(-255))
print(int("ff", 16), int("0b101", 0), int("777", 8), int(" 42 "))
print(int("-17"), int(3.99), int(-3.99), int(True))
print(0xFF, 0o17, 0b11, 1_000_000)
