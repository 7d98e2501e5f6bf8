# lambdas as sort keys and in data structures
students = [
    {"name": "zoe", "grade": 90, "age": 20},
    {"name": "al", "grade": 85, "age": 22},
    {"name": "bea", "grade": 90, "age": 19},
    {"name": "cy", "grade": 70, "age": 22},
]
for s in sorted(students, key=lambda s: (-s["grade"], s["name"])):
    print(f'{s["name"]:>4} {s["grade"]} {s["age"]}')
print([s["name"] for s in sorted(students, key=lambda s: s["age"], reverse=True)])
by_age = {}
for s in students:
    by_age.setdefault(s["age"], []).append(s["name"])
print(dict(sorted(by_age.items())))
