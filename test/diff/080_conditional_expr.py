# conditionals, chained comparisons, walrus
def grade(s):
    if s >= 90:
        return "A"
    elif s >= 80:
        return "B"
    elif s >= 70:
        return "C"
    return "F"
print([grade(s) for s in (95, 85, 72, 10)])
x = 5
print("big" if x > 3 else "small", 0 < x <= 5, x == 5 != 6)
data = [1, 4, 9, 16]
if (n := len(data)) > 3:
    print("long list", n)
print([y for v in data if (y := v * 2) > 5])
print(1 if [] else 2, "a" or "b", "" or [] or 0)
