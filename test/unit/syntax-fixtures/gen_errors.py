# Regenerates errors.expected.json from errors.cases.json with real CPython 3.11:
#   python3 test/unit/syntax-fixtures/gen_errors.py
# The message and range CPython reports for each broken snippet (compile() in 'exec'
# mode, so compile-time checks such as 'return' outside function are included).
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
assert sys.version_info[:2] == (3, 11), 'expected values come from CPython 3.11'
cases = json.load(open(os.path.join(here, 'errors.cases.json')))
out = []
for src in cases:
    try:
        compile(src, 'snippet.py', 'exec')
        out.append({'source': src, 'message': None})
        continue
    except SyntaxError as e:
        lines = src.split('\n')
        col = (e.offset or 1) - 1
        # CPython leaves the end unset (or before the start) for some errors: use the start.
        if e.end_lineno and e.end_offset and e.end_offset > 0:
            end_line, end_col = e.end_lineno, e.end_offset - 1
            if (end_line, end_col) < (e.lineno, col):
                end_line, end_col = e.lineno, col
        else:
            end_line, end_col = None, None  # CPython gives no end: any end is accepted
        out.append({'source': src, 'type': type(e).__name__, 'message': e.msg,
                    'line': e.lineno, 'col': col, 'endLine': end_line, 'endCol': end_col})
json.dump(out, open(os.path.join(here, 'errors.expected.json'), 'w'), indent=1, ensure_ascii=False)
print(len(out), 'cases')
