package draft

import (
	"fmt"

	"handoff/core/note"
)

// maxPosture keeps the section within the reading budget.
const maxPosture = 5

// posture writes the customer's position as facts, each cited: deadlines,
// money, users, failed workarounds, follow-ups, risk statements, waiting.
func (d *drafter) posture() []note.Item {
	p := d.f.Posture
	var items []note.Item
	// Deadlines as dates ("board report on 16 Mar 2026"), whatever the
	// customer wrote ("March 16", "Monday"): the reader plans by date.
	for i, e := range p.Deadlines {
		if i == 2 {
			break
		}
		what := "Needed by " + day(e.Time)
		switch {
		case e.Label != "" && e.Event:
			what = capitalize(e.Label) + " on " + day(e.Time)
		case e.Label != "" && e.Label != "deadline":
			what += " for the " + e.Label
		}
		items = append(items, item(what, e.Cites...))
	}
	if len(p.Money) > 0 {
		var vs []string
		var cs []int
		seen := map[string]bool{} // "€1,188.00" and "€1,188" are one amount
		for _, e := range p.Money {
			k := fmt.Sprintf("%s %.2f", e.Currency, e.Amount)
			if seen[k] {
				continue
			}
			if len(vs) == 3 {
				break
			}
			seen[k] = true
			vs = append(vs, e.Value)
			cs = append(cs, e.Cites[0])
		}
		items = append(items, item("Amounts in the thread: "+andList(vs), cs...))
	}
	if len(p.Users) > 0 {
		items = append(items, item(p.Users[0].Value+" affected", p.Users[0].Cites[0]))
	}
	if p.FailedAttempts > 0 {
		items = append(items, item(capitalize(plural(p.FailedAttempts, "workaround", "distinct workarounds"))+" failed", p.FailedCites...))
	}
	if n := len(p.ETAAsks); n > 0 {
		items = append(items, item("Asked for an update "+times(n), p.ETAAsks...))
	}
	if n := len(p.FollowUps); n > 1 {
		items = append(items, item("Wrote "+times(n+1)+" with no support reply in between", p.FollowUps...))
	}
	for _, s := range p.Signals {
		items = append(items, item(capitalize(s.Label), s.Cites...))
	}
	if n := len(p.Unanswered); n > 0 {
		items = append(items, item(capitalize(plural(n, "question", "questions"))+" without a support answer", p.Unanswered[0].Cite))
	}
	if p.WaitingDays > 0 {
		items = append(items, item(fmt.Sprintf("Waiting %s for a reply", plural(p.WaitingDays, "day", "days")), d.f.Timeline.WaitingCite))
	}
	if len(items) == 0 {
		return []note.Item{item("No deadline, amount, user count or risk is stated in the thread.")}
	}
	if len(items) > maxPosture {
		items = items[:maxPosture]
	}
	return items
}
