package facts

import (
	"time"

	"handoff/core/thread"
)

// base is Monday 2 March 2026, 09:00 UTC.
var base = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// m builds one message: who is "c" (customer), "a" (agent) or "n" (an
// agent's internal note); hours counts from base.
func m(who, name string, hours int, text string, files ...string) thread.Message {
	msg := thread.Message{Author: thread.Person{Name: name, Role: thread.Customer}, Visibility: thread.Public, At: base.Add(time.Duration(hours) * time.Hour), Text: text, Attachments: files}
	switch who {
	case "a":
		msg.Author.Role = thread.Agent
	case "n":
		msg.Author.Role = thread.Agent
		msg.Visibility = thread.Internal
	}
	return msg
}

func build(subject string, ms ...thread.Message) *thread.Thread {
	th := &thread.Thread{Source: "test", Ticket: thread.Ticket{ID: "1", Subject: subject}, Messages: ms, Complete: true}
	thread.Normalize(th)
	return th
}
