# breaking out of a loop over a generator; close() runs finally
def resource():
    print("open")
    try:
        for i in range(10):
            yield i
    finally:
        print("close")
for x in resource():
    if x == 2:
        break
    print("got", x)
print("after loop")
g = resource()
print(next(g))
del g
print("after del")
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
g2 = ignore_exit()
next(g2)
g2.close()
print("end")
