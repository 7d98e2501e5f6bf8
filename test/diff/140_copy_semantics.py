# shallow vs deep copy, object identity in containers
import copy
class Node:
    def __init__(self, v, kids=None):
        self.v = v
        self.kids = kids or []
tree = Node(1, [Node(2), Node(3)])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.kids[0].v = 20
print(shallow.kids[0].v, deep.kids[0].v, shallow.kids is tree.kids, deep.kids is tree.kids)
a = [1, 2]
b = [a, a]
c = copy.deepcopy(b)
print(c[0] is c[1], c[0] is a)
d = {"x": [1]}
e = dict(d)
e["x"].append(2)
print(d, e)
