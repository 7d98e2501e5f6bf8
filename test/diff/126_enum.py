# enum
from enum import Enum, IntEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(Color.RED, repr(Color.GREEN), Color.BLUE.value, Color(2), Color["RED"].name)
print(list(Color), len(Color), Color.RED is Color(1), Color.RED == 1)
class Prio(IntEnum):
    LOW = 1
    HIGH = 5
print(Prio.HIGH > Prio.LOW, Prio.HIGH + 1, sorted([Prio.HIGH, Prio.LOW]))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
