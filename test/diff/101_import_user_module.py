# importing the user's own module from the same folder
import lib_shapes
from lib_shapes import Circle, area_sum
from lib_util import *
print(lib_shapes.NAME, lib_shapes.__name__)
c = Circle(2)
print(c, round(c.area(), 3), area_sum([Circle(1), Circle(1)]) > 6)
print(shout("hi"), helper_version)
try:
    print(_private_thing)
except NameError as e:
    print("NameError:", e)
import lib_shapes as again
print(again is lib_shapes, lib_shapes.load_count)
