export * from './format';
export { validateTraceEvent, validateTrace } from './validate';
export { toJsonl, eventToJsonLine, parseJsonl, type ParsedJsonl } from './jsonl';
export { toChromeTrace, toChromeJson, chromeTid, type ChromeEvent, type ChromeTrace } from './chrome';
export { TraceBuilder } from './builder';
