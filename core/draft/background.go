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
	for _, c := range tl.Changes {
		if c.Kind == thread.GroupChange && c.To != "" {
			items = append(items, item("moved to "+c.To+" "+day(c.At), c.After))
		}
	}
	if len(items) > 5 {
		items = items[:5]
	}
	var last []string
	if len(tl.Agents) > 0 {
		last = append(last, "handled by "+andList(tl.Agents))
	}
	if tl.DaysOpen > 0 {
		last = append(last, "open "+plural(tl.DaysOpen, "day", "days"))
	}
	last = append(last, fmt.Sprintf("%d messages", len(d.th.Messages)))
	items = append(items, item(strings.Join(last, "; ")))
	items[0].Text = capitalize(items[0].Text)
	return items
}
