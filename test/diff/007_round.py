# round uses banker's rounding
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675):
    print(x, round(x))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(round(7), round(7.0), type(round(7.0)), type(round(7.0, 1)))
print(round(-2.5), round(0.125, 2), round(0.375, 2))
