package eval

import (
	"slices"
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
	"handoff/core/thread"
)

// Covers reports whether note n covers attempt a of the thread. An attempt
// is covered when either
//
//   - the note names an attempt of the same kind anywhere in its text:
//     the note's section texts, read by facts.Extract as one agent message,
//     yield an attempt of a.Kind — the same phrase tables (en, de, es, fr)
//     that found the attempt in the thread, so "Cleared cache and cookies",
//     "Cache geleert" and "asked her to clear the browser cache" all name
//     kind cache, while "tried the usual steps" names none and a negated
//     mention ("haven't tried reinstalling") does not count; or
//   - an item of the note's tried section cites the message where the
//     attempt was first asked for or done (the lowest of a.Cites): "Checked the
//     optimiser toggle (#7) → on (#8)" covers the setting check asked in #7
//     even in words the phrase tables do not know. Citing only the outcome
//     message does not cover it: one reply often reports on several things.
//
// A nil note covers nothing.
//
//	a: {Kind: "cache", Cites: [2, 3]}
//	tried "Cleared cache and re-logged in (#3) → same 502 (#3)" → true (kind named)
//	tried "Had them try the usual steps (#2) → no change" → true (cites #2)
//	tried "Had them try the usual steps → no change"       → false
func Covers(n *note.Note, a facts.Attempt) bool {
	return newCoverer(n).covers(a)
}

// coverer holds what a note names and cites, read once.
type coverer struct {
	kinds map[string]bool
	cites map[int]bool
}

func newCoverer(n *note.Note) *coverer {
	c := &coverer{kinds: map[string]bool{}, cites: map[int]bool{}}
	if n == nil {
		return c
	}
	var text []string
	for _, s := range n.Sections {
		text = append(text, s.Text)
		if s.Key != note.Tried {
			continue
		}
		items := s.Items
		if len(items) == 0 {
			items = note.SplitItems(s.Text)
		}
		for _, it := range items {
			for _, n := range note.Cites(it.Text) {
				c.cites[n] = true
			}
			for _, n := range it.Cites {
				c.cites[n] = true
			}
		}
	}
	for _, k := range namedKinds(strings.Join(text, "\n\n")) {
		c.kinds[k] = true
	}
	return c
}

func (c *coverer) covers(a facts.Attempt) bool {
	return c.kinds[a.Kind] || len(a.Cites) > 0 && c.cites[slices.Min(a.Cites)]
}

// namedKinds are the attempt kinds facts finds in text read as one agent
// message.
func namedKinds(text string) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	th := &thread.Thread{Messages: []thread.Message{{N: 1, Author: thread.Person{Role: thread.Agent}, Visibility: thread.Internal, Text: text}}}
	var kinds []string
	for _, a := range facts.Extract(th).Attempts {
		if !slices.Contains(kinds, a.Kind) {
			kinds = append(kinds, a.Kind)
		}
	}
	return kinds
}

// coverage lists the thread's attempts with whether each note covers
// them.
func coverage(attempts []facts.Attempt, drafted, human *note.Note) []AttemptCoverage {
	d, h := newCoverer(drafted), newCoverer(human)
	out := make([]AttemptCoverage, 0, len(attempts))
	for _, a := range attempts {
		label := a.Label
		if a.Macro != "" {
			label += ": " + a.Macro
		}
		cites := append([]int{}, a.Cites...)
		out = append(out, AttemptCoverage{Kind: a.Kind, Label: label, Cites: cites, Outcome: a.Outcome,
			Draft: d.covers(a), Human: h.covers(a)})
	}
	return out
}
