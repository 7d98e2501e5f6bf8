# input() reads lines from stdin
name = input()
age = int(input("Age? "))
print(f"Hello {name}, next year you will be {age + 1}")
nums = list(map(int, input().split()))
print(sum(nums), max(nums))
