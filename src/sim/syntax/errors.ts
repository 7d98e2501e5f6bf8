import type { Node } from 'web-tree-sitter';
import type { SyntaxDiagnostic } from './ast';
import { nodeLoc } from './loc';
export function findSyntaxErrors(root: Node, source: string): SyntaxDiagnostic[] {
  void source;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) return [{ kind: 'syntax', message: 'invalid syntax', loc: nodeLoc(n) }];
    for (let i = n.childCount - 1; i >= 0; i--) { const k = n.child(i); if (k && (k.hasError || k.isMissing)) stack.push(k); }
  }
  return [];
}
