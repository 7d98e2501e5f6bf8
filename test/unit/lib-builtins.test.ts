// The library's builtins and standard-library modules end to end: small programs run in
// the simulator (through the resumable native-frame paths: key functions, user __lt__,
// __repr__, __format__, generators consumed by builtins, ...) against stdout captured
// from CPython 3.11.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProgram } from '../../src/sim/api';
import { initSim } from '../support/sim';
import { stdlibSource } from '../../src/sim/modules/py/index';

interface Case {
  name: string;
  code: string;
  stdout: string;
  stderr_last: string;
}
const CASES: Case[] = [
  {
    "name": "sort_key_lambda",
    "code": "people = [(\"bob\", 25), (\"amy\", 31), (\"cat\", 25), (\"dan\", 19)]\nprint(sorted(people, key=lambda p: p[1]))\nprint(sorted(people, key=lambda p: (-p[1], p[0]), reverse=True))\nxs = [5, 2, 9, 1]\nxs.sort(key=lambda v: -v)\nprint(xs, sorted(\"banana\"), sorted({3: 'a', 1: 'b'}), sorted([3, 1.5, True, -2]))\n",
    "stdout": "[('dan', 19), ('bob', 25), ('cat', 25), ('amy', 31)]\n[('dan', 19), ('cat', 25), ('bob', 25), ('amy', 31)]\n[9, 5, 2, 1] ['a', 'a', 'a', 'b', 'n', 'n'] [1, 3] [-2, True, 1.5, 3]\n",
    "stderr_last": ""
  },
  {
    "name": "sort_user_lt",
    "code": "class V:\n    def __init__(self, n): self.n = n\n    def __lt__(self, o):\n        return self.n < o.n\n    def __repr__(self): return f\"V({self.n})\"\nvs = [V(3), V(1), V(2), V(1)]\nprint(sorted(vs), min(vs), sorted(vs, reverse=True))\nvs.sort()\nprint(vs)\ntry:\n    sorted([1, \"a\"])\nexcept TypeError as e:\n    print(\"TypeError:\", e)\n",
    "stdout": "[V(1), V(1), V(2), V(3)] V(1) [V(3), V(2), V(1), V(1)]\n[V(1), V(1), V(2), V(3)]\nTypeError: '<' not supported between instances of 'str' and 'int'\n",
    "stderr_last": ""
  },
  {
    "name": "repr_user_in_containers",
    "code": "class P:\n    def __repr__(self): return \"P!\"\n    def __str__(self): return \"p-str\"\np = P()\nprint([p, [p, (p,)], {\"k\": p, p: 1}], (p,), {p})\nprint(str([p]), repr({1: [p]}), f\"{p} {p!r} {[p]}\")\nl = [1]\nl.append(l)\nd = {}\nd['self'] = d\nprint(l, d)\n",
    "stdout": "[P!, [P!, (P!,)], {'k': P!, P!: 1}] (P!,) {P!}\n[P!] {1: [P!]} p-str P! [P!]\n[1, [...]] {'self': {...}}\n",
    "stderr_last": ""
  },
  {
    "name": "map_filter_lazy",
    "code": "def gen():\n    for i in range(5):\n        print(\"yield\", i)\n        yield i\nm = map(lambda x: x * 10, gen())\nprint(next(m), next(m))\nprint(list(filter(lambda x: x % 2, gen())))\nprint(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, '', 'a', [], [1]])))\nprint(list(zip(gen(), \"ab\")), list(enumerate(gen(), 10))[:2])\n",
    "stdout": "yield 0\nyield 1\n0 10\nyield 0\nyield 1\nyield 2\nyield 3\nyield 4\n[1, 3]\n[8, 9] ['a', [1]]\nyield 0\nyield 1\nyield 2\nyield 0\nyield 1\nyield 2\nyield 3\nyield 4\n[(0, 'a'), (1, 'b')] [(10, 0), (11, 1)]\n",
    "stderr_last": ""
  },
  {
    "name": "any_all_short_circuit",
    "code": "def g2():\n    for x in [0, 0, 3, 4]:\n        print(\"check\", x)\n        yield x\nprint(any(g2()))\nprint(all(x < 2 for x in [0, 1, 2, 3]))\nprint(any([]), all([]), any(x > 5 for x in range(3)))\n",
    "stdout": "check 0\ncheck 0\ncheck 3\nTrue\nFalse\nFalse True False\n",
    "stderr_last": ""
  },
  {
    "name": "join_and_str_methods",
    "code": "print(\"-\".join(str(i) for i in range(5)), \",\".join([\"a\", \"b\"]), \"\".join(map(str.upper, \"abc\")))\ntry:\n    \",\".join([1, 2])\nexcept TypeError as e:\n    print(\"TypeError:\", e)\nprint(\"  Hello World  \".strip().lower().replace(\"world\", \"there\").title())\nprint(\"a,b,,c\".split(\",\"), \"a b  c\".split(), \"a b c\".split(None, 1), \"x=1;y=2\".partition(\";\"))\nprint(\"{:>8}|{:<8}|{:^8}|\".format(\"r\", \"l\", \"c\"), \"%-5s|%5d|%.3f\" % (\"ab\", 42, 3.14159))\nprint(\"{0}{1}{0}\".format(\"ab\", \"cd\"), \"{name}:{0}\".format(5, name=\"n\"), \"{:,}\".format(1234567))\n",
    "stdout": "0-1-2-3-4 a,b ABC\nTypeError: sequence item 0: expected str instance, int found\nHello There\n['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b c'] ('x=1', ';', 'y=2')\n       r|l       |   c    | ab   |   42|3.142\nabcdab n:5 1,234,567\n",
    "stderr_last": ""
  },
  {
    "name": "format_user",
    "code": "class F:\n    def __format__(self, spec):\n        return f\"F[{spec}]\"\nprint(f\"{F():xyz}\", format(F(), \"q\"), \"{:abc}\".format(F()))\nclass M:\n    def __init__(self, v): self.v = v\n    def __str__(self): return f\"M{self.v}\"\nprint(\"%s and %r\" % (M(1), \"q\"), \"{!s:>5}\".format(M(2)))\n",
    "stdout": "F[xyz] F[q] F[abc]\nM1 and 'q'    M2\n",
    "stderr_last": ""
  },
  {
    "name": "min_max_sum",
    "code": "print(min(3, 1, 2), max([4, 8, 2]), min(\"hello\"), max([], default=\"none\"))\nprint(min([(2, 'b'), (1, 'z'), (1, 'a')]), max([\"aa\", \"b\", \"ccc\"], key=len))\nprint(sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([1, 2.5, 3]))\nclass Money:\n    def __init__(self, c): self.c = c\n    def __add__(self, o):\n        return Money(self.c + (o.c if isinstance(o, Money) else o))\n    __radd__ = __add__\n    def __repr__(self): return f\"${self.c}\"\nprint(sum([Money(5), Money(7)]), sum([Money(1)], Money(10)))\n",
    "stdout": "1 8 e none\n(1, 'a') ccc\n0.30000000000000004 [1, 2] 5050 6.5\n$12 $11\n",
    "stderr_last": ""
  },
  {
    "name": "containers",
    "code": "l = [3, 1, 2]\nl.extend(x * 2 for x in range(3))\nl.insert(0, 99)\nprint(l, l.index(2), l.count(2), l.pop(), l.pop(0), l)\nl.remove(2)\nprint(l, list(reversed(l)), l[::-1], l * 2)\nd = dict(zip(\"abc\", range(3)))\nd.update([(\"z\", 9)], y=8)\nprint(d, list(d.items())[:2], d.keys() & {\"a\", \"q\"}, d.get(\"q\", \"-\"), d.setdefault(\"w\", []))\nprint(d.pop(\"a\"), d.popitem(), {**d, \"new\": 1}, dict.fromkeys(\"xy\", 0))\ns = {1, 2, 3}\ns |= {4}\nprint(s, s & {2, 9}, s - {1}, s ^ {1, 7}, {x % 3 for x in range(10)}, frozenset([3, 1, 2]))\nt = (1, 2, 2, 3)\nprint(t.count(2), t.index(3), t + (4,), tuple(x for x in \"ab\"), t[1:3])\n",
    "stdout": "[3, 1, 2, 0, 2] 3 2 4 99 [3, 1, 2, 0, 2]\n[3, 1, 0, 2] [2, 0, 1, 3] [2, 0, 1, 3] [3, 1, 0, 2, 3, 1, 0, 2]\n{'a': 0, 'b': 1, 'c': 2, 'z': 9, 'y': 8, 'w': []} [('a', 0), ('b', 1)] {'a'} - []\n0 ('w', []) {'b': 1, 'c': 2, 'z': 9, 'y': 8, 'new': 1} {'x': 0, 'y': 0}\n{1, 2, 3, 4} {2} {2, 3, 4} {2, 3, 4, 7} {0, 1, 2} frozenset({1, 2, 3})\n2 3 (1, 2, 2, 3, 4) ('a', 'b') (2, 2)\n",
    "stderr_last": ""
  },
  {
    "name": "errors",
    "code": "for expr in [\"[].pop()\", \"[1].index(5)\", \"{}['k']\", \"(1,).index(0)\", \"'abc'.index('z')\", \"int('x1')\", \"float('nan?')\", \"chr(-5)\", \"divmod(1, 0)\", \"[1, 2, 3].remove(9)\", \"{1}.remove(2)\"]:\n    try:\n        eval(expr) if False else None\n    except Exception:\n        pass\ntry:\n    [].pop()\nexcept IndexError as e:\n    print(\"IndexError:\", e)\ntry:\n    [1].index(5)\nexcept ValueError as e:\n    print(\"ValueError:\", e)\ntry:\n    {}[\"k\"]\nexcept KeyError as e:\n    print(\"KeyError:\", e)\ntry:\n    int(\"x1\")\nexcept ValueError as e:\n    print(\"ValueError:\", e)\ntry:\n    {1}.remove(2)\nexcept KeyError as e:\n    print(\"KeyError:\", e)\ntry:\n    \"abc\".index(\"z\")\nexcept ValueError as e:\n    print(\"ValueError:\", e)\n",
    "stdout": "IndexError: pop from empty list\nValueError: 5 is not in list\nKeyError: 'k'\nValueError: invalid literal for int() with base 10: 'x1'\nKeyError: 2\nValueError: substring not found\n",
    "stderr_last": ""
  },
  {
    "name": "numbers",
    "code": "print(round(2.5), round(3.5), round(-2.5), round(1.23456, 2), round(1234, -2), round(0.125, 2))\nprint(divmod(-7, 2), divmod(7.5, -2), pow(3, 4, 5), pow(2, -2), abs(-3.5), abs(-7))\nprint(int(\"0x1f\", 16), int(\"0b101\", 0), int(\" 42 \"), int(3.99), int(-3.99), float(\" 1e3 \"))\nprint(hex(255), oct(8), bin(5), chr(9731), ord(\"A\"), (255).to_bytes(2, \"big\"), int.from_bytes(b\"\\x01\\x00\", \"little\"))\nprint(1 / 3, 2 / 3, 10 / 4, 1e16, 1e-5, 0.1 + 0.2, 100.0, -0.0, float(\"inf\"), 2 ** 100)\nprint((1.5).is_integer(), (2.0).as_integer_ratio(), (10).bit_length(), 7 // 2, -7 // 2, 7 % -3)\n",
    "stdout": "2 4 -2 1.23 1200 0.12\n(-4, 1) (-4.0, -0.5) 1 0.25 3.5 7\n31 5 42 3 -3 1000.0\n0xff 0o10 0b101 ☃ 65 b'\\x00\\xff' 1\n0.3333333333333333 0.6666666666666666 2.5 1e+16 1e-05 0.30000000000000004 100.0 -0.0 inf 1267650600228229401496703205376\nFalse (2, 1) 4 3 -4 -2\n",
    "stderr_last": ""
  },
  {
    "name": "collections_mod",
    "code": "from collections import deque, Counter, defaultdict, OrderedDict, namedtuple\ndq = deque([1, 2, 3], maxlen=4)\ndq.appendleft(0)\ndq.append(9)\nprint(dq, dq.popleft(), dq, len(dq))\nc = Counter(\"mississippi\")\nprint(c.most_common(3), c[\"s\"], sorted(c.elements())[:5])\ndd = defaultdict(list)\ndd[\"q\"].append(1)\nprint(dd[\"q\"], dd)\nPt = namedtuple(\"Pt\", \"x y\")\np = Pt(1, 2)\nprint(p, p._replace(y=5), p.x + p.y, Pt._make([3, 4]), p._asdict())\nod = OrderedDict.fromkeys(\"abc\")\nod.move_to_end(\"a\")\nprint(list(od))\n",
    "stdout": "deque([2, 3, 9], maxlen=4) 1 deque([2, 3, 9], maxlen=4) 3\n[('i', 4), ('s', 4), ('p', 2)] 4 ['i', 'i', 'i', 'i', 'm']\n[1] defaultdict(<class 'list'>, {'q': [1]})\nPt(x=1, y=2) Pt(x=1, y=5) 3 Pt(x=3, y=4) {'x': 1, 'y': 2}\n['b', 'c', 'a']\n",
    "stderr_last": ""
  },
  {
    "name": "functools_itertools",
    "code": "import functools, itertools, operator\nprint(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))\n@functools.lru_cache(maxsize=None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(30), fib.cache_info())\ndouble = functools.partial(operator.mul, 2)\nprint(double(21), list(itertools.accumulate([1, 2, 3])), list(itertools.chain(\"ab\", [1])))\nprint(list(itertools.combinations(\"abc\", 2)), list(itertools.product([0, 1], repeat=2)))\nprint([list(g) for k, g in itertools.groupby(\"aabbbc\")], list(itertools.islice(itertools.count(), 3)))\nprint(sorted([\"b\", \"A\", \"c\"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))\n",
    "stdout": "10 60\n832040 CacheInfo(hits=28, misses=31, maxsize=None, currsize=31)\n42 [1, 3, 6] ['a', 'b', 1]\n[('a', 'b'), ('a', 'c'), ('b', 'c')] [(0, 0), (0, 1), (1, 0), (1, 1)]\n[['a', 'a'], ['b', 'b', 'b'], ['c']] [0, 1, 2]\n['A', 'b', 'c']\n",
    "stderr_last": ""
  },
  {
    "name": "heapq_bisect_json",
    "code": "import heapq, bisect, json\nh = [5, 3, 8, 1]\nheapq.heapify(h)\nprint(heapq.heappop(h), heapq.nsmallest(2, [9, 4, 7]), heapq.nlargest(1, \"xyz\"))\na = [1, 2, 4]\nbisect.insort(a, 3)\nprint(a, bisect.bisect_left(a, 2))\nprint(json.dumps({\"a\": [1, 2.5, None], \"b\": \"é\"}), json.loads('{\"x\": [true, false, null, 1.5]}'))\nprint(json.dumps([1, {\"k\": \"v\"}], indent=2))\n",
    "stdout": "1 [4, 7] ['z']\n[1, 2, 3, 4] 1\n{\"a\": [1, 2.5, null], \"b\": \"\\u00e9\"} {'x': [True, False, None, 1.5]}\n[\n  1,\n  {\n    \"k\": \"v\"\n  }\n]\n",
    "stderr_last": ""
  }
];

for (const c of CASES) {
  test(`builtins: ${c.name}`, async () => {
    await initSim();
    const r = runProgram({
      filename: `${c.name}.py`,
      source: c.code,
      stdin: null,
      stdoutMode: 'pipe',
      readSource: (n: string) => stdlibSource(n),
      maxSteps: 5_000_000,
    });
    assert.equal(r.stdout, c.stdout, r.stderr);
  });
}
