package source

import (
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/thread"
)

// jiraKinds maps changelog fields to event kinds; other fields are kept as
// "other" with their name.
var jiraKinds = map[string]string{
	"status":   thread.StatusChange,
	"priority": thread.PriorityChange,
	"assignee": thread.AssigneeChange,
	"labels":   thread.TagsChange,
}

// jiraSkipped are changelog fields that say nothing about the ticket's
// course (board ordering, attachments and comments shown elsewhere).
var jiraSkipped = map[string]bool{"rank": true, "attachment": true, "comment": true, "worklog": true, "timespent": true, "timeestimate": true}

// jiraEvents turns changelog histories into events, one per item.
func jiraEvents(histories gjson.Result) []thread.Event {
	var out []thread.Event
	for _, h := range histories.Array() {
		at := restTime(h.Get("created").String())
		by := h.Get("author.displayName").String()
		for _, it := range h.Get("items").Array() {
			field := it.Get("field").String()
			if jiraSkipped[strings.ToLower(field)] {
				continue
			}
			kind, ok := jiraKinds[strings.ToLower(field)]
			if !ok {
				kind = thread.OtherChange
			}
			out = append(out, thread.Event{
				At: at, Kind: kind, Field: field, By: by,
				From: it.Get("fromString").String(),
				To:   it.Get("toString").String(),
			})
		}
	}
	return out
}

// attach gives each issue attachment to the message its author wrote last
// before (or within a minute after) uploading it; Jira keeps attachments on
// the issue, not on comments. Without such a message it goes to the
// description, or to the first message.
func (in *jiraInput) attach(th *thread.Thread) {
	if len(th.Messages) == 0 {
		return
	}
	for _, a := range in.issue.Get("fields.attachment").Array() {
		name := a.Get("filename").String()
		if name == "" {
			continue
		}
		at := restTime(a.Get("created").String())
		who := a.Get("author.displayName").String()
		best := 0
		for i, m := range th.Messages {
			if m.Author.Name == who && !m.At.IsZero() && !at.IsZero() && !m.At.After(at.Add(time.Minute)) {
				best = i
			}
		}
		th.Messages[best].Attachments = append(th.Messages[best].Attachments, name)
	}
}
