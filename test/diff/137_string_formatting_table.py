# a formatted table
rows = [("Widget", 3, 2.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 99.99)]
print(f"{'Item':<12}{'Qty':>5}{'Price':>10}{'Total':>10}")
print("-" * 37)
grand = 0
for name, q, p in rows:
    t = q * p
    grand += t
    print(f"{name:<12}{q:>5d}{p:>10.2f}{t:>10.2f}")
print("=" * 37)
print(f"{'TOTAL':<27}{grand:>10.2f}")
print("|{:^10}|{:*>6}|{:<4}|".format("mid", 7, "l"))
