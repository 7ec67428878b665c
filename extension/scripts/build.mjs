// build.mjs assembles the unpacked extension in dist/ and the store zip.
//
//   node scripts/build.mjs WASM WASM_EXEC
//
// It copies manifest.json (expanding "src/sites/*.js" into the site files,
// sorted, the generic fallback last), _locales/, src/, the wasm and Go's
// wasm_exec.js, draws the PNG icons, and zips dist/ into
// handoff-extension.zip. Nothing here downloads anything.
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync, crc32 as zcrc } from "node:zlib";

const ext = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(ext, 'dist');
const [wasm, wasmExec] = process.argv.slice(2);
if (!wasm || !wasmExec) {
  console.error('usage: node scripts/build.mjs path/to/handoff.wasm path/to/wasm_exec.js');
  process.exit(2);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'icons'), { recursive: true });
cpSync(join(ext, 'src'), join(dist, 'src'), { recursive: true });
cpSync(join(ext, '_locales'), join(dist, '_locales'), { recursive: true });
copyFileSync(wasm, join(dist, 'handoff.wasm'));
copyFileSync(wasmExec, join(dist, 'wasm_exec.js'));

const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
const sites = readdirSync(join(ext, 'src', 'sites')).filter((f) => f.endsWith('.js'))
  .sort((a, b) => (a === 'generic.js') - (b === 'generic.js') || a.localeCompare(b))
  .map((f) => `src/sites/${f}`);
for (const cs of manifest.content_scripts) cs.js = cs.js.flatMap((f) => (f === 'src/sites/*.js' ? sites : [f]));
writeFileSync(join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2));

for (const size of [16, 32, 48, 128]) writeFileSync(join(dist, 'icons', `${size}.png`), icon(size));
writeFileSync(join(ext, 'handoff-extension.zip'), zip(dist));
console.log(`extension/dist: ${sites.length} site files; handoff-extension.zip written`);

// icon draws a rounded teal square with a white arrow "→" (a handoff), as PNG.
function icon(n) {
  const px = Buffer.alloc(n * (n * 4 + 1));
  const r = n * 0.22;
  for (let y = 0; y < n; y++) {
    px[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) {
      const dx = Math.max(r - x - 0.5, x + 0.5 - (n - r), 0);
      const dy = Math.max(r - y - 0.5, y + 0.5 - (n - r), 0);
      const inside = dx * dx + dy * dy <= r * r;
      const u = x / n, v = y / n;
      const shaft = v > 0.44 && v < 0.56 && u > 0.2 && u < 0.62;
      const head = u >= 0.55 && u < 0.8 && Math.abs(v - 0.5) < (0.8 - u) * 1.1;
      const white = inside && (shaft || head);
      const o = y * (n * 4 + 1) + 1 + x * 4;
      px.set(white ? [255, 255, 255, 255] : inside ? [13, 118, 110, 255] : [0, 0, 0, 0], o);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zcrc(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0); ihdr.writeUInt32BE(n, 4); ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk("IDAT", deflateSync(px)), chunk('IEND', Buffer.alloc(0))]);
}

// zip writes every file under dir into a deflated zip archive.
function zip(dir) {
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const locals = [], central = [];
  let offset = 0;
  for (const file of walk(dir).sort()) {
    const name = Buffer.from(relative(dir, file).split('\\').join('/'));
    const raw = readFileSync(file), body = deflateRawSync(raw), crc = zcrc(raw) >>> 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(0x00210000, 10); // 1980-01-01, so the zip is reproducible
    head.writeUInt32LE(crc, 14); head.writeUInt32LE(body.length, 18); head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(0x00210000, 12); cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(raw.length, 24); cen.writeUInt16LE(name.length, 28); cen.writeUInt32LE(offset, 42);
    locals.push(head, name, body);
    central.push(cen, name);
    offset += head.length + name.length + body.length;
  }
  const cd = Buffer.concat(central), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
