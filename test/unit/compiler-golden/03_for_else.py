for i in range(3):
    if i == 1:
        break
else:
    print("no break")
for a, (b, *c) in [(1, (2, 3, 4))]:
    print(a, b, c)
