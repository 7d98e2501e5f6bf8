#!/usr/bin/env node
// Draws media/icon.png (128×128): three thread lanes on a timeline, the GIL handed from one
// to the next. Plain pixels written as a PNG with zlib; run it again after changing it.
import fs from 'node:fs';
import zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersampling per axis, for smooth edges

/** Colour (RGBA, 0–255) of the point (x, y) in icon coordinates, or null for transparent. */
function paint(x, y) {
  const r = 24; // rounded square background
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const lanes = [36, 64, 92];
  const bars = [[18, 54, [38, 198, 182]], [54, 84, [255, 163, 72]], [84, 110, [176, 124, 255]]];
  for (let i = 0; i < 3; i++) {
    const [x0, x1, colour] = bars[i];
    const y0 = lanes[i];
    if (x >= x0 && x <= x1 && Math.abs(y - y0) <= 7) {
      const ex = Math.max(0, Math.max(x0 + 3 - x, x - (x1 - 3)));
      const ey = Math.max(0, Math.abs(y - y0) - 4);
      if (ex * ex + ey * ey <= 9) return [...colour, 255];
    }
  }
  for (let i = 0; i < 2; i++) { // hand-offs between lanes
    const hx = bars[i][1];
    if (Math.abs(x - hx) <= 1.5 && y > lanes[i] + 7 && y < lanes[i + 1] - 7) return [235, 240, 250, 255];
  }
  for (const ly of lanes) if (Math.abs(y - ly) <= 1.5 && x >= 14 && x <= 114) return [92, 104, 128, 255];
  const t = y / SIZE; // background: dark blue, slightly lighter at the top
  return [Math.round(34 - 12 * t), Math.round(42 - 14 * t), Math.round(64 - 18 * t), 255];
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = paint(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (!c) continue;
        for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
        sum[3] += c[3];
      }
    }
    const a = sum[3] / (SS * SS);
    for (let k = 0; k < 3; k++) row[1 + px * 4 + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
    row[1 + px * 4 + 3] = Math.round(a);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../media/icon.png', import.meta.url);
fs.writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
