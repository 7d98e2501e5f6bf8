# format() builtin and __format__
print(format(3.14159, ".2f"), format(42, "^7"), format(1e-3, "e"), format(7, "03"))
print(format("abc", "<5") + "|", format(1234.5, ",.1f"), format(0.5, ".0%"))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return f"${self.v:.2f}"
        return format(self.v, spec)
m = Money(3.5)
print(format(m, "usd"), f"{m:usd}", f"{m:>8.1f}", "{:usd}".format(m))
print(format(True), format(None), format([1, 2]))
