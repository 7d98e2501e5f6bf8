# nested lists as matrices
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
print(matmul(A, B))
I = [[int(i == j) for j in range(3)] for i in range(3)]
print(I)
for row in matmul([[1, 2, 3]], [[1], [2], [3]]):
    print(row)
print([list(r) for r in zip(*A)], [sum(r) for r in A])
