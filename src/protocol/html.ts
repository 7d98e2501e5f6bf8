/**
 * The timeline webview's HTML document. The extension calls buildTimelineHtml with values
 * from the vscode API (webview.cspSource, asWebviewUri(...)) and a fresh random nonce.
 * Strict CSP: nothing inline, no eval; scripts only with the nonce; styles, fonts and
 * images only from the extension's own resources, plus <style> elements that carry the
 * style nonce (no 'unsafe-inline'). The toolkit (FAST) creates one such element to test
 * :focus-visible support and reads the nonce from <meta property="csp-nonce">, as FAST
 * documents; the style nonce differs from the script nonce, so the meta tag does not
 * reveal the one that lets a script run.
 */
export interface TimelineHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  /** a fresh random nonce, [A-Za-z0-9+/=_-]{16,} */
  nonce: string;
  /** another fresh random nonce for <style> elements created at run time (same syntax) */
  styleNonce: string;
  /** dist/webview.js */
  scriptUri: string;
  /** dist/webview.css */
  styleUri: string;
  /** dist/codicon.css */
  codiconUri: string;
  title?: string;
}

const NONCE_RE = /^[A-Za-z0-9+/=_-]{16,}$/;

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy used by the timeline. */
export function timelineCsp(cspSource: string, nonce: string, styleNonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${styleNonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function buildTimelineHtml(o: TimelineHtmlOptions): string {
  if (!NONCE_RE.test(o.nonce) || !NONCE_RE.test(o.styleNonce)) throw new Error('buildTimelineHtml: nonce must be 16+ base64/url-safe characters');
  if (o.nonce === o.styleNonce) throw new Error('buildTimelineHtml: the style nonce must differ from the script nonce');
  if (/[;'"\s]/.test(o.cspSource.replace(/ (?=\S)/g, ''))) throw new Error('buildTimelineHtml: suspicious cspSource');
  const title = attr(o.title ?? 'Threadline timeline');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(timelineCsp(o.cspSource, o.nonce, o.styleNonce))}">
<meta property="csp-nonce" content="${attr(o.styleNonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.codiconUri)}">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${title}</title>
</head>
<body>
<div id="app" data-title="${title}"></div>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}
