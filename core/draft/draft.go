// Package draft writes a handoff note from a thread without any model:
// the thread's facts (core/facts) turned into the template's sections, in
// English, every item with the message numbers it rests on, then linted
// by core/guard.
//
//	n, err := draft.Offline(th, draft.Options{})
//	n.Ready                      // false when nothing shows why support cannot resolve it
//	n.Section("tried").Items[0]  // {"Cleared cache/cookies (#2, #3) → still failing: HTTP 502 (#3)", [2 3]}
//
// The same thread and options always give the same note, id included.
package draft

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"handoff/core/errs"
	"handoff/core/facts"
	"handoff/core/guard"
	"handoff/core/internal/par"
	"handoff/core/note"
	"handoff/core/thread"
)

// Options tune a draft.
type Options struct {
	// Destination is engineering, finance, leadership or security; "" or
	// "auto" takes the one the facts suggest.
	Destination string
	// Template is the team's template; nil means note.DefaultTemplate().
	Template *note.Template
	// Now is the reference time for waiting periods and generated_at;
	// zero means the last message's time, so output is deterministic.
	Now time.Time
	// Checker, when set, lints the draft: a caller that keeps one
	// guard.NewChecker(th) for live re-linting of the agent's edits
	// indexes the thread once for the draft and every edit. It must have
	// been made for th; nil makes one.
	Checker *guard.Checker
	// SkipLint leaves the guard out: the note's findings are then only the
	// prompt-injection ones and Ready does not weigh lint. For callers that
	// use the draft as hints for a model and lint the model's note instead
	// (core/modeldraft), so the thread's note is not linted for nothing.
	SkipLint bool
	// Facts, when set, are facts.ExtractAt(th, Now): a caller that drafts
	// one thread for several destinations reads it once. Offline does not
	// change them.
	Facts *facts.Facts
}

// Offline drafts the note for th. It fails with E_EMPTY for a nil thread
// or one without messages and with E_USAGE for an unknown destination; it
// never panics.
func Offline(th *thread.Thread, opts Options) (*note.Note, error) {
	if th == nil || len(th.Messages) == 0 {
		return nil, errs.New(errs.Empty, "", "the thread has no messages to draft from")
	}
	tmpl := opts.Template
	if tmpl == nil {
		tmpl = note.DefaultTemplate()
	}
	// On a long thread the guard indexes the thread while the facts are read.
	chk, read := opts.Checker, th
	waitChk := func() {}
	if chk == nil && !opts.SkipLint {
		waitChk = par.Alongside(len(th.Messages) >= par.LongThread, func() { chk = guard.NewChecker(read) })
	}
	f := opts.Facts
	if f == nil {
		f = facts.ExtractAt(th, opts.Now)
	}
	th, injected := quarantine(th, f.Injections)
	if injected != nil {
		injections := f.Injections
		f = facts.ExtractAt(th, opts.Now)
		f.Injections = injections
	}
	dest := strings.ToLower(strings.TrimSpace(opts.Destination))
	if dest == "" || dest == "auto" {
		dest = f.Category.Destination
	}
	if !slices.Contains(note.Destinations, dest) {
		return nil, errs.New(errs.Usage, "destination", "unknown destination %q (auto, %s)", opts.Destination, strings.Join(note.Destinations, ", "))
	}
	d := &drafter{th: th, f: f, dest: dest}
	n := &note.Note{ID: ID(th), Destination: dest, Findings: []note.Finding{}}
	for _, spec := range tmpl.For(dest) {
		items := d.section(spec.Key)
		n.Sections = append(n.Sections, note.Section{Key: spec.Key, Label: spec.Label, Text: note.JoinItems(items), Items: items})
	}
	n.Meta = note.Meta{
		Source: th.Source, Ticket: th.Ticket.ID, TicketURL: th.Ticket.URL,
		Read: th.Read, Total: th.Total, Engine: "offline", Language: "en",
		GeneratedAt: f.Timeline.Now,
	}
	if n.Meta.Read == 0 {
		n.Meta.Read = len(th.Messages)
	}
	n.Meta.Total = max(n.Meta.Total, n.Meta.Read)
	if !opts.SkipLint {
		waitChk()
		if opts.Checker == nil && th != read { // quarantined: lint against what was drafted from
			chk = guard.NewChecker(th)
		}
		n.Findings = append(n.Findings, chk.Lint(n, guard.Options{MaxWords: tmpl.MaxWords, Banned: tmpl.Banned})...)
	}
	n.Findings = append(n.Findings, injected...)
	n.Ready = len(f.Blockers) > 0 && len(f.NotReady) == 0 && guard.Ready(n.Findings)
	return n, nil
}

// drafter carries one draft.
type drafter struct {
	th    *thread.Thread
	f     *facts.Facts
	dest  string
	lower []string // message texts lower-cased, on first use
}

// section builds the items of one section; a key the offline drafter does
// not know (a team's added section) stays empty for the agent to fill.
func (d *drafter) section(key string) []note.Item {
	build := map[string]func() []note.Item{
		note.Problem: d.problem, note.Background: d.background, note.Tried: d.tried,
		note.Blocker: d.blocker, note.Posture: d.posture, note.Hypothesis: d.hypothesis,
		note.Environment: d.environment, note.Repro: d.repro, note.BugOrConfig: d.bugOrConfig,
		note.Amounts: d.amounts, note.Authority: d.authority, note.Policy: d.policy,
		note.Impact: d.impact, note.Account: d.account, note.Access: d.access, note.Accounts: d.accounts,
	}[key]
	if build == nil {
		return nil
	}
	return build()
}

// ID is the note id of th: "hn_" and 48 bits of a 64-bit FNV-1a hash of
// the ticket's source, id and messages, so the same thread always gives
// the same id. It names a note; it protects nothing, so it needs no
// cryptographic hash (crypto/sha256 would add ~49 KB gzipped to the
// browser's wasm).
//
//	ID(th) // "hn_3f9a0c6d2b1e"
func ID(th *thread.Thread) string {
	h := fnv.New64a()
	for _, s := range []string{th.Source, th.Ticket.ID} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, m := range th.Messages {
		for _, s := range []string{m.Author.Name, string(m.Visibility), m.At.UTC().Format(time.RFC3339), m.Text} {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	return fmt.Sprintf("hn_%012x", h.Sum64()>>16)
}
