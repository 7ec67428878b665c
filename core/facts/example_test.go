package facts_test

import (
	"fmt"
	"time"

	"handoff/core/facts"
	"handoff/core/thread"
)

func ExampleExtract() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	th := &thread.Thread{Messages: []thread.Message{
		{Author: thread.Person{Name: "Ana", Role: thread.Customer}, At: at, Text: "Export fails with HTTP 502."},
		{Author: thread.Person{Name: "Tom", Role: thread.Agent}, At: at.Add(time.Hour), Text: "Could you clear your cache and try again?"},
		{Author: thread.Person{Name: "Ana", Role: thread.Customer}, At: at.Add(2 * time.Hour), Text: "Cleared the cache, still getting the 502."},
		{Author: thread.Person{Name: "Tom", Role: thread.Agent}, Visibility: thread.Internal, At: at.Add(3 * time.Hour), Text: "Reproduced on our test account. Escalating to engineering."},
	}}
	thread.Normalize(th)
	f := facts.Extract(th)
	for _, a := range f.Attempts {
		fmt.Printf("%s %v by %s → %s (#%d, %s)\n", a.Label, a.Cites, a.By, a.Outcome, a.OutcomeCite, a.Detail)
	}
	for _, b := range f.Blockers {
		fmt.Printf("blocker: %s %v\n", b.Kind, b.Cites)
	}
	fmt.Println(f.Category.Kind, "→", f.Category.Destination)
	// Output:
	// Cleared cache/cookies [2 3] by customer → failed (#3, 502)
	// blocker: code [4]
	// bug → engineering
}
