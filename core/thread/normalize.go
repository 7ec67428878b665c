package thread

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Normalize puts a thread freshly built by an adapter into its canonical
// form, in place:
//
//   - invalid UTF-8 is replaced and surrounding space trimmed;
//   - messages with the same non-empty ID (duplicated pages) are kept once;
//   - messages are sorted by time, stable, so those without a time keep
//     their place relative to their neighbours;
//   - messages are numbered 1..N and events are placed after the last
//     message not later than them;
//   - roles and visibility default to unknown and public;
//   - Read is set to the number of messages, Total raised to at least
//     Read, and Complete computed when Total says more exists.
//
// An adapter sets Total when the source reports a count and Complete to
// true when it read every page.
func Normalize(t *Thread) {
	seen := make(map[string]bool, len(t.Messages))
	kept := t.Messages[:0]
	for _, m := range t.Messages {
		if m.ID != "" {
			if seen[m.ID] {
				continue
			}
			seen[m.ID] = true
		}
		m.Text = strings.TrimSpace(validUTF8(m.Text))
		m.Quoted = strings.TrimSpace(validUTF8(m.Quoted))
		m.Author.Name = strings.TrimSpace(validUTF8(m.Author.Name))
		if m.Author.Role == "" {
			m.Author.Role = Unknown
		}
		if m.Visibility == "" {
			m.Visibility = Public
		}
		kept = append(kept, m)
	}
	t.Messages = kept
	sortByTime(t.Messages)
	for i := range t.Messages {
		t.Messages[i].N = i + 1
	}
	sort.SliceStable(t.Events, func(i, j int) bool { return t.Events[i].At.Before(t.Events[j].At) })
	for i := range t.Events {
		t.Events[i].After = lastBefore(t.Messages, t.Events[i])
	}
	t.Ticket.Subject = strings.TrimSpace(validUTF8(t.Ticket.Subject))
	t.Read = len(t.Messages)
	if t.Total < t.Read {
		t.Total = t.Read
	}
	if t.Total > t.Read {
		t.Complete = false
	}
}

// sortByTime orders messages chronologically. Messages without a time are
// carried along with the message before them.
func sortByTime(ms []Message) {
	type keyed struct {
		m   Message
		key int64
		pos int
	}
	ks := make([]keyed, len(ms))
	var last int64
	for i, m := range ms {
		if !m.At.IsZero() {
			last = m.At.UnixNano()
		}
		ks[i] = keyed{m, last, i}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].key < ks[j].key })
	for i := range ks {
		ms[i] = ks[i].m
	}
}

func lastBefore(ms []Message, e Event) int {
	if e.At.IsZero() {
		return len(ms)
	}
	n := 0
	for _, m := range ms {
		if !m.At.IsZero() && m.At.After(e.At) {
			break
		}
		n = m.N
	}
	return n
}

func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
