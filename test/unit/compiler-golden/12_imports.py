import os
import os.path as osp
import collections.abc
from time import sleep as nap, time
from . import sibling
from math import *
