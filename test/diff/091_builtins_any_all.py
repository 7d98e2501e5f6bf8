# any, all
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), all("abc"))
print(any(x > 10 for x in range(20)), all(isinstance(x, int) for x in [1, 2, True]))
calls = []
def check(x):
    calls.append(x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]), calls)
