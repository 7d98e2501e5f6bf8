# str.format
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {age}".format(name="Eve", age=7))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3}|{:10.4f}|{:,d}".format(3.14159, 2.0, 9876543))
p = (3, 4)
print("x={0[0]} y={0[1]}".format(p))
class P:
    x = 5
print("{0.x}".format(P()))
print("{!r:>8}".format("hi"), "{:{}}|".format("ab", 5))
print(format(42, "08b"), format(3.5, ".2e"), format("s", ">3"), format(1234, ","))
