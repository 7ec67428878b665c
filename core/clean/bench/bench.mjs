// make bench-clean: Handoff's cleaner and npm email-reply-parser on the
// same conformance cases (../shared/corpora), accuracy and messages per
// second side by side. The Go test TestPeer lists the cases and scores
// both with the conformance test's own rules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmailReplyParser from 'email-reply-parser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rounds = Number(process.env.ROUNDS || 5);
const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-clean-'));
const casesFile = join(dir, 'cases.json');
const peerFile = join(dir, 'peer.json');

function goPeer(mode) {
  execFileSync('go', ['test', '-count=1', '-run', '^TestPeer$', './core/clean'], {
    cwd: root,
    env: { ...process.env, HANDOFF_PEER: mode },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function visible(parser, input) {
  try {
    return parser.read(input).getVisibleText();
  } catch {
    return '';
  }
}

goPeer('dump:' + casesFile);
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const parser = new EmailReplyParser();
const results = {};
for (const c of cases) results[c.Key] = visible(parser, c.Input);
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const c of cases) visible(parser, c.Input);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const pkg = JSON.parse(readFileSync(join(root, 'core/clean/bench/node_modules/email-reply-parser/package.json'), 'utf8'));
writeFileSync(peerFile, JSON.stringify({
  name: `npm email-reply-parser ${pkg.version}`, rounds, seconds, messages: rounds * cases.length, results,
}));
goPeer('score:' + peerFile);
process.stdout.write(readFileSync(peerFile + '.table', 'utf8'));
rmSync(dir, { recursive: true, force: true });
