package eval_test

import (
	"time"

	"handoff/core/draft"
	"handoff/core/note"
	"handoff/core/thread"
)

// exportThread is a small escalation: an attempt asked in #2 and reported
// in #3, a reproduction and a blocker in #4.
func exportThread() *thread.Thread {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cust := thread.Person{Name: "Priya Raman", Role: thread.Customer}
	agent := thread.Person{Name: "Marco Díaz", Role: thread.Agent}
	msgs := []thread.Message{
		{Author: cust, Text: "Since Thursday our CSV export of the Shipments report fails with 502 Bad Gateway after about a minute. 40 people depend on it."},
		{Author: agent, Text: "Could you please clear your browser cache and try the export again?"},
		{Author: cust, Text: "I cleared the cache and cookies. Same thing, 502 after 60 seconds."},
		{Author: agent, Visibility: thread.Internal, Text: "Reproduced on our test account with 25k rows. Needs engineering: the gateway cuts long exports and support cannot change the timeout."},
	}
	th := &thread.Thread{Source: "thread", Ticket: thread.Ticket{ID: "4711", Subject: "CSV export fails with 502"}}
	for i, m := range msgs {
		m.N = i + 1
		if m.Visibility == "" {
			m.Visibility = thread.Public
		}
		m.At = at.Add(time.Duration(i) * 3 * time.Hour)
		th.Messages = append(th.Messages, m)
	}
	return th
}

func offline(th *thread.Thread) (*note.Note, error) {
	return draft.Offline(th, draft.Options{})
}

// noteWith builds a note with the given sections (key, text pairs).
func noteWith(kv ...string) *note.Note {
	n := &note.Note{}
	for i := 0; i+1 < len(kv); i += 2 {
		s := note.Section{Key: kv[i], Label: kv[i]}
		s.SetText(kv[i+1])
		n.Sections = append(n.Sections, s)
	}
	return n
}
