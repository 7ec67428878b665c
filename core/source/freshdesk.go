package source

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "freshdesk" adapter reads Freshdesk API v2 responses saved as files:
//
//	ticket.json          GET /api/v2/tickets/{id}[?include=requester,company]
//	conversations.json   GET /api/v2/tickets/{id}/conversations (conversations-2.json … for further pages)
//	contacts.json        optional, GET /api/v2/contacts (names of customers)
//	agents.json          optional, GET /api/v2/agents (names of agents)
//
// The ticket's description is message #1, written by the requester. Each
// conversation is one message: "private": true is an internal note,
// "incoming": true was written by the customer, "source" says the channel
// (0 reply, 2 note, 5 twitter, 6 survey, 7 facebook, 8 email, 9 phone …).
// E-mail bodies go through clean.HTML (quoted replies kept aside); private
// notes only through clean.HTMLToText. Either file alone is enough; a file
// that is not what its name says fails with E_FORMAT, e.g.
// `E_FORMAT: conversations.json: not a Freshdesk conversations response (expected a JSON array)`.
// A captured agent page (page.html) is read by parseFreshdeskDOM instead
// (freshdesk_dom.go), so --source freshdesk takes either form.
func init() {
	register(Adapter{
		Name:     "freshdesk",
		Priority: 20,
		Detect: func(files []File) bool {
			return detectFreshdeskDOM(files) != nil || detectFreshdesk(files)
		},
		Parse: func(p Payload) (*thread.Thread, error) {
			page := capturedPage(p.Files)
			if page != nil && find(p.Files, "ticket.json") == nil && len(pages(p.Files, "conversations")) == 0 {
				return parseFreshdeskDOM(*page)
			}
			return parseFreshdesk(p)
		},
		Plan: planFreshdesk,
	})
}

// Freshdesk's integer enums, as the python-freshdesk client maps them.
var (
	fdStatus   = map[int64]string{2: "open", 3: "pending", 4: "resolved", 5: "closed"}
	fdPriority = map[int64]string{1: "low", 2: "medium", 3: "high", 4: "urgent"}
	// Ticket channels.
	fdTicketSource = map[int64]string{1: "email", 2: "portal", 3: "phone", 4: "forum", 5: "twitter", 6: "facebook", 7: "chat", 8: "mobihelp", 9: "feedback", 10: "outbound-email"}
	// Conversation channels: a reply (0) is sent as e-mail.
	fdConvSource = map[int64]string{0: "email", 2: "note", 5: "twitter", 6: "survey", 7: "facebook", 8: "email", 9: "phone", 10: "mobihelp", 11: "e-commerce"}
)

func detectFreshdesk(files []File) bool {
	for _, f := range files {
		d := jsonOf(f)
		if len(bytes.TrimSpace(f.Body)) == 0 || !d.valid {
			continue
		}
		r := &d.obj
		if fdIsTicket(r) {
			return true
		}
		if fdIsConversation(r) || r.IsArray() && fdIsConversation(r.Get("0")) {
			return true
		}
	}
	return false
}

func fdIsTicket(r getter) bool {
	return r.IsObject() && r.Get("requester_id").Exists() && r.Get("status").Type == gjson.Number &&
		(r.Get("description").Exists() || r.Get("description_text").Exists())
}

func fdIsConversation(r getter) bool {
	return r.IsObject() && r.Get("incoming").Exists() && r.Get("private").Exists() &&
		(r.Get("body").Exists() || r.Get("body_text").Exists())
}

// fdPeople maps Freshdesk user ids to people, from contacts.json,
// agents.json and the ticket's side-loaded requester.
type fdPeople map[int64]thread.Person

func parseFreshdesk(p Payload) (*thread.Thread, error) {
	th := &thread.Thread{Source: "freshdesk", Complete: true}
	var b bodies
	people, err := fdReadPeople(p.Files)
	if err != nil {
		return nil, err
	}
	tf, convs := fdFiles(p.Files)
	var requesterID int64
	if tf != nil {
		d := jsonOf(*tf)
		if !d.valid || !fdIsTicket(&d.obj) {
			return nil, errs.New(errs.Format, tf.Name, `not a Freshdesk ticket (no "requester_id", "status" and "description")`)
		}
		t := d.obj.r
		requesterID = t.Get("requester_id").Int()
		if rq := t.Get("requester"); rq.IsObject() {
			people[requesterID] = thread.Person{Name: rq.Get("name").String(), Email: rq.Get("email").String(), Role: thread.Customer}
		}
		fdTicket(th, &b, t, people[requesterID])
	}
	if len(convs) == 0 && tf == nil {
		return nil, errs.New(errs.Format, p.Files[0].Name, "no Freshdesk ticket.json or conversations.json")
	}
	for _, f := range convs {
		d := jsonOf(f)
		r := d.obj.r
		if !d.valid || !(r.IsArray() || fdIsConversation(&d.obj)) {
			return nil, errs.New(errs.Format, f.Name, "not a Freshdesk conversations response (expected a JSON array of conversations)")
		}
		for _, c := range r.Array() { // a lone conversation (a POST /reply or /notes response) is a one-item list
			if !c.IsObject() {
				return nil, errs.New(errs.Format, f.Name, "not a Freshdesk conversations response (an item is not an object)")
			}
			m, fill := fdConversation(c, requesterID, people)
			b.add(th, m, fill)
		}
	}
	b.clean(th)
	return th, nil
}

// fdFiles picks the ticket file and the conversation pages. A lone JSON
// file (the CLI given one response) counts by its content.
func fdFiles(files []File) (ticket *File, convs []File) {
	ticket = find(files, "ticket.json")
	convs = pages(files, "conversations")
	if ticket != nil || len(convs) > 0 || len(files) != 1 {
		return ticket, convs
	}
	if fdIsTicket(&jsonOf(files[0]).obj) {
		return &files[0], nil
	}
	return nil, files[:1]
}

// fdTicket fills the metadata and adds the description as message #1.
func fdTicket(th *thread.Thread, b *bodies, t gjson.Result, requester thread.Person) {
	tk := &th.Ticket
	tk.ID = t.Get("id").String()
	tk.Subject = t.Get("subject").String()
	tk.Status = fdEnum(fdStatus, t.Get("status"))
	tk.Priority = fdEnum(fdPriority, t.Get("priority"))
	for _, tag := range t.Get("tags").Array() {
		tk.Tags = append(tk.Tags, tag.String())
	}
	requester.Role = thread.Customer
	tk.Requester = requester
	tk.Organization = t.Get("company.name").String()
	tk.Created = fdTime(t.Get("created_at").String())
	tk.Updated = fdTime(t.Get("updated_at").String())
	b.add(th, thread.Message{
		ID:          "description",
		Author:      requester,
		Visibility:  thread.Public,
		At:          tk.Created,
		Channel:     fdEnum(fdTicketSource, t.Get("source")),
		Attachments: fdAttachments(t.Get("attachments")),
	}, fdBody(t.Get("description").String(), t.Get("description_text").String(), false))
}

// fdConversation turns one conversation into a message and the fill that
// cleans its body.
func fdConversation(cr gjson.Result, requesterID int64, people fdPeople) (thread.Message, func(m *thread.Message)) {
	c := objOf(cr) // a dozen look-ups: one scan of the conversation
	private := c.Get("private").Bool()
	uid := c.Get("user_id").Int()
	author := people[uid]
	if from := c.Get("from_email").String(); from != "" {
		if name, addr := restAddress(from); addr != "" {
			if author.Name == "" {
				author.Name = name
			}
			if author.Email == "" {
				author.Email = addr
			}
		}
	}
	switch {
	case c.Get("incoming").Bool() || (requesterID != 0 && uid == requesterID):
		author.Role = thread.Customer
	default:
		// Outgoing replies and notes come from the helpdesk's side, even
		// when the author is also listed among the contacts.
		author.Role = thread.Agent
	}
	vis := thread.Public
	if private {
		vis = thread.Internal
	}
	return thread.Message{
		ID:          c.Get("id").String(),
		Author:      author,
		Visibility:  vis,
		At:          fdTime(c.Get("created_at").String()),
		Channel:     fdEnum(fdConvSource, c.Get("source")),
		Attachments: fdAttachments(c.Get("attachments")),
	}, fdBody(c.Get("body").String(), c.Get("body_text").String(), private)
}

// fdBody returns the fill that cleans an HTML body, or the plain-text one
// when HTML is missing. Notes are not e-mail: they are only turned into
// text.
func fdBody(htmlBody, textBody string, note bool) func(m *thread.Message) {
	switch {
	case strings.TrimSpace(htmlBody) == "" && note:
		return func(m *thread.Message) { m.Text = textBody }
	case strings.TrimSpace(htmlBody) == "":
		return func(m *thread.Message) {
			r := clean.Text(textBody)
			m.Text, m.Quoted, m.Forwarded = r.Text, r.Quoted, r.Forwarded
		}
	case note:
		return func(m *thread.Message) { m.Text = clean.HTMLToText(htmlBody) }
	default:
		return func(m *thread.Message) { m.Text, m.Quoted, m.Forwarded = restCleanEmail(htmlBody, true) }
	}
}

// fdReadPeople reads the optional contacts.json and agents.json (arrays,
// or a single object as GET /contacts/{id} returns it).
func fdReadPeople(files []File) (fdPeople, error) {
	people := fdPeople{}
	for _, spec := range []struct {
		name string
		role thread.Role
	}{{"contacts.json", thread.Customer}, {"agents.json", thread.Agent}} {
		f := find(files, spec.name)
		if f == nil {
			continue
		}
		d := jsonOf(*f)
		if !d.valid {
			return nil, errs.New(errs.Format, f.Name, "not a Freshdesk %s response (invalid JSON)", strings.TrimSuffix(spec.name, ".json"))
		}
		r := d.obj.r
		items := r.Array() // an object is a one-item array
		for _, it := range items {
			person := it
			if it.Get("contact").IsObject() { // agents nest their contact
				person = it.Get("contact")
			}
			role := spec.role
			if it.Get("helpdesk_agent").Bool() {
				role = thread.Agent
			}
			people[it.Get("id").Int()] = thread.Person{Name: person.Get("name").String(), Email: person.Get("email").String(), Role: role}
		}
	}
	return people, nil
}

func fdAttachments(r gjson.Result) []string {
	var names []string
	for _, a := range r.Array() {
		if n := a.Get("name").String(); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// fdEnum names an enum value; unknown values (custom statuses) keep their
// number, missing ones give "".
func fdEnum(m map[int64]string, r gjson.Result) string {
	if !r.Exists() || r.Type == gjson.Null {
		return ""
	}
	if s, ok := m[r.Int()]; ok {
		return s
	}
	return strconv.FormatInt(r.Int(), 10)
}

// fdTime parses Freshdesk's RFC 3339 times; a bad or empty one is zero.
func fdTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
