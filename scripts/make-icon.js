#!/usr/bin/env node
/**
 * Draws the extension's icon (images/icon.png, 256×256) from shapes, with no image library: a
 * rounded square in the gallery banner's blue, a white shield (the Action's branding) and a blue
 * check mark inside it. Each pixel is sampled 4×4 times for smooth edges; the PNG is written with
 * zlib. Run `node scripts/make-icon.js` after changing it; the PNG is committed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 256;
const SAMPLES = 4;
const BLUE = [11, 61, 107];
const LIGHT = [255, 255, 255];
const CHECK = [22, 132, 214];

function insideRoundedSquare(x, y) {
  const r = 48;
  const lo = 8;
  const hi = SIZE - 8;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return x >= lo && x <= hi && y >= lo && y <= hi && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A shield: straight top with rounded shoulders, sides that curve in to a point at the bottom. */
function insideShield(x, y) {
  const top = 44;
  const bottom = 220;
  const half = 78;
  const mid = SIZE / 2;
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  // Full width for the upper 45%, then narrowing along a curve to the point.
  const width = t < 0.45 ? half : half * Math.cos(((t - 0.45) / 0.55) * (Math.PI / 2)) ** 0.8;
  // A dip in the middle of the top edge.
  const dip = 10 * Math.exp(-(((x - mid) / 34) ** 2));
  return Math.abs(x - mid) <= width && y >= top + dip;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function onCheck(x, y) {
  const w = 11;
  return distanceToSegment(x, y, 90, 128, 118, 158) <= w || distanceToSegment(x, y, 118, 158, 168, 98) <= w;
}

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (onCheck(x, y) && insideShield(x, y)) return CHECK;
  if (insideShield(x, y)) return LIGHT;
  return BLUE;
}

function render() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const o = 1 + x * 4;
      if (a > 0) {
        row[o] = Math.round(r / a);
        row[o + 1] = Math.round(g / a);
        row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(render(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'images', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
