package facts

import (
	"strings"
	"sync"
	"time"

	"handoff/core/thread"
)

// msg is one message ready for matching.
type msg struct {
	n        int
	role     thread.Role
	name     string
	internal bool
	at       time.Time
	text     string
	low      string // text lower-cased when that keeps its offsets (see lowerLines), or ""
	sents    []sentence
	files    int
	errVals  []string  // the message's error values, once read
	errOnce  sync.Once // entities and attempts may ask at once (ExtractAt)
}

// errorValues are the error codes and messages of the whole message,
// read once.
func (m *msg) errorValues() []string {
	m.errOnce.Do(func() { m.errVals = errorValues(m.text) })
	return m.errVals
}

// fromCustomer reports whether the message is the customer's side:
// customers and authors of unknown role.
func (m *msg) fromCustomer() bool {
	return m.role == thread.Customer || m.role == thread.Unknown || m.role == ""
}

// publicAgent reports whether the message is an agent's public reply.
func (m *msg) publicAgent() bool {
	return m.role == thread.Agent && !m.internal
}

func prepare(th *thread.Thread) []*msg {
	out := make([]*msg, 0, len(th.Messages))
	for i := range th.Messages {
		m := &th.Messages[i]
		n := m.N
		if n <= 0 {
			n = i + 1
		}
		low := lowerLines(m.Text)
		out = append(out, &msg{
			n:        n,
			role:     m.Author.Role,
			name:     strings.TrimSpace(m.Author.Name),
			internal: m.Visibility == thread.Internal,
			at:       m.At,
			text:     m.Text,
			low:      low,
			sents:    sentences(m.Text, low),
			files:    len(m.Attachments),
		})
	}
	return out
}

// addCite appends n to cites unless it is there already.
func addCite(cites []int, n int) []int {
	for _, c := range cites {
		if c == n {
			return cites
		}
	}
	return append(cites, n)
}
