// Package guard lints a handoff note, drafted or typed by an agent, against
// its ticket thread: the guardrails of DESIGN.md checked by code.
//
//	fs := guard.Lint(n, th, guard.Options{})
//	guard.Ready(fs) // false while any finding has severity block
//
// Each finding names its rule (see Rules), severity, section, the
// offending span exactly as written, a message and a suggestion. The word
// lists per language (en, de, es, fr) live in lexicon/*.txt.
package guard

import (
	"fmt"
	"sort"
	"strings"

	"handoff/core/note"
	"handoff/core/thread"
)

// Options adapt the lint to a team's template.
type Options struct {
	// MaxWords is the reading budget of the core sections (every
	// section but the destination profile's): 0 means 250, negative turns
	// the rule off.
	MaxWords int
	// ProfileMaxWords is the budget of the destination profile's sections
	// (environment, repro, amounts …), read after the core: 0 means 120,
	// negative turns the rule off.
	ProfileMaxWords int
	// Banned are extra phrases the team never wants (reported as filler),
	// matched word by word, case-insensitive.
	Banned []string
	// Required are the section keys that must be present and non-empty;
	// nil means blocker and hypothesis. Missing blocker and hypothesis
	// are blocks, any other key a warning.
	Required []string
}

// DefaultMaxWords is the thirty-second reading budget of the core
// sections; DefaultProfileMaxWords that of the profile sections.
const (
	DefaultMaxWords        = 250
	DefaultProfileMaxWords = 120
)

// Lint checks n against th and returns its findings in a deterministic
// order: by section as they stand in the note, then by position, then by
// rule. It never panics: a nil note is an empty note, and a nil thread
// skips the rules that need one (ungrounded specifics, unknown
// citations) while the others still run.
//
//	th: message 1 "Export gives HTTP 502 since 2 March", 2 messages in all
//	note tried: "Cleared cache (#1) → same 503 (#4)"
//	→ ungrounded "503" (block), cite.unknown "#4" (block),
//	  blocker.missing and hypothesis.missing (block)
func Lint(n *note.Note, th *thread.Thread, opts Options) []note.Finding {
	return NewChecker(th).Lint(n, opts)
}

// Checker lints notes against one thread, reading the thread once: use it
// to re-lint a note on every edit. A Checker is safe for concurrent use;
// the thread must not change after NewChecker.
type Checker struct {
	th    *thread.Thread
	ix    *index
	names map[string]bool
}

// NewChecker indexes th (which may be nil: grounding and citation checks
// are then skipped).
func NewChecker(th *thread.Thread) *Checker {
	c := &Checker{th: th, names: customerNames(th)}
	if th != nil {
		c.ix = newIndex(th)
	}
	return c
}

// Lint checks n as the package-level Lint does.
func (k *Checker) Lint(n *note.Note, opts Options) []note.Finding {
	if n == nil {
		n = &note.Note{}
	}
	c := &linter{n: n, th: k.th, ix: k.ix, opts: opts, names: k.names}
	c.units = units(n)
	c.required()
	for _, u := range c.units {
		c.phrases(u)
		c.banned(u)
		c.tried(u)
		c.citations(u)
		c.secrets(u)
		c.specifics(u)
	}
	c.length()
	return c.sorted()
}

// Ready reports whether a note with these findings may be inserted: no
// finding has severity block.
func Ready(findings []note.Finding) bool {
	for _, f := range findings {
		if f.Severity == note.Block {
			return false
		}
	}
	return true
}

// linter carries one Lint call.
type linter struct {
	n     *note.Note
	th    *thread.Thread
	ix    *index
	opts  Options
	names map[string]bool
	units []*unit
	found []placed
	// secret byte ranges per unit, so a card number is not also reported
	// as an ungrounded number.
	hidden map[*unit][][2]int
}

// placed is a finding with its place, for sorting.
type placed struct {
	f         note.Finding
	sec, unit int
	pos       int
}

// add records a finding of rule on u's text[a:b]; detail, when given,
// is added to the rule's message.
func (c *linter) add(rule string, u *unit, a, b int, detail string) {
	r, _ := RuleByID(rule)
	msg := r.Message
	if detail != "" {
		msg += ": " + detail
	}
	p := placed{f: note.Finding{Rule: rule, Severity: r.Severity, Message: msg, Suggestion: r.Suggestion}, sec: len(c.n.Sections), unit: 0}
	if u != nil {
		p.sec, p.unit, p.pos = u.sec, u.order, a
		p.f.Section = u.key
		p.f.Span = strings.TrimSpace(u.text[a:b])
	}
	c.found = append(c.found, p)
}

// addSection records a finding about a whole section (sec is its index,
// or the number of sections when it is absent).
func (c *linter) addSection(rule, key string, sec int) {
	r, _ := RuleByID(rule)
	c.found = append(c.found, placed{f: note.Finding{Rule: rule, Severity: r.Severity, Section: key,
		Message: r.Message, Suggestion: r.Suggestion}, sec: sec})
}

func (c *linter) sorted() []note.Finding {
	sort.SliceStable(c.found, func(i, j int) bool {
		a, b := c.found[i], c.found[j]
		if a.sec != b.sec {
			return a.sec < b.sec
		}
		if a.unit != b.unit {
			return a.unit < b.unit
		}
		if a.pos != b.pos {
			return a.pos < b.pos
		}
		return ruleOrder[a.f.Rule] < ruleOrder[b.f.Rule]
	})
	out := make([]note.Finding, 0, len(c.found))
	seen := map[string]bool{}
	for _, p := range c.found {
		k := fmt.Sprintf("%s\x00%s\x00%s\x00%s", p.f.Rule, p.f.Section, p.f.Span, p.f.Message)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, p.f)
	}
	return out
}

// customerNames are the words of the customers' names in th (requester
// and customer authors), so "Ana is upset" is about the customer.
func customerNames(th *thread.Thread) map[string]bool {
	names := map[string]bool{}
	if th == nil {
		return names
	}
	add := func(p thread.Person) {
		for _, t := range tokenize(p.Name) {
			if len([]rune(t.s)) >= 2 {
				names[t.s] = true
			}
		}
	}
	add(th.Ticket.Requester)
	for _, m := range th.Messages {
		if m.Author.Role == thread.Customer {
			add(m.Author)
		}
	}
	return names
}
