n = 10
while n > 0:
    if n % 2 == 0:
        n -= 1
        continue
    elif n == 3:
        break
    n = n - 2
else:
    print("done")
while True:
    pass
