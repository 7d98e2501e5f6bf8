# string comparisons and sorting
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print(max(words), min(words), max(words, key=len))
print("abc" * 0 == "", "a" * 3)
print(min("hello"), max("hello"), sorted("hello"))
print("10" < "9", 10 < 9)
