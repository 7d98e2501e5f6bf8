def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield from range(got)
    return "end"

squares = (x * x for x in range(5))
