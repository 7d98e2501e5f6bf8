/**
 * Timeline benchmark in headless Chromium: a 1,000,000-event synthetic trace is generated
 * in the page, posted to the real webview bundle in batches (structured clone, as VS Code
 * delivers messages), and we measure
 *   - time to first render: first batch posted → first frame showing every event
 *     (validation + model + layout + draw);
 *   - frame times while zooming and panning: draw time per frame (median / p95), for
 *     programmatic view changes and for real wheel / drag input events.
 * Usage: node --import tsx bench/timeline/run.ts [events=1000000]
 * Prints a table; never fails a test run. Needs /usr/bin/chromium (or $CHROMIUM_PATH).
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromiumPath, openHarness } from '../../test/browser/harness';

const N = Number(process.argv[2] ?? 1_000_000);

const stats = (xs: number[]): { median: number; p95: number; max: number; n: number } => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number): number => s[Math.min(s.length - 1, Math.floor(f * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1], n: s.length };
};
const fmt = (x: number): string => x.toFixed(2).padStart(8);

async function main(): Promise<void> {
  if (!chromiumPath()) {
    console.log('bench/timeline: chromium not installed, skipped');
    return;
  }
  const gen = await build({
    entryPoints: [resolve(__dirname, 'page-entry.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'error',
  });
  const h = await openHarness({ width: 1600, height: 900, minify: true });
  const page = h.page;
  await page.addScriptTag({ content: gen.outputFiles[0].text }).catch(async () => {
    // the page's CSP forbids inline scripts: evaluate the generator bundle directly instead
    await page.evaluate(gen.outputFiles[0].text);
  });
  const genMs = await page.evaluate((n) => {
    const t = performance.now();
    (window as any).__batches = (window as any).__genJsonlBatches(n, 100_000);
    return performance.now() - t;
  }, N);
  const count = await page.evaluate(() => (window as any).__batches.reduce((k: number, b: string) => k + b.split('\n').length - 1, 0));

  // ---- time to first render ----
  const open = await page.evaluate(async (total) => {
    const batches = (window as any).__batches as string[];
    const dbg = (window as any).__threadlineDebug;
    const t0 = performance.now();
    window.postMessage({ type: 'reset', file: 'bench.py' }, '*');
    batches.forEach((jsonl, i) => window.postMessage({ type: 'traceBatch', jsonl, done: i === batches.length - 1 }, '*'));
    const posted = performance.now() - t0;
    await new Promise<void>((res) => {
      const poll = (): void => {
        const d = dbg.snapshot();
        if (d.lastFrameEvents === total) res();
        else setTimeout(poll, 5);
      };
      poll();
    });
    const d = dbg.snapshot();
    return { firstRenderMs: d.lastFrameAt - t0, firstFrameMs: d.firstFrameAt - t0, postMs: posted, frameMs: d.render.frameMs, rects: d.render.rects, lanes: d.lanes.length, errors: d.errors, timing: d.timing, phases: d.render.phases };
  }, count);

  // ---- programmatic zoom / pan ----
  const prog = await page.evaluate(() => {
    const dbg = (window as any).__threadlineDebug;
    const d = dbg.snapshot();
    const { t0, nsPerPx, width } = d.view;
    const fitMs: number[] = [];
    const zoomMs: number[] = [];
    const panMs: number[] = [];
    for (let i = 0; i < 30; i++) fitMs.push(dbg.benchView(t0, nsPerPx));
    const mid = t0 + (width * nsPerPx) / 2;
    let z = nsPerPx;
    for (let i = 0; i < 120; i++) { // zoom in ×1.1 per frame, 4 orders of magnitude, then back out
      z = i < 60 ? z / 1.17 : z * 1.17;
      zoomMs.push(dbg.benchView(mid - (width / 2) * z, z));
    }
    for (const zz of [nsPerPx / 4, nsPerPx / 40]) {
      let left = t0;
      for (let i = 0; i < 60; i++) {
        left += zz * 37; // 37 px per frame
        panMs.push(dbg.benchView(left, zz));
      }
    }
    dbg.benchView(t0, nsPerPx);
    return { fitMs, zoomMs, panMs };
  });

  // ---- real input: ctrl+wheel zoom and drag pan, one frame each ----
  const box = (await page.locator('canvas').boundingBox())!;
  const inputFrames: number[] = [];
  const lastFrame = (): Promise<{ frames: number; ms: number }> =>
    page.evaluate(() => { const d = (window as any).__threadlineDebug.snapshot(); return { frames: d.frames, ms: d.render.frameMs }; });
  const waitFrame = async (prev: number): Promise<number> => {
    await page.waitForFunction((p) => (window as any).__threadlineDebug.snapshot().frames > p, prev);
    return (await lastFrame()).ms;
  };
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.keyboard.down('Control');
  for (let i = 0; i < 40; i++) {
    const { frames } = await lastFrame();
    await page.mouse.wheel(0, i < 20 ? -120 : 120);
    inputFrames.push(await waitFrame(frames));
  }
  await page.keyboard.up('Control');
  await page.mouse.down();
  for (let i = 0; i < 40; i++) {
    const { frames } = await lastFrame();
    await page.mouse.move(box.x + box.width / 2 - (i + 1) * 15, box.y + 200);
    inputFrames.push(await waitFrame(frames));
  }
  await page.mouse.up();

  // ---- rAF cadence while panning continuously (includes raster/composite) ----
  const cadence = await page.evaluate(async () => {
    const dbg = (window as any).__threadlineDebug;
    const d = dbg.snapshot();
    const { t0, nsPerPx } = d.view;
    const gaps: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 90; i++) {
      await new Promise<void>((r) => requestAnimationFrame(() => { dbg.benchView(t0 + i * nsPerPx * 11, nsPerPx / 8); r(); }));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return gaps.slice(5);
  });

  await h.close();
  const rows: [string, ReturnType<typeof stats>][] = [
    ['draw, fit-all (all events visible)', stats(prog.fitMs)],
    ['draw, zoom in/out 10^4 (programmatic)', stats(prog.zoomMs)],
    ['draw, pan at 2 zoom levels (programmatic)', stats(prog.panMs)],
    ['draw, real ctrl+wheel and drag input', stats(inputFrames)],
    ['rAF interval while panning (wall)', stats(cadence)],
  ];
  console.log(`timeline benchmark: ${count.toLocaleString('en')} events, ${open.lanes} lanes, headless chromium (software raster)`);
  console.log(`  generate in page           ${genMs.toFixed(0)} ms (not counted)`);
  console.log(`  first frame (first chunk)  ${open.firstFrameMs.toFixed(0)} ms`);
  console.log(`  time to full render        ${open.firstRenderMs.toFixed(0)} ms   (JSONL batches posted in ${open.postMs.toFixed(0)} ms; last frame draw ${open.frameMs.toFixed(1)} ms, ${open.rects} rects)`);
  console.log(`  breakdown: validate ${open.timing.validateMs.toFixed(0)} ms, model ${open.timing.modelMs.toFixed(0)} ms, layout ${open.timing.layoutMs.toFixed(1)} ms; first frame ${JSON.stringify(open.phases, (_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
  console.log(`  ${'frame times (ms)'.padEnd(44)}  median      p95      max    n`);
  for (const [name, s] of rows) console.log(`  ${name.padEnd(44)}${fmt(s.median)} ${fmt(s.p95)} ${fmt(s.max)} ${String(s.n).padStart(4)}`);
  if (open.errors.length) console.log('  webview errors:', open.errors);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
