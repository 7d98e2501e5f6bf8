data = [1, 2, 3, 4]
evens = [x for x in data if x % 2 == 0]
pairs = {x: y for x in data for y in data if x < y}
uniq = {x % 3 for x in data}
if any((total := x) > 3 for x in data):
    print(total)
