// The JS port of core/feedback against the Go side's parity file: the
// extension's edit shares and local weekly figures equal the worker's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import '../src/feedback.js';

const parity = JSON.parse(readFileSync(new URL('../../core/feedback/testdata/parity.json', import.meta.url), 'utf8'));
const F = globalThis.HandoffFeedback;

test('feedback: editShare equals core/feedback.EditShare on every parity case', () => {
  for (const c of parity.edit_share) assert.equal(F.editShare(c.before, c.after), c.want, `${c.before} → ${c.after}`);
});

test('feedback: weekly and overall equal core/feedback.Weekly and Overall', () => {
  assert.deepEqual(F.weekly(parity.events, parity.answers), parity.weeks);
  assert.deepEqual(F.overall(parity.events, parity.answers), parity.overall);
  assert.deepEqual(F.overall([], []).start, '');
});

test('feedback: noteIdIn finds the marker in text, Markdown and with links', () => {
  assert.equal(F.noteIdIn('-- Handoff note hn_5ec82d633606 · offline draft · 12 of 12 messages read'), 'hn_5ec82d633606');
  assert.equal(F.noteIdIn('_Handoff note hn_abcdef · worker draft_ · Did this save you time? Yes: https://w/f/hn_abcdef?saved=yes'), 'hn_abcdef');
  assert.equal(F.noteIdIn('Handoff note hn_XYZ'), null);
  assert.equal(F.noteIdIn(undefined), null);
});
