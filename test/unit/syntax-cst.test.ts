// The CST mirror (src/sim/syntax/cst.ts) must answer exactly as web-tree-sitter's Nodes
// do: types, named-ness, offsets, positions (UTF-16 columns, CRLF, lone CR, astral
// characters), text, children and fields. Checked node by node on the corpus files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { loadParserWasm } from '../../src/cli/wasm';
import { FIELD_PARENT_TYPES, mirrorTree, type CNode } from '../../src/sim/syntax/cst';
import { parserRawCursor } from '../../src/sim/syntax/parser';
import { setupParser } from './syntax-helpers';

const root = join(__dirname, '..', '..');
function pyFiles(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).filter((f) => f.endsWith('.py')).sort().map((f) => join(abs, f));
}

let parser: Parser;
let fieldNames: string[] = [];
before(async () => {
  await setupParser();
  const wasm = loadParserWasm();
  parser = new Parser();
  const lang = await Language.load(wasm.python);
  parser.setLanguage(lang);
  fieldNames = lang.fields.filter((f): f is string => !!f);
});

function same(m: CNode, n: Node, path: string): void {
  assert.equal(m.type, n.type, `${path}: type`);
  assert.equal(m.isNamed, n.isNamed, `${path}: isNamed`);
  assert.equal(m.startIndex, n.startIndex, `${path} ${n.type}: startIndex`);
  assert.equal(m.endIndex, n.endIndex, `${path} ${n.type}: endIndex`);
  assert.deepEqual(m.startPosition, n.startPosition, `${path} ${n.type}: startPosition`);
  assert.deepEqual(m.endPosition, n.endPosition, `${path} ${n.type}: endPosition`);
  assert.equal(m.text, n.text, `${path} ${n.type}: text`);
  const kids = n.children;
  assert.equal(m.children.length, kids.length, `${path} ${n.type}: child count`);
  assert.equal(m.namedChildren.length, n.namedChildren.length, `${path} ${n.type}: named child count`);
  for (const f of fieldNames) {
    const a = m.childForFieldName(f);
    const b = n.childForFieldName(f);
    assert.equal(a ? `${a.type}@${a.startIndex}-${a.endIndex}` : null, b ? `${b.type}@${b.startIndex}-${b.endIndex}` : null, `${path} ${n.type}: field ${f}`);
    const as = m.childrenForFieldName(f).map((x) => `${x.type}@${x.startIndex}`);
    const bs = n.childrenForFieldName(f).map((x) => (x ? `${x.type}@${x.startIndex}` : 'null'));
    assert.deepEqual(as, bs, `${path} ${n.type}: fields ${f}`);
  }
  for (let i = 0; i < kids.length; i++) same(m.children[i], kids[i]!, `${path}/${i}`);
}

function check(src: string, name: string): void {
  const tree = parser.parse(src)!;
  try {
    same(mirrorTree(tree, src).root, tree.rootNode, name);
    same(mirrorTree(tree, src, parserRawCursor()).root, tree.rootNode, `${name} (raw cursor)`);
  } finally {
    tree.delete();
  }
}

describe('CST mirror matches web-tree-sitter', () => {
  test('the raw cursor entry points are found (web-tree-sitter 0.25)', () => {
    assert.ok(parserRawCursor(), 'web-tree-sitter changed its internals: the mirror falls back to TreeCursor (slower)');
  });

  test('the node types with fields are those of node-types.json', () => {
    const file = join(root, 'node_modules', 'tree-sitter-python', 'src', 'node-types.json');
    if (!existsSync(file)) return;
    const types = JSON.parse(readFileSync(file, 'utf8')) as { type: string; fields?: Record<string, unknown> }[];
    const withFields = types.filter((t) => t.fields && Object.keys(t.fields).length > 0).map((t) => t.type).sort();
    assert.deepEqual([...FIELD_PARENT_TYPES].sort(), withFields);
  });

  test('small sources: non-ASCII, astral, CRLF, lone CR, BOM, empty', () => {
    const cases = [
      '', '\n', 'x', '# only a comment\n', '\uFEFFx = 1\n',
      'é = "ñ😀x"\nprint(é, "😀😀", f"{é!r:>{10}}")  # ü 😀\n',
      'x = 1\r\ny = [1,\r\n  2]\r\n',
      'x = 1\ry = 2\r',
      'def f(a, *, b=1, **k):\n    """Doc 😀."""\n    return a\n\n\n',
      'class A(B, metaclass=M):\n    x: int = 1\n    def g(self): pass\n# tail\n',
      'if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n',
      'try:\n    pass\nexcept (E, F) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n',
      'x = \\\n  1\n',
      'with a as b, c as d:\n    pass\n',
      'print >> f, x\n',
    ];
    for (const src of cases) check(src, JSON.stringify(src));
  });

  test('corpus files (and CRLF variants)', () => {
    const files = [...pyFiles('test/diff'), ...pyFiles('samples')];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      check(src, f);
    }
    for (const f of files.slice(0, 40)) check(readFileSync(f, 'utf8').replace(/\n/g, '\r\n'), `${f} (CRLF)`);
  });
});
