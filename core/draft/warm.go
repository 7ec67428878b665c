package draft

import (
	"time"

	"handoff/core/thread"
)

// Warm builds now what the first draft and lint would build on first use:
// the phrase lexicons of core/facts and core/guard and most of their
// patterns (they are built lazily, so that starting the program and
// calling plan or parse builds none of them). A caller that starts the
// core well before the first draft, as the extension's service worker
// does, can call Warm while idle so the first draft pays none of it.
// Calling it again costs one small draft; it never fails.
//
//	go draft.Warm() // after start, before the agent clicks
func Warm() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	msg := func(role thread.Role, vis thread.Visibility, hours int, text string) thread.Message {
		return thread.Message{Author: thread.Person{Name: string(role), Role: role}, Visibility: vis, At: at.Add(time.Duration(hours) * time.Hour), Text: text}
	}
	th := &thread.Thread{Source: "warm", Ticket: thread.Ticket{ID: "1", Subject: "Export fails"}, Messages: []thread.Message{
		msg(thread.Customer, thread.Public, 0, "Since the update to v2.1 on 2026-03-02 the export fails with HTTP 502 (ERR_EXPORT_TIMEOUT) for 40 users on the Business plan. "+
			"Invoice INV-2041 of $1,200.00 is due by Friday, 14.03.2026. See https://example.com/x or write to a@example.com. Chrome 122 on Windows 11."),
		msg(thread.Agent, thread.Public, 1, "Could you clear your cache and try another browser?"),
		msg(thread.Customer, thread.Public, 2, "I cleared the cache: same error. We will cancel if this is not fixed."),
		msg(thread.Agent, thread.Internal, 3, "Known bug, support cannot change it: needs engineering."),
	}}
	thread.Normalize(th)
	_, _ = Offline(th, Options{})
}
