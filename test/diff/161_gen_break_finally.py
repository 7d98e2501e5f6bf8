# generator with finally under for-break, plus an enumerate/zip pipeline
def numbered(seq):
    try:
        for i, v in enumerate(seq, 1):
            yield f"{i}:{v}"
    finally:
        print("numbered done")
out = []
for item in numbered("abcdef"):
    out.append(item)
    if len(out) == 3:
        break
print(out)
print(list(zip(numbered("xy"), range(5))))
