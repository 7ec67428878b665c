package source

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "helpscout" adapter reads Help Scout Mailbox API v2 responses, as
// exported through the CLI (the public API needs an OAuth app, so the
// extension captures the page instead; see helpscout_dom.go):
//
//   - conversation.json: GET /v2/conversations/{id}, optionally with
//     ?embed=threads, which puts the threads in _embedded.threads;
//   - threads.json, threads-2.json …: GET /v2/conversations/{id}/threads,
//     {"_embedded":{"threads":[…]},"page":{"size","totalElements","totalPages","number"}}.
//
// Threads come newest first; Normalize orders them by createdAt. Thread
// types map as: customer ⇒ the customer's message (even when an agent
// logged it on their behalf); message, reply ⇒ agent reply;
// note ⇒ internal note; chat, beaconchat, phone ⇒ by createdBy.type;
// forwardparent, forwardchild ⇒ internal, forwarded; lineitem ⇒ an event
// (status, assignment, workflow, merge …), never a message. Drafts are
// skipped. A thread whose status is not "nochange" also records a status
// event. E-mail bodies go through clean.HTML, notes and chats through
// clean.HTMLToText.
//
// When a threads page says more pages exist than were read, the thread is
// incomplete and Total counts the unread threads as messages (an upper
// bound: some may be line items).
//
// Bad input: a file that is not JSON, or JSON that is neither a Help Scout
// conversation nor a threads page, fails with E_FORMAT naming the file.
func init() {
	register(Adapter{
		Name:     "helpscout",
		Priority: 20,
		Detect:   detectHelpScout,
		Parse:    parseHelpScout,
		Plan:     planHelpScout,
	})
}

func detectHelpScout(files []File) bool {
	for _, f := range files {
		if isPageName(f.Name) {
			if isHelpScoutPage(f.Body) {
				return true
			}
			continue
		}
		if helpScoutKind(f) != "" {
			return true
		}
	}
	return false
}

// helpScoutKind says whether b is a Help Scout "conversation", a "threads"
// page, or neither ("").
func helpScoutKind(f File) string {
	r, ok := objectJSON(f)
	if !ok {
		return ""
	}
	threads := r.Get("_embedded.threads").IsArray()
	switch {
	case r.Get("mailboxId").Exists() && (r.Get("primaryCustomer").Exists() || r.Get("number").Exists()):
		return "conversation"
	case threads && r.Get("page.totalElements").Exists():
		return "threads"
	case threads && r.Get("_embedded.threads.0.createdBy.type").Exists():
		return "threads"
	}
	return ""
}

func parseHelpScout(p Payload) (*thread.Thread, error) {
	if page := pageHTML(p.Files); page != nil && !anyJSON(p.Files) {
		return parseHelpScoutPage(*page)
	}
	th := &thread.Thread{Source: "helpscout", Complete: true}
	var list []gjson.Result
	var read, total int
	known := 0
	for _, f := range apiFiles(p.Files) {
		r, _ := objectJSON(f)
		kind := helpScoutKind(f)
		if kind == "" {
			if len(p.Files) > 1 && !namedLike(f.Name, "conversation", "threads") {
				continue // some other file of the ticket directory
			}
			return nil, errs.New(errs.Format, f.Name, "not a Help Scout conversation or threads response (no \"_embedded.threads\" or \"mailboxId\")")
		}
		known++
		if kind == "conversation" {
			helpScoutTicket(r.r, &th.Ticket)
		}
		ts := r.Get("_embedded.threads").Array()
		list = append(list, ts...)
		read += len(ts)
		if pg := r.Get("page"); pg.Exists() {
			total = int(pg.Get("totalElements").Int())
			if pg.Get("number").Int() < pg.Get("totalPages").Int() {
				th.Complete = false
			}
		}
	}
	if known == 0 {
		return nil, errs.New(errs.Format, p.Files[0].Name, "no Help Scout conversation.json or threads.json found")
	}
	// Oldest first; each time read once, not at every comparison.
	type dated struct {
		at time.Time
		t  gjson.Result
	}
	byTime := make([]dated, len(list))
	for i, t := range list {
		byTime[i] = dated{restTime(t.Get("createdAt").String()), t}
	}
	slices.SortStableFunc(byTime, func(x, y dated) int { return x.at.Compare(y.at) })
	status := "active" // a new conversation starts active
	var b bodies
	for _, d := range byTime {
		helpScoutThread(d.t, th, &b, &status)
	}
	b.clean(th)
	if !th.Complete && total > read {
		th.Total = len(th.Messages) + total - read
	}
	return th, nil
}

func helpScoutTicket(r gjson.Result, t *thread.Ticket) {
	t.ID = r.Get("id").String()
	t.Subject = r.Get("subject").String()
	t.Status = r.Get("status").String()
	for _, tag := range r.Get("tags").Array() {
		if name := firstOf(tag, "tag", "name"); name != "" {
			t.Tags = append(t.Tags, name)
		} else if tag.Type == gjson.String {
			t.Tags = append(t.Tags, tag.String())
		}
	}
	t.Requester = helpScoutPerson(r.Get("primaryCustomer"))
	t.Requester.Role = thread.Customer
	t.Assignee = helpScoutPerson(r.Get("assignee")).Name
	t.URL = r.Get("_links.web.href").String()
	t.Created = restTime(r.Get("createdAt").String())
	t.Updated = restTime(firstOf(r, "userUpdatedAt", "modifiedAt"))
}

func helpScoutPerson(r gjson.Result) thread.Person {
	name := strings.TrimSpace(firstOf(r, "first", "firstName") + " " + firstOf(r, "last", "lastName"))
	return thread.Person{Name: name, Email: r.Get("email").String()}
}

// helpScoutThread adds one thread (oldest first) to th, its body cleaned
// by b.clean; status is the
// conversation status so far, so only changes become events.
func helpScoutThread(tr gjson.Result, th *thread.Thread, b *bodies, status *string) {
	t := objOf(tr) // many look-ups: one scan of the thread
	if strings.EqualFold(t.Get("state").String(), "draft") {
		return
	}
	typ := strings.ToLower(t.Get("type").String())
	at := restTime(t.Get("createdAt").String())
	by := helpScoutPerson(t.Get("createdBy"))
	if typ == "lineitem" {
		th.Events = append(th.Events, helpScoutEvent(t, at, by.Name))
		return
	}
	if st := strings.ToLower(t.Get("status").String()); st != "" && st != "nochange" && st != *status {
		th.Events = append(th.Events, thread.Event{At: at, Kind: thread.StatusChange, Field: "status", From: *status, To: st, By: by.Name})
		*status = st
	}
	m := thread.Message{ID: t.Get("id").String(), Author: by, At: at, Visibility: thread.Public}
	m.Author.Role = helpScoutRole(t.Get("createdBy.type").String(), typ)
	if typ == "customer" && m.Author.Role != thread.Customer {
		// an agent logged the customer's message (e.g. a phoned-in
		// request): it is still the customer speaking
		m.Author = helpScoutPerson(t.Get("customer"))
		m.Author.Role = thread.Customer
	}
	m.Channel = t.Get("source.type").String()
	body := t.Get("body").String()
	email := true
	switch typ {
	case "note":
		m.Visibility, m.Channel, email = thread.Internal, "note", false
	case "chat", "beaconchat":
		m.Channel, email = "chat", false
	case "phone":
		m.Channel, email = "phone", false
	case "forwardparent", "forwardchild":
		m.Visibility, m.Forwarded = thread.Internal, true
	}
	for _, a := range t.Get("_embedded.attachments").Array() {
		if name := a.Get("filename").String(); name != "" {
			m.Attachments = append(m.Attachments, name)
		}
	}
	if !email {
		b.add(th, m, func(m *thread.Message) { m.Text = clean.HTMLToText(body) })
		return
	}
	b.add(th, m, func(m *thread.Message) {
		c := clean.HTML(body)
		m.Text, m.Quoted = c.Text, c.Quoted
		m.Forwarded = m.Forwarded || c.Forwarded
	})
}

// helpScoutRole trusts createdBy.type, else the thread type.
func helpScoutRole(createdBy, typ string) thread.Role {
	switch strings.ToLower(createdBy) {
	case "customer":
		return thread.Customer
	case "user", "team":
		return thread.Agent
	case "workflow", "system":
		return thread.System
	}
	switch typ {
	case "customer":
		return thread.Customer
	case "message", "reply", "note", "forwardparent", "forwardchild":
		return thread.Agent
	}
	return thread.Unknown
}

// helpScoutEvent turns a line item ("Assigned to Ana", "Marked as Closed",
// a workflow run, a merge) into an event. The action text is kept in To
// when no structured value says more.
func helpScoutEvent(t getter, at time.Time, by string) thread.Event {
	action := strings.ToLower(t.Get("action.type").String())
	text := t.Get("action.text").String()
	e := thread.Event{At: at, Kind: thread.OtherChange, Field: action, To: text, By: by}
	lower := strings.ToLower(action + " " + text)
	switch {
	case strings.Contains(lower, "workflow"):
		e.Kind = thread.MacroApplied
	case strings.Contains(lower, "assign"):
		e.Kind, e.Field = thread.AssigneeChange, "assignee"
		if who := helpScoutPerson(t.Get("assignedTo")).Name; who != "" {
			e.To = who
		}
	case strings.Contains(lower, "status") || strings.Contains(lower, "marked"):
		e.Kind, e.Field = thread.StatusChange, "status"
		if st := t.Get("status").String(); st != "" && st != "nochange" {
			e.To = st
		}
	}
	return e
}

// planHelpScout recognises a conversation page of the Help Scout web app.
//
// /* Test URLs */
//
//	https://secure.helpscout.net/conversation/123456789/42
//	https://secure.helpscout.net/conversation/123456789/42/?folderId=7
//	https://secure.helpscout.net/conversation/123456789/42#thread-987
//	https://secure.helpscout.net/mailbox/5f1c2/ (a folder, not a ticket)
func planHelpScout(u *url.URL, _ []Host) *FetchPlan {
	if !strings.EqualFold(u.Hostname(), "secure.helpscout.net") {
		return nil
	}
	parts := strings.Split(strings.Trim(path.Clean(u.Path), "/"), "/")
	if len(parts) < 2 || parts[0] != "conversation" || !allDigits(parts[1]) {
		return nil
	}
	return &FetchPlan{Source: "helpscout", TicketID: parts[1], Kind: "dom", Capture: helpScoutCapture()}
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// The helpers below read exported API files; front.go uses them too.

// objectJSON parses f's body (a leading byte-order mark and surrounding
// space trimmed) as one JSON object; ok is false for anything else, and
// r then finds nothing.
func objectJSON(f File) (r *jsonObj, ok bool) {
	bom := []byte("\xef\xbb\xbf")
	if bytes.HasPrefix(f.Body, bom) {
		f = File{Name: f.Name, Body: f.Body[len(bom):]} // not memoised: rare
	}
	b := bytes.TrimSpace(f.Body)
	if len(b) == 0 || b[0] != '{' {
		return &jsonObj{}, false
	}
	d := jsonOf(f)
	if !d.valid {
		return &jsonObj{}, false
	}
	return &d.obj, true
}

// apiFiles returns the files an API adapter should look at: a lone file
// whatever its name, else every .json file, conversation.json first and
// the rest by name, so pages come in order.
func apiFiles(files []File) []File {
	if len(files) == 1 {
		return files
	}
	var out []File
	for _, f := range files {
		if strings.HasSuffix(strings.ToLower(f.Name), ".json") {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := namedLike(out[i].Name, "conversation"), namedLike(out[j].Name, "conversation")
		if ci != cj {
			return ci
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// namedLike reports whether name is stem.json or a page stem-N.json of one
// of stems.
func namedLike(name string, stems ...string) bool {
	for _, stem := range stems {
		if len(pages([]File{{Name: name}}, stem)) == 1 {
			return true
		}
	}
	return false
}

// firstOf returns the first non-empty string among r's paths.
func firstOf(r gjson.Result, paths ...string) string {
	for _, p := range paths {
		if s := r.Get(p).String(); s != "" {
			return s
		}
	}
	return ""
}
