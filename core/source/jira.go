package source

import (
	"strings"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "jira" adapter reads Jira Cloud / Data Center and Jira Service
// Management responses, as the agent's session fetches them (see
// jira_plan.go):
//
//	issue.json            GET /rest/api/2/issue/{key}?expand=renderedFields,changelog
//	comments.json         GET /rest/api/2/issue/{key}/comment (optional; pages
//	                      comments-2.json … with startAt/maxResults/total)
//	request-comments.json GET /rest/servicedeskapi/request/{key}/comment
//	                      (optional, JSM; pages request-comments-2.json …)
//
// The description is message 1, written by the reporter at creation. A
// comment with a role or group visibility restriction, jsdPublic false or
// a JSM request comment with public false is internal. Rendered HTML
// (renderedFields, renderedBody) is preferred to wiki markup, which is
// otherwise reduced to readable text. The reporter and accounts of type
// "customer" are customers, "app" accounts bots; other authors are agents
// on service-desk tickets and on restricted comments, unknown otherwise.
// Changelog items become events (status, priority, assignee, labels …).
//
// Files are recognised by content. A file named like one of the above
// that is not that response fails with E_FORMAT.
func init() {
	register(Adapter{
		Name:     "jira",
		Priority: 20,
		Detect:   detectJira,
		Parse:    parseJira,
		Plan:     planJira,
	})
}

func detectJira(files []File) bool {
	return restDetect(files, func(r *jsonObj) bool {
		return r.Get("key").Type == gjson.String && (r.Get("fields").IsObject() || r.Get("changelog.histories").IsArray()) ||
			r.Get("comments").IsArray() && r.Get("comments.0.author.displayName").Exists() ||
			r.Get("values").IsArray() && r.Get("values.0.public").Exists() && r.Get("values.0.author").IsObject() ||
			jiraComment(r)
	})
}

// jiraComment reports whether r is one comment object, as the add-comment
// and JSM request-comment endpoints return them.
func jiraComment(r getter) bool {
	return r.Get("body").Exists() && r.Get("author.displayName").Exists() &&
		(r.Get("visibility").Exists() || r.Get("public").Exists() || strings.Contains(r.Get("self").String(), "/comment/"))
}

// jiraInput is what the files of one Jira issue hold.
type jiraInput struct {
	issue    gjson.Result
	comments []gjson.Result // /rest/api/2 comments, all sources
	rendered map[string]string
	requests []gjson.Result // JSM request comments
	total    int            // comments the API says exist
	jsm      bool           // a service-desk ticket
}

var jiraExpect = map[string]string{"issue": "key", "comments": "comments", "request-comments": "values"}

func parseJira(p Payload) (*thread.Thread, error) {
	in := jiraInput{rendered: map[string]string{}}
	for _, f := range p.Files {
		if err := in.add(f); err != nil {
			return nil, err
		}
	}
	for _, c := range in.comments {
		in.jsm = in.jsm || c.Get("jsdPublic").Exists()
	}
	th := &thread.Thread{Source: "jira", Complete: true}
	reporter := in.fillTicket(th)
	var b bodies
	fields := in.issue.Get("fields")
	if d := fields.Get("description").String(); strings.TrimSpace(d) != "" {
		html := in.issue.Get("renderedFields.description").String()
		b.add(th, thread.Message{
			ID:         "description",
			Author:     th.Ticket.Requester,
			Visibility: thread.Public,
			At:         th.Ticket.Created,
			Channel:    "web",
		}, jiraFill(d, html))
	}
	public := map[string]bool{}
	for _, rc := range in.requests {
		public[restID(rc.Get("id"))] = rc.Get("public").Bool()
	}
	seen := map[string]bool{}
	for _, c := range in.comments {
		id := restID(c.Get("id"))
		if seen[id] && id != "" {
			continue
		}
		seen[id] = true
		html := c.Get("renderedBody").String()
		if html == "" {
			html = in.rendered[id]
		}
		m := in.message(c, reporter)
		if pub, ok := public[id]; ok && !pub {
			m.Visibility = thread.Internal
		}
		b.add(th, m, jiraFill(c.Get("body").String(), html))
	}
	apiRead := len(seen)
	for _, rc := range in.requests {
		if id := restID(rc.Get("id")); !seen[id] || id == "" {
			seen[id] = true
			m, fill := in.request(rc, reporter)
			b.add(th, m, fill)
		}
	}
	if in.total > apiRead {
		th.Total = len(th.Messages) + in.total - apiRead
		th.Complete = false
	}
	b.clean(th)
	in.attach(th)
	th.Events = jiraEvents(in.issue.Get("changelog.histories"))
	return th, nil
}

func (in *jiraInput) add(f File) error {
	r, stem, ok, err := restFile(f, "Jira", jiraExpect)
	if !ok {
		return err
	}
	want, known := jiraExpect[stem]
	if known && !r.Get(want).Exists() && !jiraComment(r) {
		return errs.New(errs.Format, f.Name, "not a Jira %s response (no %q)", stem, want)
	}
	switch {
	case r.Get("key").Type == gjson.String && (r.Get("fields").IsObject() || r.Get("changelog").IsObject()):
		in.issue = r.r
		fc := r.Get("fields.comment")
		in.comments = append(in.comments, fc.Get("comments").Array()...)
		in.count(fc)
		rs := r.Get("renderedFields.comment.comments").Array()
		for i, c := range fc.Get("comments").Array() {
			if i < len(rs) {
				in.rendered[restID(c.Get("id"))] = rs[i].Get("body").String()
			}
		}
	case r.Get("comments").IsArray() && !r.Get("comments.0.author_id").Exists():
		in.comments = append(in.comments, validArray(r.Get("comments"))...)
		in.count(r)
	case r.Get("values").IsArray():
		in.requests = append(in.requests, r.Get("values").Array()...)
		in.jsm = true
	case jiraComment(r) && r.Get("public").Exists():
		in.requests = append(in.requests, r.r)
		in.jsm = true
	case jiraComment(r):
		in.comments = append(in.comments, r.r)
	}
	return nil
}

func (in *jiraInput) count(page getter) {
	if t := int(page.Get("total").Int()); t > in.total {
		in.total = t
	}
}

// fillTicket sets the ticket metadata and returns the reporter's account.
func (in *jiraInput) fillTicket(th *thread.Thread) gjson.Result {
	f := in.issue.Get("fields")
	tk := &th.Ticket
	tk.ID = in.issue.Get("key").String()
	tk.Subject = f.Get("summary").String()
	tk.Status = f.Get("status.name").String()
	tk.Priority = f.Get("priority.name").String()
	for _, l := range f.Get("labels").Array() {
		tk.Tags = append(tk.Tags, l.String())
	}
	reporter := f.Get("reporter")
	tk.Requester = thread.Person{Name: reporter.Get("displayName").String(), Email: reporter.Get("emailAddress").String(), Role: thread.Customer}
	tk.Assignee = f.Get("assignee.displayName").String()
	tk.Created = restTime(f.Get("created").String())
	tk.Updated = restTime(f.Get("updated").String())
	if self := in.issue.Get("self").String(); tk.ID != "" && strings.Contains(self, "/rest/api/") {
		tk.URL = self[:strings.Index(self, "/rest/api/")] + "/browse/" + tk.ID
	}
	return reporter
}

// message builds a message from a comment, without its text (see jiraFill).
func (in *jiraInput) message(cr, reporter gjson.Result) thread.Message {
	c := objOf(cr) // many look-ups: one scan of the comment
	m := thread.Message{
		ID:         restID(c.Get("id")),
		Visibility: thread.Public,
		At:         restTime(c.Get("created").String()),
		Channel:    "web",
	}
	if c.Get("visibility.type").String() != "" || (c.Get("jsdPublic").Exists() && !c.Get("jsdPublic").Bool()) {
		m.Visibility = thread.Internal
		m.Channel = "note"
	}
	m.Author = in.author(c.Get("author"), reporter, m.Visibility == thread.Internal)
	return m
}

// request builds a message from a JSM request comment (public flag,
// created.iso8601, optional renderedBody.html) and the fill that makes its
// text.
func (in *jiraInput) request(cr, reporter gjson.Result) (thread.Message, func(m *thread.Message)) {
	c := objOf(cr)
	at := c.Get("created.iso8601").String()
	if at == "" {
		at = c.Get("created.jira").String()
	}
	m := thread.Message{
		ID:         restID(c.Get("id")),
		Visibility: thread.Public,
		At:         restTime(at),
		Channel:    "web",
	}
	if !c.Get("public").Bool() {
		m.Visibility = thread.Internal
		m.Channel = "note"
	}
	m.Author = in.author(c.Get("author"), reporter, m.Visibility == thread.Internal)
	return m, jiraFill(c.Get("body").String(), c.Get("renderedBody.html").String())
}

// author names a comment's author and infers the role.
func (in *jiraInput) author(a, reporter gjson.Result, internal bool) thread.Person {
	p := thread.Person{Name: a.Get("displayName").String(), Email: a.Get("emailAddress").String()}
	switch {
	case jiraSameUser(a, reporter):
		p.Role = thread.Customer
	case a.Get("accountType").String() == "customer":
		p.Role = thread.Customer
	case a.Get("accountType").String() == "app":
		p.Role = thread.Bot
	case in.jsm || internal:
		p.Role = thread.Agent
	default:
		p.Role = thread.Unknown
	}
	return p
}

func jiraSameUser(a, b gjson.Result) bool {
	if !a.IsObject() || !b.IsObject() {
		return false
	}
	for _, k := range []string{"accountId", "key", "name", "emailAddress"} {
		if x := a.Get(k).String(); x != "" && x == b.Get(k).String() {
			return true
		}
	}
	return false
}

// jiraFill is the fill that sets a message's text with jiraText.
func jiraFill(wiki, html string) func(m *thread.Message) {
	return func(m *thread.Message) { m.Text = jiraText(wiki, html) }
}

// jiraText prefers the rendered HTML of a body and falls back to its
// wiki markup made readable.
func jiraText(wiki, html string) string {
	if strings.TrimSpace(html) != "" {
		return clean.HTMLToText(html)
	}
	return jiraWikiText(wiki)
}
