# chained generator pipeline
def read(lines):
    for l in lines:
        yield l
def strip_comments(src):
    for l in src:
        if not l.startswith("#"):
            yield l
def to_ints(src):
    for l in src:
        yield int(l)
def running_total(src):
    total = 0
    for v in src:
        total += v
        yield total
data = ["1", "# note", "5", "10", "#x", "4"]
print(list(running_total(to_ints(strip_comments(read(data))))))
gen = (x * x for x in to_ints(strip_comments(data)))
print(next(gen), list(gen))
