// Package thread holds the normalized ticket thread: the one shape every
// helpdesk adapter produces and everything else in Handoff reads.
//
// Its JSON form is the project's interchange format (documented in the
// README): keys are stable, times are RFC 3339, messages are numbered 1..N
// in chronological order and cited as "#N".
//
//	{"source":"zendesk","ticket":{"id":"123","subject":"Export fails"},
//	 "messages":[{"n":1,"author":{"name":"Ana","role":"customer"},
//	   "visibility":"public","at":"2026-03-02T09:14:00Z","text":"Export gives a 502."}],
//	 "complete":true,"read":1,"total":1}
package thread

import "time"

// Role says who wrote a message.
type Role string

// Roles.
const (
	Customer Role = "customer"
	Agent    Role = "agent"
	System   Role = "system"
	Bot      Role = "bot"
	Unknown  Role = "unknown"
)

// Visibility says who could see a message.
type Visibility string

// Visibilities. Internal covers private notes and comments restricted to
// agents or a role.
const (
	Public   Visibility = "public"
	Internal Visibility = "internal"
)

// Thread is one ticket with its full conversation.
type Thread struct {
	Source   string    `json:"source"` // zendesk, freshdesk, jira, zammad, intercom, helpscout, front, email, html
	Ticket   Ticket    `json:"ticket"`
	Messages []Message `json:"messages"`
	Events   []Event   `json:"events,omitempty"`
	// Complete is false when the source says more exists than was read;
	// Read and Total then say how much.
	Complete bool `json:"complete"`
	Read     int  `json:"read"`
	Total    int  `json:"total"`
}

// Ticket is the ticket's metadata.
type Ticket struct {
	ID           string    `json:"id,omitempty"`
	Subject      string    `json:"subject,omitempty"`
	Status       string    `json:"status,omitempty"`
	Priority     string    `json:"priority,omitempty"`
	Tags         []string  `json:"tags,omitempty"`
	Requester    Person    `json:"requester,omitzero"`
	Organization string    `json:"organization,omitempty"`
	Group        string    `json:"group,omitempty"`
	Assignee     string    `json:"assignee,omitempty"`
	URL          string    `json:"url,omitempty"`
	Created      time.Time `json:"created,omitzero"`
	Updated      time.Time `json:"updated,omitzero"`
}

// Person is a message author or a ticket's requester.
type Person struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Role  Role   `json:"role,omitempty"`
}

// Message is one reply, note or chat turn.
type Message struct {
	N          int        `json:"n"`            // 1-based position, the citation number
	ID         string     `json:"id,omitempty"` // the helpdesk's own id
	Author     Person     `json:"author"`
	Visibility Visibility `json:"visibility"`
	At         time.Time  `json:"at,omitzero"`
	Channel    string     `json:"channel,omitempty"` // email, web, chat, phone, api, note …
	// Text is the cleaned visible text: quoted replies, signatures and
	// disclaimers removed, HTML turned into text.
	Text string `json:"text"`
	// Quoted keeps what cleaning removed, so nothing is lost.
	Quoted      string   `json:"quoted,omitempty"`
	Forwarded   bool     `json:"forwarded,omitempty"` // Text holds a forwarded message
	Attachments []string `json:"attachments,omitempty"`
}

// Event is a change to the ticket that is not a message.
type Event struct {
	At    time.Time `json:"at,omitzero"`
	Kind  string    `json:"kind"` // status, priority, group, assignee, macro, tags, type, other
	Field string    `json:"field,omitempty"`
	From  string    `json:"from,omitempty"`
	To    string    `json:"to,omitempty"`
	By    string    `json:"by,omitempty"`
	// After is the number of the last message before the event (0: before
	// the first), so events can be placed in the conversation.
	After int `json:"after"`
}

// Event kinds.
const (
	StatusChange   = "status"
	PriorityChange = "priority"
	GroupChange    = "group"
	AssigneeChange = "assignee"
	MacroApplied   = "macro"
	TagsChange     = "tags"
	OtherChange    = "other"
)

// Message returns message n (1-based), or nil when there is none.
func (t *Thread) Message(n int) *Message {
	if t == nil || n < 1 || n > len(t.Messages) {
		return nil
	}
	return &t.Messages[n-1]
}
