def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

total = 0
def add(v):
    global total
    total += v
    return lambda: total + v
