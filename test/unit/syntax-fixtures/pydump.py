# Reference side of test/unit/syntax-dump.ts: CPython 3.11's ast.dump of a file plus one
# line per located node (depth-first in field order, f-string internals skipped), columns
# converted from UTF-8 bytes to UTF-16 units. Used to (re)generate the committed
# expected files; the tests themselves never run Python.
import ast, sys

def u16(lines, lineno, col):
    line = lines[lineno - 1].encode('utf-8')[:col].decode('utf-8', 'replace')
    return len(line.encode('utf-16-le')) // 2

def locs(tree, src):
    lines = src.split('\n')
    out = []
    def visit(n):
        if isinstance(n, list):
            for x in n: visit(x)
            return
        if not isinstance(n, ast.AST) or isinstance(n, (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)):
            return
        if hasattr(n, 'lineno') and not isinstance(n, ast.type_ignore):
            name = type(n).__name__
            out.append('%s %d:%d-%d:%d' % (name, n.lineno, u16(lines, n.lineno, n.col_offset), n.end_lineno, u16(lines, n.end_lineno, n.end_col_offset)))
        if isinstance(n, (ast.JoinedStr, ast.FormattedValue)):
            return
        for f in n._fields:
            visit(getattr(n, f, None))
    visit(tree.body)
    return out

def dump_source(src):
    tree = ast.parse(src)
    return ast.dump(tree), locs(tree, src)

if __name__ == '__main__':
    for path in sys.argv[1:]:
        src = open(path, encoding='utf-8').read()
        d, l = dump_source(src)
        print(d)
        print('\n'.join(l))
