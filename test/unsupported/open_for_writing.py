# unsupported: open() for writing
print("hi")
f = open("x.txt", "w")
