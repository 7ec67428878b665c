// size.mjs: what makes handoff.wasm big — the code bytes of each Go
// package, read from the wasm's name section (build without -s: `make
// wasm-size` does), largest first, with the biggest functions of one
// package on request.
//
//   node bench/size.mjs handoff-names.wasm [TOP] [FUNCTION_REGEXP]
//   node bench/size.mjs /tmp/h.wasm 30 '^handoff_core_facts'
//
// Go writes "/" in names as "_": handoff/core/facts is handoff_core_facts.
// A wasm without a name section (-ldflags=-s) lists everything as "?".
import { readFileSync } from 'node:fs';

const [file, top = '40', pattern] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/size.mjs handoff.wasm [TOP] [FUNCTION_REGEXP]');
  process.exit(2);
}
const b = readFileSync(file);
let p = 8;
const leb = () => {
  let r = 0, shift = 0, x;
  do { x = b[p++]; r += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80);
  return r;
};
const skipLimits = () => { const f = leb(); leb(); if (f & 1) leb(); };

let imported = 0;
const code = [], names = new Map(), sections = [];
while (p < b.length) {
  const id = b[p++], len = leb(), start = p;
  let label = String(id);
  if (id === 2) { // imports: functions among them shift the function index space
    for (let n = leb(); n > 0; n--) {
      for (let k = 0; k < 2; k++) { const l = leb(); p += l; } // module and field names
      const kind = b[p++];
      if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; skipLimits(); } else if (kind === 2) skipLimits(); else p += 2;
    }
  } else if (id === 10) { // code
    label = 'code';
    for (let n = leb(); n > 0; n--) { const l = leb(); code.push(l); p += l; }
  } else if (id === 11) label = 'data';
  else if (id === 0) { // custom: the name section's function names
    const l = leb();
    label = b.subarray(p, p + l).toString();
    p += l;
    if (label === 'name') {
      while (p < start + len) {
        const sub = b[p++], sl = leb(), end = p + sl;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const i = leb(), nl = leb(); names.set(i, b.subarray(p, p + nl).toString()); p += nl; }
        p = end;
      }
    }
  }
  sections.push([label, len]);
  p = start + len;
}

/** pkg names the package of a function: the text before the first "." after the domain. */
const pkg = (fn) => {
  const s = fn.replace(/^\(?\*?/, '');
  const m = /^((?:golang\.org|github\.com)_[^.]*|[^.]*)/.exec(s);
  return m[1];
};
const by = new Map(), fns = [];
code.forEach((size, i) => {
  const fn = names.get(i + imported) ?? '?';
  by.set(pkg(fn), (by.get(pkg(fn)) ?? 0) + size);
  if (pattern && new RegExp(pattern).test(fn)) fns.push([size, fn]);
});
console.log(`${file}: ${b.length} bytes; sections ${sections.filter(([, l]) => l > 10000).map(([k, l]) => `${k} ${l}`).join(', ')}`);
console.log('code bytes by package:');
for (const [k, v] of [...by].sort((x, y) => y[1] - x[1]).slice(0, Number(top))) console.log(`  ${String(v).padStart(9)}  ${k}`);
if (pattern) {
  console.log(`functions matching ${pattern}:`);
  for (const [s, f] of fns.sort((x, y) => y[0] - x[0]).slice(0, Number(top))) console.log(`  ${String(s).padStart(9)}  ${f}`);
}
