package draft

import (
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
)

// maxTried keeps the section within the reading budget.
const maxTried = 6

// triedGroup is one line of the section: attempts of the same kind (tried
// more than once) or of different kinds with the same messages and result.
type triedGroup struct {
	labels  []string
	cites   []int
	results []string
	rcites  []int
	count   int
}

// tried writes each attempt and its result: "Cleared cache/cookies (#2,
// #3) → still failing: HTTP 502 (#3)"; a kind tried twice carries both
// messages and both results.
func (d *drafter) tried() []note.Item {
	var groups []*triedGroup
	byKind := map[string]*triedGroup{}
	for _, a := range d.f.Attempts {
		label := a.Label
		if a.Macro != "" {
			label = "Macro \"" + a.Macro + "\" sent"
		}
		switch {
		case a.By == "agent" && a.Kind != "macro":
			label += " (support)"
		case a.By == "customer" && !a.Asked:
			label += " (customer, on their own)"
		}
		res := result(a)
		if g := byKind[a.Kind]; g != nil && a.Kind != "macro" {
			g.count++
			g.cites = append(g.cites, a.Cites...)
			g.results = append(g.results, res+" "+cite(a.OutcomeCite))
			g.rcites = append(g.rcites, a.OutcomeCite)
			continue
		}
		// Same messages and result as the previous line: one line.
		if n := len(groups); n > 0 {
			p := groups[n-1]
			if p.count == 1 && equal(p.cites, a.Cites) && len(p.results) == 1 && p.results[0] == res+" "+cite(a.OutcomeCite) {
				p.labels = append(p.labels, strings.ToLower(label[:1])+label[1:])
				byKind[a.Kind] = p
				continue
			}
		}
		g := &triedGroup{labels: []string{label}, cites: a.Cites, results: []string{res + " " + cite(a.OutcomeCite)}, rcites: []int{a.OutcomeCite}, count: 1}
		byKind[a.Kind] = g
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return []note.Item{item("No attempt to resolve this is recorded in the thread.")}
	}
	var items []note.Item
	for _, g := range groups {
		if len(items) == maxTried {
			break
		}
		head := andList(g.labels)
		if g.count > 1 {
			head += ", tried " + times(g.count)
		}
		text := head + " " + cite(g.cites...) + " → " + strings.TrimSpace(strings.Join(dedupe(g.results), "; "))
		items = append(items, note.Item{Text: strings.TrimSpace(text), Cites: merge(g.cites, g.rcites)})
	}
	return items
}

// result words an attempt's outcome.
func result(a facts.Attempt) string {
	switch a.Outcome {
	case facts.Failed:
		if a.Detail != "" {
			return "still failing with " + errorText(a.Detail)
		}
		return "did not help"
	case facts.Partial:
		return "partly worked"
	case facts.Worked:
		return "worked"
	case facts.Provided:
		return "provided"
	}
	return "no result reported yet"
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func merge(lists ...[]int) []int {
	var out []int
	seen := map[int]bool{}
	for _, l := range lists {
		for _, n := range l {
			if n > 0 && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
