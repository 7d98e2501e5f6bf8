# *args and **kwargs
def show(*args, **kwargs):
    print(len(args), args, sorted(kwargs.items()))
show()
show(1, 2)
show(1, x=2, y=3)
show(*range(3), **{"k": "v"})
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3))
def wrapper(*a, **k):
    return total(*a, **k)
print(wrapper(10, 20))
try:
    total()
except TypeError as e:
    print(e)
try:
    total(1, z=2)
except TypeError as e:
    print(e)
