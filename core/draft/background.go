package draft

import (
	"fmt"
	"strings"

	"handoff/core/note"
	"handoff/core/thread"
)

// background is a short dated timeline: opened, first reply, reopenings,
// group changes, who handled it and how long it has been open.
func (d *drafter) background() []note.Item {
	tl := d.f.Timeline
	var items []note.Item
	opened := "Opened " + day(tl.Opened)
	if tl.Opened.IsZero() {
		opened = "Opened"
	}
	if tl.OpenedBy != "" {
		opened += " by " + tl.OpenedBy
		if tl.Organization != "" {
			opened += " (" + tl.Organization + ")"
		}
	}
	items = append(items, item(opened, 1))
	if tl.FirstResponseCite > 0 {
		reply := "first public reply " + day(tl.FirstResponse)
		if day(tl.FirstResponse) == day(tl.Opened) {
			reply = "first public reply the same day"
		}
		if m := d.th.Message(tl.FirstResponseCite); m != nil && m.Author.Name != "" {
			reply += " by " + m.Author.Name
		}
		items = append(items, item(reply, tl.FirstResponseCite))
	} else {
		items = append(items, item("no public reply from support yet"))
	}
	for _, c := range tl.Reopened {
		items = append(items, item("reopened "+day(c.At), c.After))
	}
	// Key turns: moves to another group and priority raises; changes made
	// at the same message are one line.
	var turns []string
	turnAt := -1
	flush := func() {
		if len(turns) > 0 {
			items = append(items, item(andList(turns)+" "+day(tl.Changes[turnAt].At), tl.Changes[turnAt].After))
		}
		turns = nil
	}
	for i, c := range tl.Changes {
		var t string
		switch {
		case c.Kind == thread.GroupChange && c.To != "" && isDigits(c.To):
			t = "moved to another group" // the helpdesk gave only the group's id
		case c.Kind == thread.GroupChange && c.To != "":
			t = "moved to " + c.To
		case c.Kind == thread.PriorityChange && raised(c.From, c.To):
			t = "priority raised to " + strings.ToLower(c.To)
		default:
			continue
		}
		if turnAt >= 0 && tl.Changes[turnAt].After != c.After {
			flush()
		}
		if len(turns) == 0 {
			turnAt = i
		}
		turns = append(turns, t)
	}
	flush()
	if len(items) > 5 {
		items = items[:5]
	}
	var last []string
	var lastCites []int
	firstBy := ""
	if m := d.th.Message(tl.FirstResponseCite); m != nil {
		firstBy = m.Author.Name
	}
	if len(tl.Agents) > 1 || len(tl.Agents) == 1 && tl.Agents[0] != firstBy { // one agent who gave the first reply is named already
		var named []string
		for i, a := range tl.Agents {
			if i == 4 {
				break
			}
			c := d.firstBy(a)
			named = append(named, a+" "+cite(c))
			lastCites = append(lastCites, c)
		}
		last = append(last, "handled by "+andList(named))
	}
	span := fmt.Sprintf("%d messages", len(d.th.Messages))
	if tl.DaysOpen > 0 {
		span = "open " + plural(tl.DaysOpen, "day", "days") + ", " + span
	}
	if len(last) == 0 {
		// Nothing to cite on a line of its own: the span joins the
		// opening line, which cites the first message.
		items[0] = item(opened+"; "+span, 1)
	} else {
		last = append(last, span)
		items = append(items, note.Item{Text: strings.Join(last, "; "), Cites: shown(lastCites)})
	}
	items[0].Text = capitalize(items[0].Text)
	return items
}

// priorities in rising order, as helpdesks name them.
var priorities = map[string]int{"low": 1, "normal": 2, "medium": 2, "minor": 1, "major": 3, "high": 3, "urgent": 4, "critical": 4, "highest": 4, "blocker": 4}

// raised reports a priority change upwards to high or above.
func raised(from, to string) bool {
	f, t := priorities[strings.ToLower(from)], priorities[strings.ToLower(to)]
	return t >= 3 && t > f
}

// firstBy returns the first message written by name.
func (d *drafter) firstBy(name string) int {
	for _, m := range d.th.Messages {
		if m.Author.Name == name {
			return m.N
		}
	}
	return 0
}
