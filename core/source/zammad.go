package source

import (
	"strings"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "zammad" adapter reads Zammad REST API responses, as the agent's
// session fetches them (see zammad_plan.go):
//
//	ticket.json    GET /api/v1/tickets/{id}?expand=true (state, priority,
//	               group, owner, customer, organization as names)
//	articles.json  GET /api/v1/ticket_articles/by_ticket/{id}
//	history.json   GET /api/v1/ticket_history/{id} (optional: state,
//	               priority, group, owner and tag changes)
//	users.json     GET /api/v1/users (optional, for names)
//
// Articles keep their own flags: internal true is an internal note, sender
// Customer/Agent/System is the role, type the channel. Public e-mail
// articles are cleaned as e-mail; where Zammad marked a signature
// (<span class="js-signatureMarker">) everything from the marker on is
// moved to Quoted. Notes, phone and web articles are only made text.
// Without expanded names, state and priority ids are read with Zammad's
// default ids (state 1 new … 4 closed; priority 1 low, 2 normal, 3 high).
//
// A file named like one of the above that is not that response fails with
// E_FORMAT, e.g. `articles.json: not a Zammad articles response (no article list)`.
func init() {
	register(Adapter{
		Name:     "zammad",
		Priority: 20,
		Detect:   detectZammad,
		Parse:    parseZammad,
		Plan:     planZammad,
	})
}

func detectZammad(files []File) bool {
	return restDetect(files, func(r *jsonObj) bool {
		return r.IsArray() && zammadArticle(r.Get("0")) ||
			r.IsObject() && zammadArticle(r) ||
			r.IsObject() && r.Get("title").Exists() && r.Get("customer_id").Exists() && r.Get("number").Exists()
	})
}

func zammadArticle(r getter) bool {
	return r.Get("ticket_id").Exists() && r.Get("internal").Exists() && (r.Get("sender").Exists() || r.Get("sender_id").Exists())
}

// Zammad's default ids, used when a response carries ids without names.
var (
	zammadStates     = map[string]string{"1": "new", "2": "open", "3": "pending reminder", "4": "closed", "5": "merged", "7": "pending close"}
	zammadPriorities = map[string]string{"1": "1 low", "2": "2 normal", "3": "3 high"}
	zammadSenders    = map[string]string{"1": "Agent", "2": "Customer", "3": "System"}
	zammadTypes      = map[string]string{"1": "email", "5": "phone", "10": "note", "11": "web"}
	zammadRoles      = map[string]thread.Role{"Customer": thread.Customer, "Agent": thread.Agent, "System": thread.System}
)

type zammadInput struct {
	ticket   gjson.Result
	articles []gjson.Result
	history  []gjson.Result
	users    map[string]thread.Person
}

var zammadExpect = map[string]string{"ticket": "ticket", "articles": "articles", "history": "history", "users": "users"}

func parseZammad(p Payload) (*thread.Thread, error) {
	in := zammadInput{users: map[string]thread.Person{}}
	for _, f := range p.Files {
		if err := in.add(f); err != nil {
			return nil, err
		}
	}
	th := &thread.Thread{Source: "zammad", Complete: true}
	in.fillTicket(th)
	var b bodies
	for _, a := range in.articles {
		m, fill := in.message(a)
		b.add(th, m, fill)
	}
	b.clean(th)
	th.Events = in.events()
	if n := int(in.ticket.Get("article_count").Int()); n > len(th.Messages) && len(in.articles) > 0 {
		th.Total = n
		th.Complete = false
	}
	return th, nil
}

func (in *zammadInput) add(f File) error {
	r, stem, ok, err := restFile(f, "Zammad", zammadExpect)
	if !ok {
		return err
	}
	want, known := zammadExpect[stem]
	switch {
	case r.IsArray() && zammadArticle(r.Get("0")):
		in.articles = append(in.articles, validArray(r.r)...)
	case r.IsObject() && zammadArticle(r):
		in.articles = append(in.articles, r.r)
	case r.IsObject() && r.Get("title").Exists() && r.Get("customer_id").Exists():
		in.ticket = r.r
	case r.Get("history").IsArray():
		in.history = append(in.history, r.Get("history").Array()...)
		var us []gjson.Result
		r.Get("assets.User").ForEach(func(_, u gjson.Result) bool { us = append(us, u); return true })
		in.loadUsers(us)
	case r.IsArray() && (r.Get("0.firstname").Exists() || r.Get("0.login").Exists()):
		in.loadUsers(r.Array())
	case known && !(r.IsArray() && len(r.Array()) == 0):
		return errs.New(errs.Format, f.Name, "not a Zammad %s response (no %s)", want, map[string]string{
			"ticket": "ticket title", "articles": "article list", "history": `"history"`, "users": "user list"}[want])
	}
	return nil
}

func (in *zammadInput) loadUsers(us []gjson.Result) {
	for _, u := range us {
		name := strings.TrimSpace(u.Get("firstname").String() + " " + u.Get("lastname").String())
		in.users[restID(u.Get("id"))] = thread.Person{Name: name, Email: u.Get("email").String()}
	}
}

// named returns the expanded name of field (e.g. "state"), or looks its id
// up in ids.
func named(t getter, field string, ids map[string]string) string {
	if s := t.Get(field); s.Type == gjson.String {
		return s.Str
	}
	return ids[restID(t.Get(field+"_id"))]
}

func (in *zammadInput) fillTicket(th *thread.Thread) {
	t := in.ticket
	tk := &th.Ticket
	tk.ID = restID(t.Get("id"))
	tk.Subject = t.Get("title").String()
	tk.Status = named(t, "state", zammadStates)
	tk.Priority = named(t, "priority", zammadPriorities)
	tk.Group = t.Get("group").String()
	tk.Organization = t.Get("organization").String()
	tk.Assignee = in.users[restID(t.Get("owner_id"))].Name
	if tk.Assignee == "" {
		tk.Assignee = t.Get("owner").String()
	}
	for _, tag := range t.Get("tags").Array() {
		tk.Tags = append(tk.Tags, tag.String())
	}
	tk.Requester = in.users[restID(t.Get("customer_id"))]
	if tk.Requester.Name == "" && tk.Requester.Email == "" {
		if c := t.Get("customer").String(); strings.Contains(c, "@") {
			tk.Requester.Email = c
		}
		for _, a := range in.articles {
			if named(a, "sender", zammadSenders) == "Customer" {
				tk.Requester.Name, _ = restAddress(a.Get("from").String())
				break
			}
		}
	}
	if tk.Requester != (thread.Person{}) {
		tk.Requester.Role = thread.Customer
	}
	tk.Created = restTime(t.Get("created_at").String())
	tk.Updated = restTime(t.Get("updated_at").String())
}

// zammadMarker is where Zammad says a signature starts in an HTML body.
const zammadMarker = `<span class="js-signatureMarker"></span>`

// message builds a message from an article and the fill that cleans its
// body.
func (in *zammadInput) message(ar gjson.Result) (thread.Message, func(m *thread.Message)) {
	a := objOf(ar) // many look-ups: one scan of the article
	kind := named(a, "type", zammadTypes)
	m := thread.Message{
		ID:         restID(a.Get("id")),
		Visibility: thread.Public,
		At:         restTime(a.Get("created_at").String()),
		Channel:    kind,
	}
	if a.Get("internal").Bool() {
		m.Visibility = thread.Internal
	}
	role, ok := zammadRoles[named(a, "sender", zammadSenders)]
	if !ok {
		role = thread.Unknown
	}
	m.Author = in.users[restID(a.Get("created_by_id"))]
	name, addr := restAddress(a.Get("from").String())
	if name != "" {
		m.Author.Name = name
	}
	if by := a.Get("created_by").String(); strings.Contains(by, "@") {
		m.Author.Email = by
	} else if m.Author.Email == "" {
		m.Author.Email = addr
	}
	m.Author.Role = role
	body := a.Get("body").String()
	html := strings.Contains(strings.ToLower(a.Get("content_type").String()), "html")
	for _, at := range a.Get("attachments").Array() {
		if n := at.Get("filename").String(); n != "" {
			m.Attachments = append(m.Attachments, n)
		}
	}
	switch {
	case kind == "email" && m.Visibility == thread.Public && html:
		return m, func(m *thread.Message) {
			body, sig := body, ""
			if i := strings.Index(body, zammadMarker); i >= 0 {
				body, sig = body[:i], clean.HTMLToText(body[i+len(zammadMarker):])
			}
			m.Text, m.Quoted, m.Forwarded = restCleanEmail(body, true)
			m.Quoted = joinNonEmpty(m.Quoted, sig)
		}
	case kind == "email" && m.Visibility == thread.Public:
		return m, func(m *thread.Message) { m.Text, m.Quoted, m.Forwarded = restCleanEmail(body, false) }
	case html:
		return m, func(m *thread.Message) { m.Text = clean.HTMLToText(body) }
	}
	m.Text = body
	return m, nil
}

func joinNonEmpty(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n\n" + b
}
