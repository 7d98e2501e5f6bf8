# walking nested data structures
data = {
    "users": [
        {"name": "ann", "roles": ["admin", "dev"], "age": 31},
        {"name": "bob", "roles": [], "age": 25},
        {"name": "cy", "roles": ["dev"], "age": 40},
    ],
    "meta": {"version": (1, 2), "ok": True},
}
devs = [u["name"] for u in data["users"] if "dev" in u["roles"]]
print(devs, max(data["users"], key=lambda u: u["age"])["name"])
def walk(x, path=""):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(x, (list, tuple)):
        for i, v in enumerate(x):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, x
for p, v in walk(data):
    print(p, "=", v)
