package guard_test

import (
	"fmt"
	"time"

	"handoff/core/guard"
	"handoff/core/note"
	"handoff/core/thread"
)

func ExampleLint() {
	th := &thread.Thread{Messages: []thread.Message{
		{N: 1, Author: thread.Person{Name: "Ana", Role: thread.Customer}, At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
			Text: "Export gives HTTP 502 since Monday. Our close is on 16 March."},
		{N: 2, Author: thread.Person{Name: "Tom", Role: thread.Agent}, At: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC),
			Text: "Cleared the cache on our side, still 502. The timeout is set in code."},
	}}
	n := &note.Note{Sections: []note.Section{
		{Key: note.Tried, Text: "Cleared cache (#2) → same 503 (#4)"},
		{Key: note.Posture, Text: "Ana is very upset; close on March 16th (#1)."},
		{Key: note.Blocker, Text: "The timeout is set in code (#2)."},
	}}
	fs := guard.Lint(n, th, guard.Options{})
	for _, f := range fs {
		fmt.Printf("%s %s %s %q\n", f.Severity, f.Rule, f.Section, f.Span)
	}
	fmt.Println("ready:", guard.Ready(fs))
	// Output:
	// block ungrounded tried "503"
	// block cite.unknown tried "#4"
	// block temperament posture "Ana is very upset"
	// block hypothesis.missing hypothesis ""
	// ready: false
}
