# Regenerates ast.expected.json from ast.cases.json with real CPython 3.11:
#   python3 test/unit/syntax-fixtures/gen_ast.py
# Each entry: the snippet, CPython's ast.dump, and its node locations (see pydump.py).
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from pydump import dump_source
assert sys.version_info[:2] == (3, 11), 'expected values come from CPython 3.11'
cases = json.load(open(os.path.join(here, 'ast.cases.json')))
out = []
for src in cases:
    d, locs = dump_source(src)
    out.append({'source': src, 'dump': d.replace(", kind='u'", ''), 'locs': locs})
json.dump(out, open(os.path.join(here, 'ast.expected.json'), 'w'), indent=1, ensure_ascii=False)
print(len(out), 'cases')
