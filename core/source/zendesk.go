package source

import (
	"strings"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "zendesk" adapter reads Zendesk Support API v2 responses, as the
// agent's session fetches them (see zendesk_plan.go):
//
//	ticket.json      GET /api/v2/tickets/{id}.json → {"ticket":{…}}
//	comments.json    GET /api/v2/tickets/{id}/comments.json?include=users
//	                 (further pages comments-2.json …; offset pages carry
//	                 next_page and count, cursor pages meta.has_more)
//	audits.json      GET /api/v2/tickets/{id}/audits.json (optional):
//	                 status, priority, group, assignee, tag changes and
//	                 macros; its Comment events stand in for comments.json
//	users.json       GET /api/v2/users.json (optional, for roles and names)
//
// Files are recognised by content, so single responses saved under other
// names (e.g. ticket_comments.json) work too. Public e-mail comments are
// cleaned as e-mail (quotes kept in Quoted); internal notes and web or API
// comments are only turned into text. Authors get their role from the
// side-loaded users (end-user → customer, agent/admin → agent); without
// them the ticket's requester is the customer and author -1 is the system.
//
// A file named like one of the above that is not that response fails with
// E_FORMAT, e.g. `comments.json: not a Zendesk comments response (no "comments")`.
func init() {
	register(Adapter{
		Name:     "zendesk",
		Priority: 20,
		Detect:   detectZendesk,
		Parse:    parseZendesk,
		Plan:     planZendesk,
	})
}

func detectZendesk(files []File) bool {
	return restDetect(files, func(r *jsonObj) bool {
		return r.Get("comments").IsArray() && r.Get("comments.0.author_id").Exists() ||
			r.Get("audits").IsArray() && r.Get("audits.0.events").IsArray() ||
			r.Get("audit.events").IsArray() ||
			r.Get("ticket").IsObject() && r.Get("ticket.requester_id").Exists()
	})
}

// zdInput is what the files of one Zendesk ticket hold, sorted by kind.
type zdInput struct {
	ticket   gjson.Result
	comments []gjson.Result // comment objects, all pages
	audits   []gjson.Result // audit objects, all pages
	people   zdPeople
	bodies   bodies // comment bodies still to clean
	lastPage int    // page number of the last comments page seen
	more     bool   // that page says more exist
	count    int    // total number of comments, when a page states it
}

// zdExpect names the key each well-known file must hold.
var zdExpect = map[string]string{"ticket": "ticket", "comments": "comments", "audits": "audits", "users": "users"}

func parseZendesk(p Payload) (*thread.Thread, error) {
	in := zdInput{people: zdPeople{users: map[string]zdUser{}, groups: map[string]string{}, orgs: map[string]string{}}}
	for _, f := range p.Files {
		if err := in.add(f); err != nil {
			return nil, err
		}
	}
	th := &thread.Thread{Source: "zendesk", Complete: !in.more}
	in.fillTicket(th)
	th.Messages = make([]thread.Message, 0, len(in.comments))
	for _, cr := range in.comments {
		in.bodies.add(th, thread.Message{}, func(m *thread.Message) {
			c := objOf(cr) // about a dozen look-ups: one scan of the comment
			*m = in.message(c, c.Get("created_at").String(), c.Get("via.channel").String(), c.Get("author_id"))
		})
	}
	for _, a := range in.audits {
		in.audit(th, a)
	}
	in.bodies.clean(th)
	if len(th.Messages) == 0 && in.ticket.Get("description").String() != "" {
		th.Messages = append(th.Messages, in.description())
	}
	if in.count > 0 {
		th.Total = in.count
	}
	return th, nil
}

func (in *zdInput) add(f File) error {
	r, stem, ok, err := restFile(f, "Zendesk", zdExpect)
	if !ok {
		return err
	}
	want, known := zdExpect[stem]
	if known && !r.Get(want).Exists() && !(want == "audits" && r.Get("audit").Exists()) {
		return errs.New(errs.Format, f.Name, "not a Zendesk %s response (no %q)", want, want)
	}
	in.people.load(r)
	if t := r.Get("ticket"); t.IsObject() {
		in.ticket = t
	}
	if cs := r.Get("comments"); cs.IsArray() {
		in.comments = append(in.comments, validArray(cs)...)
		if n := restPageNo(f.Name); n >= in.lastPage {
			in.lastPage = n
			in.more = r.Get("meta.has_more").Bool() || r.Get("next_page").Type == gjson.String
		}
		if c := int(r.Get("count").Int()); c > in.count {
			in.count = c
		}
	}
	if as := r.Get("audits"); as.IsArray() {
		in.audits = append(in.audits, validArray(as)...)
	}
	if a := r.Get("audit"); a.IsObject() {
		in.audits = append(in.audits, a)
	}
	return nil
}

func (in *zdInput) fillTicket(th *thread.Thread) {
	t := in.ticket
	if !t.Exists() {
		return
	}
	tk := &th.Ticket
	tk.ID = restID(t.Get("id"))
	tk.Subject = t.Get("subject").String()
	if tk.Subject == "" {
		tk.Subject = t.Get("raw_subject").String()
	}
	tk.Status = t.Get("status").String()
	tk.Priority = t.Get("priority").String()
	for _, tag := range t.Get("tags").Array() {
		tk.Tags = append(tk.Tags, tag.String())
	}
	req := in.person(t.Get("requester_id"))
	if req.Name == "" && req.Email == "" {
		req.Name = t.Get("via.source.from.name").String()
		req.Email = t.Get("via.source.from.address").String()
	}
	req.Role = thread.Customer
	tk.Requester = req
	tk.Organization = in.people.orgs[restID(t.Get("organization_id"))]
	tk.Group = in.people.groups[restID(t.Get("group_id"))]
	tk.Assignee = in.person(t.Get("assignee_id")).Name
	tk.Created = restTime(t.Get("created_at").String())
	tk.Updated = restTime(t.Get("updated_at").String())
	if api := t.Get("url").String(); strings.Contains(api, "/api/v2/tickets/") && tk.ID != "" {
		tk.URL = api[:strings.Index(api, "/api/v2/tickets/")] + "/agent/tickets/" + tk.ID
	}
}

// message builds a message from a comment object (from comments.json or a
// Comment event of an audit, which carries its time and channel outside).
// The adapter defers it whole to in.bodies.clean: it only reads c and
// what in has loaded, which nothing changes any more.
func (in *zdInput) message(c getter, at, channel string, authorID gjson.Result) thread.Message {
	m := thread.Message{
		ID:      restID(c.Get("id")),
		Author:  in.person(authorID),
		At:      restTime(at),
		Channel: channel,
	}
	if m.Author.Name == "" && m.Author.Email == "" {
		m.Author.Name = c.Get("via.source.from.name").String()
		m.Author.Email = c.Get("via.source.from.address").String()
	}
	public := !c.Get("public").Exists() || c.Get("public").Bool()
	m.Visibility = thread.Public
	if !public {
		m.Visibility = thread.Internal
		m.Channel = "note"
	}
	for _, a := range c.Get("attachments").Array() {
		if n := a.Get("file_name").String(); n != "" {
			m.Attachments = append(m.Attachments, n)
		}
	}
	html := c.Get("html_body").String()
	plain := func() string { // only read (and unescaped) when there is no HTML
		if p := c.Get("plain_body").String(); p != "" {
			return p
		}
		return c.Get("body").String()
	}
	switch {
	case public && channel == "email" && strings.TrimSpace(html) != "":
		m.Text, m.Quoted, m.Forwarded = restCleanEmail(html, true)
	case public && channel == "email":
		m.Text, m.Quoted, m.Forwarded = restCleanEmail(plain(), false)
	case strings.TrimSpace(html) != "":
		m.Text = clean.HTMLToText(html)
	default:
		m.Text = plain()
	}
	return m
}

// description stands in for the first comment when only ticket.json was
// given.
func (in *zdInput) description() thread.Message {
	t := in.ticket
	m := thread.Message{
		ID:         "description",
		Author:     in.person(t.Get("requester_id")),
		Visibility: thread.Public,
		At:         restTime(t.Get("created_at").String()),
		Channel:    t.Get("via.channel").String(),
		Text:       t.Get("description").String(),
	}
	if m.Author.Name == "" {
		m.Author.Name = t.Get("via.source.from.name").String()
		m.Author.Email = t.Get("via.source.from.address").String()
	}
	m.Author.Role = thread.Customer
	return m
}
