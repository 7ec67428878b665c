package draft

import (
	"slices"
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
)

// maxTried keeps the section within the reading budget.
const maxTried = 5

// triedGroup is one line of the section: attempts of the same kind by the
// same side (tried more than once) or of different kinds with the same
// messages and result.
type triedGroup struct {
	labels  []string
	cites   []int
	results []*outcome // distinct results, in order
	count   int
}

// outcome is one distinct result of a group with the messages reporting it.
type outcome struct {
	text  string
	cites []int
}

func (g *triedGroup) addResult(res string, n int) {
	for _, o := range g.results {
		if o.text == res {
			o.cites = append(o.cites, n)
			return
		}
	}
	g.results = append(g.results, &outcome{text: res, cites: []int{n}})
}

// sameAs reports whether g is one attempt with exactly this one result.
func (g *triedGroup) sameAs(cites []int, res string, n int) bool {
	return g.count == 1 && slices.Equal(g.cites, cites) && len(g.results) == 1 && g.results[0].text == res && slices.Equal(g.results[0].cites, []int{n})
}

// tried writes each attempt and its result: "Cleared cache/cookies (#2,
// #3) → still failing: HTTP 502 (#3)"; a kind tried more than once is one
// line with its count, its messages and each distinct result once.
func (d *drafter) tried() []note.Item {
	var groups []*triedGroup
	byKind := map[string]*triedGroup{}
	for _, a := range d.f.Attempts {
		label := a.Label
		if a.Macro != "" {
			label += " (macro \"" + a.Macro + "\")"
		}
		switch {
		case a.By == "agent" && a.Kind != "macro":
			label += " (support)"
		case a.By == "customer" && !a.Asked:
			label += " (customer, on their own)"
		}
		res := result(a)
		key := a.Kind + "|" + a.By
		if g := byKind[key]; g != nil {
			g.count++
			g.cites = append(g.cites, a.Cites...)
			g.addResult(res, a.OutcomeCite)
			continue
		}
		// Same messages and result as the previous line: one line.
		if n := len(groups); n > 0 && groups[n-1].sameAs(a.Cites, res, a.OutcomeCite) {
			p := groups[n-1]
			p.labels = append(p.labels, strings.ToLower(label[:1])+label[1:])
			byKind[key] = p
			continue
		}
		g := &triedGroup{labels: []string{label}, cites: a.Cites, count: 1}
		g.addResult(res, a.OutcomeCite)
		byKind[key] = g
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		return []note.Item{item("No attempt to resolve this is recorded in the thread.")}
	}
	var items []note.Item
	written := map[string]bool{}
	problemError := ""
	if es := d.entities(facts.KindError); len(es) > 0 {
		problemError = "still failing with " + errorText(es[0].Value) // the problem names it
	}
	for _, g := range groups {
		if len(items) == maxTried {
			break
		}
		head := andList(g.labels)
		if g.count > 1 {
			head += ", tried " + times(g.count)
		}
		var rs []string
		cites := shown(g.cites)
		for _, o := range g.results {
			text := o.text
			if strings.HasPrefix(text, "still failing with ") {
				switch {
				case written[text]:
					text = "same error" // quoted once is enough
				case text == problemError && len(text) > len("still failing with HTTP 502"):
					text = "still failing with the error above"
				}
				written[o.text] = true
			}
			rs = append(rs, strings.TrimSpace(text+" "+cite(o.cites...)))
			cites = merge(cites, shown(o.cites))
		}
		text := head + " " + cite(g.cites...) + " → " + strings.Join(rs, "; ")
		items = append(items, note.Item{Text: strings.TrimSpace(text), Cites: cites})
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
