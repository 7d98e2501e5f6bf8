// The Python-source standard library (src/sim/modules/py) end to end: dataclasses, enum,
// datetime, functools/itertools/operator/copy/json/heapq/bisect/string/collections/io/
// contextlib, typing/traceback and logging (with threads), against CPython 3.11's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProgram } from '../../src/sim/api';
import { initSim } from '../support/sim';
import { stdlibSource } from '../../src/sim/modules/py/index';

interface Case {
  name: string;
  code: string;
  stdout: string;
  stderr: string;
}
const CASES: Case[] = [
  {
    "name": "logging_case",
    "code": "import logging, threading\nlogging.basicConfig(level=logging.INFO, format=\"%(threadName)s %(levelname)s %(name)s %(message)s\")\nlog = logging.getLogger(\"app\")\ndef work(n):\n    log.info(\"worker %d starting\", n)\nts = [threading.Thread(target=work, args=(i,), name=f\"W{i}\") for i in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nlogging.getLogger(\"x.y\").debug(\"hidden\")\nquiet = logging.getLogger(\"quiet\")\nquiet.propagate = False\nquiet.warning(\"lastResort %s\", \"path\")\nprint(logging.getLevelName(logging.WARNING), log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))\n",
    "stdout": "WARNING 20 False\n",
    "stderr": "W0 INFO app worker 0 starting\nW1 INFO app worker 1 starting\nlastResort path\n"
  },
  {
    "name": "t16",
    "code": "from dataclasses import dataclass, field, asdict, astuple, replace, fields\n@dataclass\nclass Inv:\n    name: str\n    qty: int = 0\n    tags: list = field(default_factory=list)\n    def total(self): return self.qty * 2\na = Inv(\"x\", 3)\nprint(a, asdict(a), astuple(a), replace(a, qty=9), [f.name for f in fields(a)], a == Inv(\"x\", 3))\n@dataclass(frozen=True, order=True)\nclass P:\n    x: int\n    y: int = 0\nprint(P(1) < P(2), sorted([P(3, 1), P(1, 2)]), hash(P(1, 2)) == hash(P(1, 2)))\ntry:\n    P(1).x = 3\nexcept Exception as e:\n    print(type(e).__name__, e)\ntry:\n    Inv()\nexcept TypeError as e:\n    print(e)\n@dataclass\nclass Child(Inv):\n    extra: str = \"e\"\nprint(Child(\"c\", 1))\ntry:\n    @dataclass\n    class Bad:\n        a: int = 1\n        b: int\nexcept TypeError as e:\n    print(e)\n@dataclass\nclass Post:\n    a: int\n    b: int = field(init=False)\n    def __post_init__(self):\n        self.b = self.a * 10\nprint(Post(4))\n",
    "stdout": "Inv(name='x', qty=3, tags=[]) {'name': 'x', 'qty': 3, 'tags': []} ('x', 3, []) Inv(name='x', qty=9, tags=[]) ['name', 'qty', 'tags'] True\nTrue [P(x=1, y=2), P(x=3, y=1)] True\nFrozenInstanceError cannot assign to field 'x'\nInv.__init__() missing 1 required positional argument: 'name'\nChild(name='c', qty=1, tags=[], extra='e')\nnon-default argument 'b' follows default argument\nPost(a=4, b=40)\n",
    "stderr": ""
  },
  {
    "name": "t17",
    "code": "import functools, itertools, operator, copy, json, heapq, bisect, string, collections, io, contextlib\ndef deco(f):\n    @functools.wraps(f)\n    def w(*a, **k):\n        return f(*a, **k)\n    return w\n@deco\ndef hello(x):\n    \"doc\"\n    return x\nprint(hello.__name__, hello.__doc__, hello.__wrapped__ is not None, hello(3))\np = functools.partial(int, base=2)\nprint(p(\"101\"), p)\n@functools.total_ordering\nclass V:\n    def __init__(self, v): self.v = v\n    def __eq__(self, o): return self.v == o.v\n    def __lt__(self, o): return self.v < o.v\nprint(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))\nprint(list(itertools.zip_longest([1, 2], 'a')), list(itertools.starmap(operator.add, [(1, 2)])))\nprint(list(itertools.permutations(range(3), 2))[:4], list(itertools.compress('abc', [1, 0, 1])))\nprint(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))\nprint(itertools.count(3), repr(itertools.repeat(1, 2)))\nd = {\"a\": [1, {\"b\": (2, 3)}]}\ne = copy.deepcopy(d)\ne[\"a\"][1][\"b\"] = None\nprint(d, e, copy.copy([1, [2]]))\nprint(json.dumps({\"z\": 1, \"a\": [True, None, 1.5, \"x\\n\"]}, sort_keys=True), json.loads('[1, {\"a\": \"\\\\u00e9\"}]'))\ntry:\n    json.loads('[1, 2')\nexcept json.JSONDecodeError as ex:\n    print(ex)\nprint(json.dumps(float(\"inf\")), json.dumps({1: 2, True: 3}), json.dumps(\"é\", ensure_ascii=False), json.dumps([1,[2,[3]]], separators=(\",\", \":\")))\nh = []\nfor x in [3, 1, 4, 1, 5, 9, 2, 6]:\n    heapq.heappush(h, (x, str(x)))\nprint([heapq.heappop(h)[0] for _ in range(4)], list(heapq.merge([1, 4], [2, 3])))\nprint(bisect.bisect([1, 2, 2, 3], 2), string.Template(\"$a-${b}\").substitute(a=1, b=2), string.capwords(\" a  b \"))\nc = collections.Counter(a=2, b=1)\nc.subtract({\"a\": 3})\nprint(c, +c, c.total(), collections.Counter(\"abc\") == collections.Counter(\"cba\"))\ns = io.StringIO()\nwith contextlib.redirect_stdout(s):\n    print(\"inside\")\nprint(repr(s.getvalue()))\nwith contextlib.suppress(ValueError):\n    int(\"x\")\nstack = contextlib.ExitStack()\nwith stack:\n    stack.callback(print, \"cb\")\nprint(operator.itemgetter(1, 0)(\"ab\"), operator.attrgetter(\"real\")(3), operator.methodcaller(\"upper\")(\"q\"))\n",
    "stdout": "hello doc True 3\n5 functools.partial(<class 'int'>, base=2)\nTrue True False\n[(1, 'a'), (2, None)] [3]\n[(0, 1), (0, 2), (1, 0), (1, 2)] ['a', 'c']\n[1, 2] [5, 1]\ncount(3) repeat(1, 2)\n{'a': [1, {'b': (2, 3)}]} {'a': [1, {'b': None}]} [1, [2]]\n{\"a\": [true, null, 1.5, \"x\\n\"], \"z\": 1} [1, {'a': 'é'}]\nExpecting ',' delimiter: line 1 column 6 (char 5)\nInfinity {\"1\": 3} \"é\" [1,[2,[3]]]\n[1, 1, 2, 3] [1, 2, 3, 4]\n3 1-2 A B\nCounter({'b': 1, 'a': -1}) Counter({'b': 1}) 0 True\n'inside\\n'\ncb\n('b', 'a') 3 Q\n",
    "stderr": ""
  },
  {
    "name": "t18",
    "code": "from datetime import datetime, date, timedelta, time\nd = date(2024, 2, 28)\nprint(d, repr(d), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.strftime(\"%A %d %B %Y %j\"), d.toordinal())\ndt = datetime(2024, 3, 10, 14, 5, 9, 120)\nprint(dt, repr(dt), dt.isoformat(), dt + timedelta(hours=12), dt - datetime(2024, 1, 1), dt.strftime(\"%Y-%m-%d %H:%M:%S.%f %p %a %b\"))\nprint(timedelta(days=1, seconds=3661), repr(timedelta(hours=-1)), timedelta(minutes=90).total_seconds(), timedelta(1) / timedelta(hours=6))\nprint(datetime.fromtimestamp(1700000000), datetime.fromisoformat(\"2020-05-06T07:08:09\"), date.fromordinal(738000), time(9, 30), repr(time(9, 30, 1)))\nprint(datetime(2024, 1, 1) < datetime(2024, 1, 2), sorted([date(2020, 1, 3), date(2019, 5, 1)]), datetime(2024,1,1).date(), dt.time())\nprint(f\"{dt:%H:%M}\", \"{:%Y}\".format(d), datetime(2024,1,1).ctime(), abs(timedelta(-3)), str(timedelta(microseconds=5)))\n",
    "stdout": "2024-02-28 datetime.date(2024, 2, 28) 2024-03-01 2 3 Wednesday 28 February 2024 059 738944\n2024-03-10 14:05:09.000120 datetime.datetime(2024, 3, 10, 14, 5, 9, 120) 2024-03-10T14:05:09.000120 2024-03-11 02:05:09.000120 69 days, 14:05:09.000120 2024-03-10 14:05:09.000120 PM Sun Mar\n1 day, 1:01:01 datetime.timedelta(days=-1, seconds=82800) 5400.0 4.0\n2023-11-14 22:13:20 2020-05-06 07:08:09 2021-07-29 09:30:00 datetime.time(9, 30, 1)\nTrue [datetime.date(2019, 5, 1), datetime.date(2020, 1, 3)] 2024-01-01 14:05:09.000120\n14:05 2024 Mon Jan  1 00:00:00 2024 3 days, 0:00:00 0:00:00.000005\n",
    "stderr": ""
  },
  {
    "name": "t21",
    "code": "from enum import Enum, IntEnum, Flag, auto, unique, StrEnum\nclass C(Enum):\n    R = 'red'\n    G = 'green'\n    def describe(self):\n        return f\"{self.name}={self.value}\"\nprint(C.R, C('green'), C.R.describe(), C.__members__.keys() if False else list(C.__members__), C.R in C, C['G'])\nprint(hash(C.R) == hash(C.R), {C.R: 1}[C.R], C.R != C.G, isinstance(C.R, C), type(C.R).__name__)\nclass Perm(Flag):\n    R = auto()\n    W = auto()\n    X = auto()\nprint(Perm.R | Perm.W, Perm.R.value, Perm.X.value, bool(Perm.R & Perm.W))\nclass S(StrEnum):\n    A = auto()\nprint(S.A, S.A == 'a', repr(S.A))\ntry:\n    @unique\n    class D(Enum):\n        A = 1\n        B = 1\nexcept ValueError as e:\n    print(e)\nprint(C.R.name, C.R.value, len(C), [m.name for m in C], reversed(list(C)) is not None)\nAnimal = Enum('Animal', 'ANT BEE CAT')\nprint(list(Animal), Animal.BEE.value)\ntry:\n    C.R = 5\nexcept AttributeError as e:\n    print(e)\nprint(f\"{C.R}\", format(C.G), str(C.G), f\"{Perm.R}\")\n",
    "stdout": "C.R C.G R=red ['R', 'G'] True C.G\nTrue 1 True True C\nPerm.R|W 1 4 False\na True <S.A: 'a'>\nduplicate values found in <enum 'D'>: B -> A\nR red 2 ['R', 'G'] True\n[<Animal.ANT: 1>, <Animal.BEE: 2>, <Animal.CAT: 3>] 2\ncannot reassign member 'R'\nC.R C.G C.G Perm.R\n",
    "stderr": ""
  }
];

for (const c of CASES) {
  test(`stdlib: ${c.name}`, async () => {
    await initSim();
    const r = runProgram({
      filename: `/tmp/${c.name}.py`,
      source: c.code,
      stdin: null,
      stdoutMode: 'pipe',
      readSource: (n: string) => stdlibSource(n),
      maxSteps: 5_000_000,
    });
    assert.equal(r.stdout, c.stdout, r.stderr);
    if (c.name === 'logging_case') assert.equal(r.stderr, c.stderr);
  });
}
