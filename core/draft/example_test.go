package draft_test

import (
	"fmt"
	"time"

	"handoff/core/draft"
	"handoff/core/note"
	"handoff/core/thread"
)

func ExampleOffline() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	th := &thread.Thread{Source: "zendesk", Ticket: thread.Ticket{ID: "123", Subject: "CSV export of invoices fails"}, Messages: []thread.Message{
		{Author: thread.Person{Name: "Ana", Role: thread.Customer}, At: at, Text: "CSV export fails with HTTP 502 for our 12 users."},
		{Author: thread.Person{Name: "Tom", Role: thread.Agent}, At: at.Add(time.Hour), Text: "Could you clear your cache and try another browser?"},
		{Author: thread.Person{Name: "Ana", Role: thread.Customer}, At: at.Add(2 * time.Hour), Text: "Cleared the cache and tried Firefox: same 502."},
		{Author: thread.Person{Name: "Tom", Role: thread.Agent}, Visibility: thread.Internal, At: at.Add(3 * time.Hour), Text: "Logs show a server error on export. Escalating to engineering."},
	}}
	thread.Normalize(th)
	n, err := draft.Offline(th, draft.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.Destination, n.Ready)
	fmt.Println(n.Section(note.Tried).Text)
	// Output:
	// engineering true
	// Cleared cache/cookies and tried another browser (#2, #3) → still failing with HTTP 502 (#3)
}
