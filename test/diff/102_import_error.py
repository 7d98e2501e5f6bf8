# importing a module that does not exist
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'no_such_name' from 'math'"))
import not_a_real_module
