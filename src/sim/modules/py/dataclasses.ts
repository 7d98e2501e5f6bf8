// dataclasses (Python source run by the simulator; no exec: the generated methods are
// closures over the field list, with CPython's reprs and error messages).
export default String.raw`
import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'

MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass

KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type == 'field')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _tuple_str(obj_name, fields):
    return '(' + ','.join(f'{obj_name}.{f.name}' for f in fields) + ',)'


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields_map = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields_map[f.name] = f
    cls_annotations = cls.__dict__.get('__annotations__', {})
    kw_only_now = kw_only
    own = []
    for name, tp in cls_annotations.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp.endswith('KW_ONLY')):
            kw_only_now = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        f._field_type = 'field'
        if isinstance(tp, InitVar) or tp is InitVar:
            f._field_type = 'initvar'
        if f.kw_only is MISSING:
            f.kw_only = kw_only_now
        if f.default_factory is MISSING and isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        own.append(f)
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
    for f in own:
        fields_map[f.name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    cls.__dataclass_fields__ = fields_map
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    all_fields = [f for f in fields_map.values() if f._field_type in ('field', 'initvar')]
    real_fields = [f for f in fields_map.values() if f._field_type == 'field']

    if init:
        std = [f for f in all_fields if f.init and not f.kw_only]
        kwo = [f for f in all_fields if f.init and f.kw_only]
        seen_default = False
        for f in std:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
        if '__init__' not in cls.__dict__ or True:
            setattr(cls, '__init__', _make_init(cls, all_fields, std, kwo, frozen))
    if repr and '__repr__' not in cls.__dict__:
        rfields = [f for f in real_fields if f.repr]
        def __repr__(self):
            return self.__class__.__qualname__ + '(' + ', '.join(
                f'{f.name}={getattr(self, f.name)!r}' for f in rfields) + ')'
        __repr__.__qualname__ = f'{cls.__qualname__}.__repr__'
        cls.__repr__ = __repr__
    cmp_fields = [f for f in real_fields if f.compare]
    def _astuple_cmp(self):
        return tuple(getattr(self, f.name) for f in cmp_fields)
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _astuple_cmp(self) == _astuple_cmp(other)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
            def make(op):
                def cmp(self, other):
                    if other.__class__ is self.__class__:
                        return op(_astuple_cmp(self), _astuple_cmp(other))
                    return NotImplemented
                return cmp
            setattr(cls, name, make(op))
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in fields_map:
                raise FrozenInstanceError(f'cannot assign to field {name!r}')
            super(cls, self).__setattr__(name, value)
        def __delattr__(self, name):
            if type(self) is cls or name in fields_map:
                raise FrozenInstanceError(f'cannot delete field {name!r}')
            super(cls, self).__delattr__(name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    has_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    hash_fields = [f for f in real_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple(getattr(self, f.name) for f in hash_fields))
        cls.__hash__ = __hash__
    elif eq and not has_hash:
        cls.__hash__ = None
    if match_args:
        cls.__match_args__ = tuple(f.name for f in std) if init else ()
    return cls


def _make_init(cls, all_fields, std, kwo, frozen):
    names = [f.name for f in std]
    kwnames = [f.name for f in kwo]
    qual = f'{cls.__qualname__}.__init__'

    def __init__(self, *args, **kwargs):
        if len(args) > len(std):
            raise TypeError(f'{qual}() takes {len(std) + 1} positional argument'
                            f"{'s' if len(std) + 1 != 1 else ''} but {len(args) + 1} were given")
        values = {}
        for f, a in zip(std, args):
            values[f.name] = a
        for k, v in kwargs.items():
            if k in values:
                raise TypeError(f"{qual}() got multiple values for argument '{k}'")
            if k not in names and k not in kwnames:
                raise TypeError(f"{qual}() got an unexpected keyword argument '{k}'")
            values[k] = v
        missing = [f.name for f in std + kwo
                   if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            kind = 'keyword-only' if all(m in kwnames for m in missing) else 'positional'
            if len(missing) == 1:
                raise TypeError(f"{qual}() missing 1 required {kind} argument: '{missing[0]}'")
            joined = ', '.join(repr(m) for m in missing[:-1]) + f" and '{missing[-1]}'"
            raise TypeError(f'{qual}() missing {len(missing)} required {kind} arguments: {joined}')
        initvars = {}
        for f in all_fields:
            if f.init:
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                else:
                    v = f.default
            else:
                if f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING:
                    v = f.default
                else:
                    continue
            if f._field_type == 'initvar':
                initvars[f.name] = v
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        post = getattr(self, '__post_init__', None)
        if post is not None:
            post(**initvars)

    __init__.__qualname__ = qual
    return __init__


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False,
              weakref_slot=False):
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type != 'field':
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kw)
`;
