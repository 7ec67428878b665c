package guard_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"handoff/core/guard"
	"handoff/core/thread"
)

// bigThread is a 500-message thread in the shape of the export ticket:
// customer replies with quoted text, agent answers, internal notes.
func bigThread(tb testing.TB) *thread.Thread {
	base := loadThread(tb, "thread-export.json")
	th := &thread.Thread{Source: base.Source, Ticket: base.Ticket, Events: base.Events}
	start := base.Messages[0].At
	for i := 0; i < 500; i++ {
		m := base.Messages[i%len(base.Messages)]
		m.ID = fmt.Sprint("m", i)
		m.At = start.Add(time.Duration(i) * 20 * time.Minute)
		// Every message says something of its own, with specifics, and
		// quotes the one before it, as e-mail replies do.
		m.Text += fmt.Sprintf("\nUpdate %d: order #%d retried at %02d:%02d on %d March, charge of €%d,%02d, see https://app.example.com/jobs/%d (build v2.%d.%d).",
			i, 40000+i, i%24, i%60, 1+i%28, 100+i, i%100, 9000+i, i%30, i%7)
		if n := len(th.Messages); n > 0 {
			m.Quoted = "On Mon, 2 Mar 2026 at 09:14, Ana Ruiz <ana.ruiz@northwind.example> wrote:\n> " +
				strings.ReplaceAll(th.Messages[n-1].Text, "\n", "\n> ")
		}
		th.Messages = append(th.Messages, m)
	}
	thread.Normalize(th)
	return th
}

// BenchmarkLint lints the full good note against a 500-message thread
// (the index over the thread is built on every call, as in Lint's use).
func BenchmarkLint(b *testing.B) {
	th := bigThread(b)
	n := loadNote(b, "note-good.json")
	b.ReportAllocs()
	for b.Loop() {
		guard.Lint(n, th, guard.Options{})
	}
}

// BenchmarkCheckerLint lints the same note against a thread indexed once,
// as the panel does on every edit.
func BenchmarkCheckerLint(b *testing.B) {
	c := guard.NewChecker(bigThread(b))
	n := loadNote(b, "note-good.json")
	b.ReportAllocs()
	for b.Loop() {
		c.Lint(n, guard.Options{})
	}
}
