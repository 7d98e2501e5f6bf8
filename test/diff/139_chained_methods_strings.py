# str.format_map, casefold, is* methods and encoding errors
print("{a}-{b}".format_map({"a": 1, "b": 2}), "Straße".casefold(), "ǅ".lower())
print("٣".isdigit(), "½".isnumeric(), "½".isdigit(), "abc".isidentifier(), "1a".isidentifier())
print("x".isprintable(), "\n".isprintable(), "ABC".isascii(), "é".isascii())
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("é".encode("ascii", errors="replace"), b"\xff".decode("utf-8", "replace"))
