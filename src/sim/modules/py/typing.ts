// typing (Python source run by the simulator): the names teaching code imports for
// annotations. Special forms are subscriptable placeholders; the runtime helpers
// (cast, NamedTuple, TypedDict, Protocol, TypeVar, overload, ...) behave as at run time.
export default String.raw`
import collections as _collections

__all__ = ['Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal', 'Optional',
           'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union', 'List', 'Dict', 'Set',
           'FrozenSet', 'Deque', 'DefaultDict', 'Iterable', 'Iterator', 'Generator',
           'Sequence', 'Mapping', 'MutableMapping', 'NamedTuple', 'TypedDict', 'NoReturn',
           'cast', 'overload', 'final', 'TYPE_CHECKING', 'get_type_hints', 'Annotated',
           'Awaitable', 'Coroutine', 'AsyncIterator', 'Hashable', 'Sized', 'Collection',
           'Container', 'Counter', 'ChainMap', 'OrderedDict', 'Self', 'Never', 'TypeAlias',
           'no_type_check', 'runtime_checkable', 'AnyStr', 'Text', 'IO', 'TextIO', 'BinaryIO']

TYPE_CHECKING = False


class _SpecialForm:
    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self, params)

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None:
            return self.__origin__(*args, **kwargs)
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return _GenericAlias(Union, (self, other))

    def __ror__(self, other):
        return _GenericAlias(Union, (other, self))

    def __instancecheck__(self, obj):
        if self.__origin__ is not None:
            return isinstance(obj, self.__origin__)
        raise TypeError(f"{self!r} cannot be used with isinstance()")

    def __mro_entries__(self, bases):
        if self.__origin__ is not None:
            return (self.__origin__,)
        return (object,)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


class _GenericAlias:
    def __init__(self, origin, params):
        self.__origin__ = origin
        self.__args__ = params

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self.__origin__, params)

    def __repr__(self):
        name = self.__origin__._name if isinstance(self.__origin__, _SpecialForm) else _type_repr(self.__origin__)
        if name == 'Optional' or (name == 'Union' and len(self.__args__) == 2 and type(None) in self.__args__):
            other = [a for a in self.__args__ if a is not type(None) and a is not None]
            if len(other) == 1:
                return f'typing.Optional[{_type_repr(other[0])}]'
        args = ', '.join(_type_repr(a) for a in self.__args__)
        return f'typing.{name}[{args}]' if not name.startswith('typing.') else f'{name}[{args}]'

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            return origin(*args, **kwargs)
        return origin(*args, **kwargs)

    def __or__(self, other):
        return _GenericAlias(Union, (self, other))

    def __ror__(self, other):
        return _GenericAlias(Union, (other, self))

    def __eq__(self, other):
        return isinstance(other, _GenericAlias) and self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((id(self.__origin__), self.__args__))

    def __mro_entries__(self, bases):
        o = self.__origin__
        if isinstance(o, _SpecialForm):
            return o.__mro_entries__(bases)
        return (o,)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


Any = _SpecialForm('Any')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
Annotated = _SpecialForm('Annotated')
Callable = _SpecialForm('Callable')
Tuple = _SpecialForm('Tuple', tuple)
List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Type = _SpecialForm('Type', type)
Deque = _SpecialForm('Deque', _collections.deque)
DefaultDict = _SpecialForm('DefaultDict', _collections.defaultdict)
OrderedDict = _SpecialForm('OrderedDict', _collections.OrderedDict)
Counter = _SpecialForm('Counter', _collections.Counter)
ChainMap = _SpecialForm('ChainMap', _collections.ChainMap)
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
AbstractSet = _SpecialForm('AbstractSet')
MutableSet = _SpecialForm('MutableSet')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
AsyncIterator = _SpecialForm('AsyncIterator')
AsyncIterable = _SpecialForm('AsyncIterable')
AsyncGenerator = _SpecialForm('AsyncGenerator')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Reversible = _SpecialForm('Reversible')
IO = _SpecialForm('IO')
TextIO = _SpecialForm('TextIO')
BinaryIO = _SpecialForm('BinaryIO')
Text = str
AnyStr = _SpecialForm('AnyStr')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return _GenericAlias(Union, (self, other))


class ParamSpec(TypeVar):
    pass


class _GenericMeta(type):
    pass


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-decorated.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    return _collections.namedtuple(typename, [n for n, t in fields])


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    return dict
`;
