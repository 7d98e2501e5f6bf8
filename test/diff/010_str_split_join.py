# split, join, strip, replace
line = "  alpha, beta,gamma ,, delta  "
print(line.split(","))
print([p.strip() for p in line.split(",")])
print("a b   c\td\n".split())
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 1))
print("one\ntwo\r\nthree".splitlines())
print("-".join(["x", "y", "z"]), "".join(reversed("abc")))
print(line.strip(), "|" + line.lstrip() + "|", "|" + line.rstrip() + "|")
print("xxhixx".strip("x"), "hello".replace("l", "L"), "aaaa".replace("a", "b", 2))
print("www.example.com".removeprefix("www."), "file.py".removesuffix(".py"))
