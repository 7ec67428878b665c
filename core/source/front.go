package source

import (
	"math"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// The "front" adapter reads Front Core API responses, as exported through
// the CLI (the public API needs a token, so the extension captures the
// page instead; see front_dom.go):
//
//   - conversation.json: GET /conversations/{id} — subject, status, tags,
//     recipient (the contact), assignee (a teammate);
//   - messages.json, messages-2.json …: GET /conversations/{id}/messages,
//     {"_pagination":{"next":…},"_results":[{"is_inbound","author",
//     "recipients":[{"role":"from"…}],"body","text","created_at",…}]};
//   - comments.json, comments-2.json …: GET /conversations/{id}/comments,
//     internal comments by teammates ({"author","body","posted_at"}).
//
// Inbound messages are the customer's (named by their "from" recipient),
// outbound ones the agent's (the teammate author, else the "from"
// recipient); comments are internal. Times are unix seconds with a
// fraction. E-mail bodies go through clean.HTML (quotes kept aside), other
// channels and comments through clean.HTMLToText. Drafts are skipped.
// When the last page read still has a _pagination.next, the thread is
// incomplete (Front gives no total, so Total stays the number read).
//
// Bad input: a file that is not JSON, or JSON that is neither a Front
// conversation nor a messages or comments page, fails with E_FORMAT.
func init() {
	register(Adapter{
		Name:     "front",
		Priority: 20,
		Detect:   detectFront,
		Parse:    parseFront,
		Plan:     planFront,
	})
}

func detectFront(files []File) bool {
	for _, f := range files {
		if isPageName(f.Name) {
			if isFrontPage(f.Body) {
				return true
			}
			continue
		}
		if frontKind(f) != "" {
			return true
		}
	}
	return false
}

// frontKind says whether b is a Front "conversation", a "messages" page, a
// "comments" page, or neither ("").
func frontKind(f File) string {
	r, ok := objectJSON(f)
	if !ok {
		return ""
	}
	if strings.HasPrefix(r.Get("id").String(), "cnv_") {
		return "conversation"
	}
	first := r.Get("_results.0")
	switch {
	case !r.Get("_results").IsArray():
		return ""
	case first.Get("is_inbound").Exists():
		return "messages"
	case first.Get("posted_at").Exists():
		return "comments"
	}
	return ""
}

func parseFront(p Payload) (*thread.Thread, error) {
	if page := pageHTML(p.Files); page != nil && !anyJSON(p.Files) {
		return parseFrontPage(*page)
	}
	th := &thread.Thread{Source: "front", Complete: true}
	var b bodies
	known := 0
	for _, f := range apiFiles(p.Files) {
		r, _ := objectJSON(f)
		kind := frontKind(f)
		if kind == "" && r.Get("_results").IsArray() && len(r.Get("_results").Array()) == 0 {
			continue // an empty page says nothing about what it lists
		}
		if kind == "" {
			if len(p.Files) > 1 && !namedLike(f.Name, "conversation", "messages", "comments") {
				continue
			}
			return nil, errs.New(errs.Format, f.Name, "not a Front conversation, messages or comments response (no \"_results\" or \"cnv_\" id)")
		}
		known++
		switch kind {
		case "conversation":
			frontTicket(r.r, &th.Ticket)
		case "messages":
			for _, m := range r.Get("_results").Array() {
				if msg, fill, ok := frontMessage(m); ok {
					b.add(th, msg, fill)
				}
			}
		case "comments":
			for _, c := range r.Get("_results").Array() {
				msg, fill := frontComment(c)
				b.add(th, msg, fill)
			}
		}
		if kind != "conversation" && r.Get("_pagination.next").String() != "" && isLastPage(p.Files, f) {
			th.Complete = false
		}
	}
	if known == 0 {
		return nil, errs.New(errs.Format, p.Files[0].Name, "no Front conversation.json, messages.json or comments.json found")
	}
	b.clean(th)
	return th, nil
}

// isLastPage reports whether f is the highest-numbered page of its stem
// (messages-3.json of messages, -2, -3), or a lone file.
func isLastPage(files []File, f File) bool {
	stem := strings.TrimSuffix(strings.ToLower(path.Base(f.Name)), ".json")
	if i := strings.LastIndex(stem, "-"); i > 0 && allDigits(stem[i+1:]) {
		stem = stem[:i]
	}
	ps := pages(files, stem)
	return len(ps) == 0 || ps[len(ps)-1].Name == f.Name
}

func frontTicket(r gjson.Result, t *thread.Ticket) {
	t.ID = r.Get("id").String()
	t.Subject = r.Get("subject").String()
	t.Status = r.Get("status").String()
	for _, tag := range r.Get("tags").Array() {
		if name := tag.Get("name").String(); name != "" {
			t.Tags = append(t.Tags, name)
		}
	}
	t.Requester = thread.Person{Name: r.Get("recipient.name").String(), Email: frontHandle(r.Get("recipient")), Role: thread.Customer}
	t.Assignee = frontTeammate(r.Get("assignee")).Name
	t.URL = r.Get("_links.self").String()
	if strings.Contains(t.URL, "api2.frontapp.com") || strings.Contains(t.URL, "api.frontapp.com") {
		t.URL = "" // an API link is no page a person can open
	}
	t.Created = unixSeconds(r.Get("created_at"))
}

func frontTeammate(r gjson.Result) thread.Person {
	name := strings.TrimSpace(r.Get("first_name").String() + " " + r.Get("last_name").String())
	if name == "" {
		name = r.Get("username").String()
	}
	return thread.Person{Name: name, Email: r.Get("email").String()}
}

// frontHandle returns a recipient's handle when it is an address.
func frontHandle(r gjson.Result) string {
	h := r.Get("handle").String()
	if strings.Contains(h, "@") {
		return h
	}
	return ""
}

// frontMessage builds a message and the fill that cleans its body; ok is
// false for a draft.
func frontMessage(rr gjson.Result) (m thread.Message, fill func(m *thread.Message), ok bool) {
	r := objOf(rr) // many look-ups: one scan of the message
	if r.Get("is_draft").Bool() || r.Get("draft_mode").String() != "" {
		return thread.Message{}, nil, false
	}
	m = thread.Message{ID: r.Get("id").String(), At: unixSeconds(r.Get("created_at")), Visibility: thread.Public}
	m.Channel = r.Get("type").String()
	var from gjson.Result
	for _, rc := range r.Get("recipients").Array() {
		if rc.Get("role").String() == "from" {
			from = rc
			break
		}
	}
	sender := thread.Person{Name: from.Get("name").String(), Email: frontHandle(from)}
	if sender.Name == "" {
		sender.Name = from.Get("handle").String()
	}
	if r.Get("is_inbound").Bool() {
		m.Author = sender
		m.Author.Role = thread.Customer
	} else {
		m.Author = frontTeammate(r.Get("author"))
		if m.Author.Name == "" && m.Author.Email == "" {
			m.Author = sender
		}
		m.Author.Role = thread.Agent
	}
	body := r.Get("body").String()
	switch {
	case body == "":
		text := r.Get("text").String()
		fill = func(m *thread.Message) {
			c := clean.Text(text)
			m.Text, m.Quoted = c.Text, c.Quoted
		}
	case m.Channel == "email" || m.Channel == "":
		fill = func(m *thread.Message) {
			c := clean.HTML(body)
			m.Text, m.Quoted, m.Forwarded = c.Text, c.Quoted, c.Forwarded
		}
	default:
		fill = func(m *thread.Message) { m.Text = clean.HTMLToText(body) }
	}
	m.Attachments = frontAttachments(r)
	return m, fill, true
}

// frontComment builds an internal note and the fill that cleans its body.
func frontComment(rr gjson.Result) (thread.Message, func(m *thread.Message)) {
	r := objOf(rr)
	m := thread.Message{
		ID:         r.Get("id").String(),
		Author:     frontTeammate(r.Get("author")),
		Visibility: thread.Internal,
		At:         unixSeconds(r.Get("posted_at")),
		Channel:    "note",
	}
	m.Author.Role = thread.Agent
	m.Attachments = frontAttachments(r)
	body := r.Get("body").String()
	return m, func(m *thread.Message) { m.Text = clean.HTMLToText(body) }
}

func frontAttachments(r getter) []string {
	var out []string
	for _, a := range r.Get("attachments").Array() {
		if name := a.Get("filename").String(); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// unixSeconds reads Front's float seconds (1709550000.123); anything else
// is the zero time.
func unixSeconds(r gjson.Result) time.Time {
	if r.Type != gjson.Number {
		return time.Time{}
	}
	f := r.Float()
	if f <= 0 || f > 1e11 || math.IsNaN(f) {
		return time.Time{}
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*1e6).UTC()
}

// planFront recognises a conversation in the Front web app: the
// /open/cnv_… permalink and inbox views ending in a conversation id.
//
// /* Test URLs */
//
//	https://app.frontapp.com/open/cnv_abc123
//	https://app.frontapp.com/inboxes/teammates/8841/inbox/open/0/cnv_55ff2a
//	https://app.frontapp.com/inboxes/shared/support/open/12/cnv_9z
//	https://acme.frontapp.com/open/cnv_abc123 (a company subdomain)
//	https://app.frontapp.com/inboxes/teammates/8841/inbox (a list, not a ticket)
func planFront(u *url.URL, _ []Host) *FetchPlan {
	host := strings.ToLower(u.Hostname())
	if host != "frontapp.com" && !strings.HasSuffix(host, ".frontapp.com") {
		return nil
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	id := ""
	for _, p := range parts {
		if strings.HasPrefix(p, "cnv_") && len(p) > len("cnv_") {
			id = p
		}
	}
	if id == "" || (parts[0] != "open" && parts[0] != "inboxes") {
		return nil
	}
	return &FetchPlan{Source: "front", TicketID: id, Kind: "dom", Capture: frontCapture()}
}
