package facts

import (
	"strings"
	"time"

	"handoff/core/thread"
)

// closedStatuses are statuses after which "open" again is a reopening. A
// ticket waiting on the customer ("pending", "on hold", "waiting on
// customer") that opens again on their reply was never closed: that flip
// is not a reopening.
var closedStatuses = map[string]bool{"solved": true, "closed": true, "resolved": true, "done": true, "cancelled": true, "canceled": true,
	"gelöst": true, "geschlossen": true, "erledigt": true, "resuelto": true, "cerrado": true, "résolu": true, "fermé": true, "clos": true}

var openStatuses = map[string]bool{"open": true, "new": true, "reopened": true, "in progress": true, "offen": true, "abierto": true, "ouvert": true}

func timeline(th *thread.Thread, ms []*msg, now time.Time) Timeline {
	tl := Timeline{Now: now, Organization: th.Ticket.Organization}
	for _, m := range ms {
		if !m.at.IsZero() {
			tl.Opened = m.at
			break
		}
	}
	if tl.Opened.IsZero() {
		tl.Opened = th.Ticket.Created
	}
	if len(ms) > 0 {
		tl.OpenedBy = ms[0].name
	}
	if tl.OpenedBy == "" {
		tl.OpenedBy = th.Ticket.Requester.Name
	}
	seenAgent := map[string]bool{}
	for _, m := range ms {
		if m.role != thread.Agent {
			continue
		}
		if m.publicAgent() && tl.FirstResponseCite == 0 {
			tl.FirstResponse, tl.FirstResponseCite = m.at, m.n
		}
		if m.name != "" && !seenAgent[m.name] {
			seenAgent[m.name] = true
			tl.Agents = append(tl.Agents, m.name)
		}
	}
	for _, e := range th.Events {
		switch e.Kind {
		case thread.StatusChange, thread.GroupChange, thread.AssigneeChange, thread.PriorityChange, thread.MacroApplied:
		default:
			continue
		}
		c := Change{At: e.At, Kind: e.Kind, From: e.From, To: e.To, By: e.By, After: e.After}
		tl.Changes = append(tl.Changes, c)
		if e.Kind == thread.StatusChange && closedStatuses[strings.ToLower(e.From)] && openStatuses[strings.ToLower(e.To)] {
			tl.Reopened = append(tl.Reopened, c)
		}
	}
	if !tl.Opened.IsZero() && now.After(tl.Opened) {
		tl.DaysOpen = days(now.Sub(tl.Opened))
	}
	// Waiting periods: each customer message waits until the next public
	// agent reply (or now).
	waitFrom := -1
	for i, m := range ms {
		switch {
		case m.publicAgent():
			if waitFrom >= 0 {
				silence(&tl, ms[waitFrom], m.at)
				waitFrom = -1
			}
		case m.fromCustomer() && !m.internal:
			if waitFrom < 0 {
				waitFrom = i
			}
		}
	}
	if waitFrom >= 0 {
		// The customer's last unanswered message is the newest one; the
		// wait counts from the oldest unanswered one.
		w := ms[waitFrom]
		silence(&tl, w, now)
		if !w.at.IsZero() && now.After(w.at) {
			tl.WaitingDays = days(now.Sub(w.at))
		}
		tl.WaitingCite = w.n
	}
	return tl
}

func silence(tl *Timeline, from *msg, until time.Time) {
	if from.at.IsZero() || until.IsZero() || !until.After(from.at) {
		return
	}
	if d := days(until.Sub(from.at)); d > tl.LongestSilenceDays {
		tl.LongestSilenceDays, tl.LongestSilenceCite = d, from.n
	}
}

// days counts whole days in d.
func days(d time.Duration) int { return int(d / (24 * time.Hour)) }
