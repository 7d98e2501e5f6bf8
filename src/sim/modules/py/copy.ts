// copy (Python source run by the simulator): copy and deepcopy with __copy__,
// __deepcopy__, memo for shared references and cycles, and user instances.
export default String.raw`
class Error(Exception):
    pass
error = Error

__all__ = ["Error", "copy", "deepcopy"]

_atomic = (type(None), int, float, bool, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented), frozenset)

def _is_atomic(x):
    t = type(x)
    if t in _atomic:
        return True
    if callable(x) and (t.__name__ in ('function', 'builtin_function_or_method', 'method')):
        return True
    return False

def copy(x):
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, False, None)

def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        same = True
        for k, j in zip(x, items):
            if k is not j:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, True, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y

def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]

def _reconstruct(x, deep, memo):
    cls = type(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if isinstance(x, BaseException):
        y = cls.__new__(cls, *x.args)
        if deep:
            memo[id(x)] = y
        state = getattr(x, '__dict__', None)
        if state:
            y.__dict__.update(deepcopy(state, memo) if deep else state)
        return y
    if isinstance(x, dict):
        y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
        for k, v in x.items():
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    elif isinstance(x, list):
        y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
        for v in x:
            y.append(deepcopy(v, memo) if deep else v)
    elif isinstance(x, tuple):
        items = [deepcopy(v, memo) for v in x] if deep else list(x)
        if hasattr(x, '_fields'):
            y = cls(*items)
        else:
            y = cls.__new__(cls, items)
        if deep:
            memo[id(x)] = y
    elif isinstance(x, set):
        y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
        for v in x:
            y.add(deepcopy(v, memo) if deep else v)
    else:
        try:
            y = object.__new__(cls)
        except TypeError:
            y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
    state = None
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None and getattr(type(x), '__getstate__', None) is not getattr(object, '__getstate__', None):
        state = getstate()
    else:
        state = getattr(x, '__dict__', None)
        slots = []
        for klass in cls.__mro__:
            s = klass.__dict__.get('__slots__', ())
            if isinstance(s, str):
                s = (s,)
            slots.extend(s)
        if slots:
            slotstate = {}
            for name in slots:
                if name in ('__dict__', '__weakref__'):
                    continue
                if hasattr(x, name):
                    slotstate[name] = getattr(x, name)
            for name, value in slotstate.items():
                setattr(y, name, deepcopy(value, memo) if deep else value)
    if state:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None and getattr(type(y), '__setstate__', None) is not None:
            setstate(state)
        else:
            y.__dict__.update(state)
    return y
`;
