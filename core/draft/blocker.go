package draft

import (
	"strings"

	"handoff/core/facts"
	"handoff/core/note"
)

// missing says, per category, what evidence a not-ready note lacks.
var missing = map[string]string{
	facts.CatBug:       "whether support reproduced it or engineering confirmed a defect",
	facts.CatConfig:    "which setting support cannot change or inspect",
	facts.CatBilling:   "which amount or decision is above support's authority or policy",
	facts.CatComplaint: "what decision the customer needs that support cannot make",
	facts.CatAccess:    "what access or verification support lacks",
	facts.CatUnclear:   "what support cannot do itself: a code fix, access, authority or a policy exception",
}

// blocker states why support cannot resolve the ticket, from the blocker
// evidence, internal notes first. Without evidence the note is not ready
// and the section says what is missing.
func (d *drafter) blocker() []note.Item {
	if len(d.f.Blockers) == 0 {
		return []note.Item{item("Not ready to escalate: nothing in the thread shows why support cannot resolve this. Missing: " + missing[d.f.Category.Kind] + ".")}
	}
	var items []note.Item
	if len(d.f.NotReady) > 0 {
		var why []string
		var cs []int
		for _, e := range d.f.NotReady {
			t := e.Text
			if !strings.HasPrefix(t, "the ") {
				t = "a note says to wait: " + quote(t, 90)
			}
			why = append(why, t+" "+cite(e.Cites...))
			cs = append(cs, e.Cites...)
		}
		items = append(items, note.Item{Text: "Not ready to escalate: " + strings.Join(why, "; ") + ".", Cites: shown(cs)})
	}
	bs := append([]facts.Blocker(nil), d.f.Blockers...)
	// Internal evidence first, then the order found.
	ordered := make([]facts.Blocker, 0, len(bs))
	for _, internal := range []bool{true, false} {
		for _, b := range bs {
			if b.Internal == internal {
				ordered = append(ordered, b)
			}
		}
	}
	evidence := map[string]int{}
	held := map[int]bool{} // messages the not-ready line quotes
	for _, e := range d.f.NotReady {
		for _, c := range e.Cites {
			held[c] = true
		}
	}
	for _, b := range ordered {
		if allIn(b.Cites, held) {
			continue
		}
		if i, ok := evidence[b.Evidence]; ok {
			// The same sentence shows two needs: one line.
			items[i].Text = strings.Replace(items[i].Text, ": \"", "; "+b.Label+": \"", 1)
			items[i].Text = strings.TrimSuffix(items[i].Text, " "+cite(items[i].Cites...)) + " " + cite(merge(items[i].Cites, b.Cites)...)
			items[i].Cites = merge(items[i].Cites, b.Cites)
			continue
		}
		if len(evidence) == 2 {
			break
		}
		evidence[b.Evidence] = len(items)
		text := capitalize(b.Label) + ": " + quote(b.Evidence, 90)
		if b.Kind == facts.NeedsAuthority {
			if as := d.entities(facts.KindAmount); len(as) > 0 {
				text += "; amount " + as[0].Value
				items = append(items, item(text, append(b.Cites, as[0].Cites[0])...))
				continue
			}
		}
		items = append(items, item(text, b.Cites...))
	}
	return items
}

// allIn reports whether every number of ns is in set.
func allIn(ns []int, set map[int]bool) bool {
	for _, n := range ns {
		if !set[n] {
			return false
		}
	}
	return len(ns) > 0
}
