# escapes and unicode strings
s = "tab\there\nnew"
print(s)
print(repr(s), len(s))
print("\u00e9", "\N{GREEK SMALL LETTER ALPHA}", "\x41", "\101")
print(r"raw\nstring", len(r"\n"))
t = "中文字符"
print(t, len(t), t[1], t[::-1], t.encode("utf-8"))
print("""triple
quoted""")
print("a" "b" "c", 'single' == "single")
print(repr("é"), ascii("é"), ascii("x"))
print(str(12), str(1.5), str([1, "a"]), str((1,)), repr("x"))
