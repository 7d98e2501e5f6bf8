# bytes and bytearray
b = b"hello"
print(b, len(b), b[0], b[1:3], b[::-1], list(b[:2]))
print(b + b" world", b * 2, b.upper(), b.find(b"l"), b.count(b"l"))
print(bytes([72, 105]), bytes(3), b"a,b".split(b","), b"-".join([b"x", b"y"]))
print(b.hex(), bytes.fromhex("4142"), b"\x00\xff", b.decode("ascii"))
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
print(ba, bytes(ba), len(ba))
print(b"abc" == b"abc", b"a" < b"b", 104 in b, b"ell" in b)
print("caf\u00e9".encode("utf-8"), repr(b"'"), repr(b'"\''))
