# uncaught AttributeError from inside a method
class Robot:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "I am " + self.name + " v" + str(self.version)
r = Robot("R2")
print(r.name)
print(r.greet())
