package source

import (
	"bytes"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "intercom" adapter reads Intercom REST API 2.11 responses saved as
// files: conversation.json (GET /conversations/{id}) or, for Intercom
// tickets, a ticket response (GET /tickets/{id}) under any file name.
//
//	{"type":"conversation","id":"367","source":{"author":{"type":"user"},"body":"<p>Hi</p>"},
//	 "conversation_parts":{"conversation_parts":[{"part_type":"note","author":{"type":"admin"},…}],"total_count":1}}
//
// The source is message #1. Parts become messages when they carry a body
// (comment; note ⇒ internal; also an assignment, open or close part with a
// reply) and events when they change the conversation (assignment ⇒
// assignee, open/close/snoozed ⇒ status, attribute updates ⇒ other).
// Authors of type user, lead or contact are the customer; admin and team are
// agents; bot is a bot. When total_count says Intercom returned fewer parts
// than exist (it caps at 500), the thread is marked incomplete. A file that
// is JSON but no conversation fails with E_FORMAT; a captured inbox page
// (page.html) is read by parseIntercomDOM (intercom_dom.go).
func init() {
	register(Adapter{
		Name:     "intercom",
		Priority: 20,
		Detect: func(files []File) bool {
			return detectIntercomDOM(files) != nil || icFind(files) != nil
		},
		Parse: func(p Payload) (*thread.Thread, error) {
			if page := capturedPage(p.Files); page != nil && icFind(p.Files) == nil {
				return parseIntercomDOM(*page)
			}
			return parseIntercom(p)
		},
		Plan: planIntercom,
	})
}

// icFind returns the first file holding an Intercom conversation, ticket
// or single part by its content, preferring conversation.json; a file of
// that name holding anything else (Help Scout, Front) is not Intercom's.
func icFind(files []File) *File {
	if f := find(files, "conversation.json"); f != nil && icKind(*f) != "" {
		return f
	}
	for i := range files {
		if icKind(files[i]) != "" {
			return &files[i]
		}
	}
	return nil
}

// icKind names what an Intercom body holds: "conversation", "ticket",
// "part" or "".
func icKind(f File) string {
	b := bytes.TrimSpace(f.Body)
	if len(b) == 0 || b[0] != '{' {
		return ""
	}
	d := jsonOf(f)
	if !d.valid {
		return ""
	}
	r := &d.obj
	switch typ := r.Get("type").String(); {
	case typ == "conversation" && (r.Get("conversation_parts").Exists() || r.Get("source.author").Exists()):
		return "conversation"
	case typ == "ticket" && (r.Get("ticket_parts").Exists() || r.Get("ticket_attributes").Exists()):
		return "ticket"
	case (typ == "conversation_part" || typ == "ticket_part") && r.Get("part_type").Exists() && r.Get("author").Exists():
		return "part"
	}
	return ""
}

func parseIntercom(p Payload) (*thread.Thread, error) {
	f := icFind(p.Files)
	if f == nil {
		return nil, errs.New(errs.Format, p.Files[0].Name, `not an Intercom conversation (no "type": "conversation" with "conversation_parts")`)
	}
	kind := icKind(*f)
	if kind == "" {
		return nil, errs.New(errs.Format, f.Name, `not an Intercom conversation (no "type": "conversation" with "conversation_parts")`)
	}
	r := jsonOf(*f).obj.r
	th := &thread.Thread{Source: "intercom", Complete: true}
	email := r.Get("source.type").String() == "email"
	var b bodies
	var err error
	switch kind {
	case "part":
		icPart(th, &b, r, email)
	case "ticket":
		icTicketMeta(th, r)
		err = icParts(th, &b, r.Get("ticket_parts"), "ticket_parts", f.Name, email)
	default:
		icConversationMeta(th, r)
		if src := r.Get("source"); src.IsObject() {
			body := src.Get("body").String()
			if strings.TrimSpace(body) != "" || src.Get("attachments.#").Int() > 0 {
				msg, fill := icMessage(src, body, false, email)
				msg.ID = "source-" + src.Get("id").String()
				msg.At = icUnix(r.Get("created_at"))
				b.add(th, msg, fill)
			}
			if msg := th.Message(1); msg != nil && msg.Author.Role == thread.Customer {
				th.Ticket.Requester = msg.Author
			}
		}
		err = icParts(th, &b, r.Get("conversation_parts"), "conversation_parts", f.Name, email)
	}
	if err != nil {
		return th, err
	}
	b.clean(th)
	return th, nil
}

// icParts adds every part of a part list and marks the thread incomplete
// when total_count exceeds what was returned.
func icParts(th *thread.Thread, b *bodies, list gjson.Result, key, file string, email bool) error {
	items := list.Get(key)
	if list.Exists() && list.Type != gjson.Null && !items.IsArray() {
		return errs.New(errs.Format, file, "not an Intercom conversation (%s.%s is not a list)", key, key)
	}
	n := 0
	for _, part := range items.Array() {
		if part.IsObject() {
			icPart(th, b, part, email)
			n++
		}
	}
	if total := int(list.Get("total_count").Int()); total > n {
		th.Complete = false
		// Unread parts may each be a message: an upper bound.
		th.Total = len(th.Messages) + total - n
	}
	return nil
}

// icPart adds one conversation or ticket part as a message, an event, or
// both.
func icPart(th *thread.Thread, b *bodies, pr gjson.Result, email bool) {
	p := objOf(pr) // many look-ups: one scan of the part
	typ := p.Get("part_type").String()
	at := icUnix(p.Get("created_at"))
	body := p.Get("body").String()
	hasBody := strings.TrimSpace(body) != "" || p.Get("attachments.#").Int() > 0
	if hasBody {
		m, fill := icMessage(p, body, strings.HasPrefix(typ, "note"), email)
		m.ID, m.At = p.Get("id").String(), at
		b.add(th, m, fill)
	}
	if e, ok := icEvent(typ, p); ok {
		e.At = at
		th.Events = append(th.Events, e)
	}
}

// icEvent maps a part type to an event; comments and notes are none.
func icEvent(typ string, p getter) (thread.Event, bool) {
	e := thread.Event{By: p.Get("author.name").String()}
	switch {
	case typ == "comment" || typ == "note" || typ == "quick_reply" || typ == "":
		return e, false
	case strings.Contains(typ, "assign"):
		e.Kind, e.Field = thread.AssigneeChange, "assignee"
		to := p.Get("assigned_to")
		e.To = to.Get("name").String()
		if e.To == "" && to.IsObject() {
			e.To = to.Get("type").String() + " " + to.Get("id").String()
		}
		if e.To == "" && to.Exists() && to.Type == gjson.Null {
			e.To = "unassigned"
		}
		// "assign_and_reopen" also reopens.
	case typ == "ticket_state_updated_by_admin" || typ == "ticket_state_updated":
		e.Kind, e.Field = thread.StatusChange, "ticket_state"
		e.From, e.To = p.Get("previous_ticket_state").String(), p.Get("ticket_state").String()
	case strings.HasPrefix(typ, "open") || strings.HasSuffix(typ, "_reopen") || typ == "unsnoozed" || typ == "timer_unsnooze":
		e.Kind, e.Field, e.To = thread.StatusChange, "state", "open"
	case strings.HasPrefix(typ, "close"):
		e.Kind, e.Field, e.To = thread.StatusChange, "state", "closed"
	case typ == "snoozed":
		e.Kind, e.Field, e.To = thread.StatusChange, "state", "snoozed"
	default:
		e.Kind, e.Field = thread.OtherChange, typ
	}
	return e, true
}

// icMessage builds a message from a source or part (author, visibility,
// attachments) and the fill that cleans its body. Chat turns are not
// e-mail: only an e-mail conversation's public bodies go through
// clean.HTML.
func icMessage(r getter, body string, note, email bool) (thread.Message, func(m *thread.Message)) {
	m := thread.Message{Author: icAuthor(r.Get("author")), Visibility: thread.Public, Channel: "chat"}
	if email {
		m.Channel = "email"
	}
	fill := func(m *thread.Message) { m.Text = clean.HTMLToText(body) }
	switch {
	case note:
		m.Visibility, m.Channel = thread.Internal, "note"
	case email:
		fill = func(m *thread.Message) { m.Text, m.Quoted, m.Forwarded = restCleanEmail(body, true) }
	}
	for _, a := range r.Get("attachments").Array() {
		if n := a.Get("name").String(); n != "" {
			m.Attachments = append(m.Attachments, n)
		}
	}
	return m, fill
}

// icAuthor maps an Intercom author; unknown types are thread.Unknown.
func icAuthor(a gjson.Result) thread.Person {
	p := thread.Person{Name: a.Get("name").String(), Email: a.Get("email").String()}
	switch a.Get("type").String() {
	case "user", "lead", "contact":
		p.Role = thread.Customer
	case "admin", "team":
		p.Role = thread.Agent
	case "bot":
		p.Role = thread.Bot
	default:
		p.Role = thread.Unknown
	}
	return p
}

func icConversationMeta(th *thread.Thread, r gjson.Result) {
	tk := &th.Ticket
	tk.ID = r.Get("id").String()
	tk.Subject = clean.HTMLToText(r.Get("source.subject").String())
	if tk.Subject == "" {
		tk.Subject = r.Get("title").String()
	}
	tk.Status = r.Get("state").String()
	if p := r.Get("priority").String(); p != "not_priority" {
		tk.Priority = p
	}
	for _, t := range r.Get("tags.tags").Array() {
		if n := t.Get("name").String(); n != "" {
			tk.Tags = append(tk.Tags, n)
		}
	}
	tk.Created, tk.Updated = icUnix(r.Get("created_at")), icUnix(r.Get("updated_at"))
}

func icTicketMeta(th *thread.Thread, r gjson.Result) {
	tk := &th.Ticket
	tk.ID = r.Get("ticket_id").String()
	if tk.ID == "" {
		tk.ID = r.Get("id").String()
	}
	tk.Subject = r.Get("ticket_attributes._default_title_").String()
	tk.Status = r.Get("ticket_state").String()
	tk.Created, tk.Updated = icUnix(r.Get("created_at")), icUnix(r.Get("updated_at"))
	if d := r.Get("ticket_attributes._default_description_").String(); strings.TrimSpace(d) != "" {
		th.Messages = append(th.Messages, thread.Message{ID: "description", Author: thread.Person{Role: thread.Customer},
			Visibility: thread.Public, At: tk.Created, Text: clean.HTMLToText(d)})
	}
}

// icUnix reads Intercom's Unix-seconds times (numbers or numeric strings);
// anything else is the zero time.
func icUnix(r gjson.Result) time.Time {
	n := r.Int()
	if n <= 0 || n > 1e11 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}
