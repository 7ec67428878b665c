package draft

import (
	"fmt"
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
	"handoff/core/thread"
)

// hypothesis is "We suspect Z because …; ruled out X (#4) and Y (#7);
// first move: …" from the first rule the facts match; with no rule it
// says the evidence is thin and what to confirm first.
func (d *drafter) hypothesis() []note.Item {
	ruled, ruledCites := d.ruledOut()
	for _, r := range rules {
		ns := r.match(d)
		if len(ns) == 0 {
			continue
		}
		if len(ns) > 3 {
			ns = ns[:3]
		}
		because := r.because
		if explain := explanations[r.name]; explain != nil {
			because = explain(d)
		}
		text := fmt.Sprintf("We suspect %s because %s %s", r.suspect, because, cite(ns...))
		if ruled != "" {
			text += "; ruled out " + ruled
		}
		text += "; first move: " + r.first + "."
		return []note.Item{{Text: text, Cites: merge(ns, ruledCites)}}
	}
	// No rule matches: say so, on what the report rests, and what to
	// confirm first.
	report := d.reportCite()
	text := fmt.Sprintf("Evidence is thin: the report %s and %s in %d messages point to no known cause", cite(report),
		plural(len(d.f.Attempts), "attempt", "attempts"), len(d.th.Messages))
	if ruled != "" {
		text += "; ruled out " + ruled
	}
	text += "; first move: confirm " + missing[d.f.Category.Kind] + "."
	return []note.Item{{Text: text, Cites: merge([]int{report}, ruledCites)}}
}

// ruledOut lists the failed attempts: "cleared cache/cookies (#3) and
// tried another browser (#5)".
func (d *drafter) ruledOut() (string, []int) {
	var parts []string
	var ns []int
	seen := map[string]bool{}
	for _, a := range d.f.Attempts {
		if a.Outcome != facts.Failed || seen[a.Kind] {
			continue
		}
		seen[a.Kind] = true
		if len(parts) == 2 {
			break
		}
		parts = append(parts, strings.ToLower(a.Label[:1])+a.Label[1:]+" "+cite(a.OutcomeCite))
		ns = append(ns, a.OutcomeCite)
	}
	return andList(parts), ns
}

// reportCite is the first customer message: where the problem is told.
func (d *drafter) reportCite() int {
	for _, m := range d.th.Messages {
		if m.Author.Role != thread.Agent && m.Author.Role != thread.System && m.Author.Role != thread.Bot {
			return m.N
		}
	}
	return 1
}
