package source

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// Freshdesk's agent UI keeps its public API behind keys, so on a ticket page
// the extension captures the conversation container and this file reads it.
//
// UNVERIFIED: every class name, id and data-test-id below is the project's
// best reading of Freshdesk's agent ticket view; no live page has confirmed
// them yet (Capture.Verified is false). When a real capture disagrees, change
// the selectors here and the fixture testdata/freshdesk_page.html together.

/* Test URLs
https://acme.freshdesk.com/a/tickets/45
https://acme.freshdesk.com/a/tickets/45?tab=conversations
https://acme.freshdesk.com/helpdesk/tickets/45
https://support.acme.com/a/tickets/45 (a custom domain the user added as a freshdesk host)
Not tickets: https://acme.freshdesk.com/a/dashboard/default, https://acme.freshdesk.com/a/tickets/filters/all_tickets,
https://acme.freshdesk.com/a/admin/ticket_fields, https://acme.freshdesk.com/support/tickets/45 (the customer portal)
*/

// fdContainers are the capture's container selectors, most specific first
// (unverified against live pages).
var fdContainers = []string{
	`[data-test-id="ticket-conversation"]`, // unverified
	`.ticket-details-conversation`,         // unverified
	`#ticket_details_conversation`,         // unverified
	`#all_notes`,                           // unverified: the legacy /helpdesk/tickets view
}

var fdTicketPath = lazyRegexp(`^/(?:a|helpdesk)/tickets/([0-9]+)/?$`)

// planFreshdesk returns a "dom" plan for a Freshdesk agent ticket view on
// *.freshdesk.com or a host the user added as "freshdesk"; nil otherwise.
func planFreshdesk(u *url.URL, hosts []Host) *FetchPlan {
	if !strings.HasSuffix(strings.ToLower(u.Hostname()), ".freshdesk.com") && !fdUserHost(u, hosts) {
		return nil
	}
	m := fdTicketPath().FindStringSubmatch(u.Path)
	if m == nil {
		return nil
	}
	return &FetchPlan{Source: "freshdesk", TicketID: m[1], Kind: "dom",
		Capture: &Capture{Containers: fdContainers, File: "page.html", Verified: false}}
}

func fdUserHost(u *url.URL, hosts []Host) bool {
	for _, h := range hosts {
		o, err := url.Parse(h.Origin)
		if err == nil && strings.EqualFold(h.Source, "freshdesk") && strings.EqualFold(o.Host, u.Host) {
			return true
		}
	}
	return false
}

// Markers the reader relies on (unverified against live pages).
var (
	fdContainerMarkers = []string{`data-test-id="ticket-conversation"`, `ticket-details-conversation`, `id="ticket_details_conversation"`}
	fdItemClasses      = []string{"conversation-item", "ticket-description"}
	fdNoteClasses      = []string{"private-note", "note-private"}
	fdCustomerClasses  = []string{"incoming", "requester", "ticket-description"}
	fdAgentClasses     = []string{"outgoing", "agent-response"}
	fdBodyClasses      = []string{"conversation-body", "ticket-description-body", "note-body"}
)

// detectFreshdeskDOM returns the captured page when it carries one of
// Freshdesk's container markers, so other helpdesks' pages are left alone.
func detectFreshdeskDOM(files []File) *File {
	f := capturedPage(files)
	if f == nil {
		return nil
	}
	for _, m := range fdContainerMarkers {
		if bytes.Contains(f.Body, []byte(m)) {
			return f
		}
	}
	return nil
}

func fdIsItem(n *html.Node) bool {
	return fdAnyClass(n, fdItemClasses) || attr(n, "data-test-id") == "conversation-item" || attr(n, "data-test-id") == "ticket-description"
}

func fdAnyClass(n *html.Node, classes []string) bool {
	for _, c := range classes {
		if hasClass(n, c) {
			return true
		}
	}
	return false
}

// parseFreshdeskDOM reads a captured Freshdesk conversation container.
// Each item (the description, replies, notes) becomes a message in page
// order; a page without any item fails with E_FORMAT.
func parseFreshdeskDOM(f File) (*thread.Thread, error) {
	doc, err := parseHTML(f.Body)
	if err != nil {
		return nil, errs.Wrap(errs.Format, f.Name, err)
	}
	items := findAll(doc, fdIsItem)
	if len(items) == 0 {
		return nil, errs.New(errs.Format, f.Name, "no Freshdesk conversation items found (the page selectors are unverified; try --source html)")
	}
	th := &thread.Thread{Source: "freshdesk", Complete: true}
	if c := findFirst(doc, func(n *html.Node) bool { return attr(n, "data-ticket-id") != "" }); c != nil {
		th.Ticket.ID = attr(c, "data-ticket-id")
	}
	th.Ticket.Subject = nodeText(findFirst(doc, func(n *html.Node) bool {
		return attr(n, "data-test-id") == "ticket-subject" || hasClass(n, "ticket-subject-heading")
	}))
	var requester string
	var b bodies
	for i, it := range items {
		m, fill := fdDOMMessage(it)
		if i == 0 && m.Author.Role == thread.Customer {
			requester = m.Author.Name
			th.Ticket.Requester = m.Author
		}
		if m.Author.Role == "" && requester != "" && m.Author.Name == requester {
			m.Author.Role = thread.Customer
		}
		b.add(th, m, fill)
	}
	b.clean(th)
	return th, nil
}

// fdDOMMessage reads one conversation item, and returns the fill that
// cleans its body.
func fdDOMMessage(it *html.Node) (thread.Message, func(m *thread.Message)) {
	m := thread.Message{ID: attr(it, "data-id"), At: pageTime(it), Visibility: thread.Public}
	note := fdAnyClass(it, fdNoteClasses)
	switch {
	case note:
		m.Visibility, m.Author.Role, m.Channel = thread.Internal, thread.Agent, "note"
	case fdAnyClass(it, fdCustomerClasses):
		m.Author.Role = thread.Customer
	case fdAnyClass(it, fdAgentClasses):
		m.Author.Role = thread.Agent
	}
	m.Author.Name = nodeText(findFirst(it, func(n *html.Node) bool {
		return hasClass(n, "user-name") || attr(n, "data-test-id") == "conversation-user-name"
	}))
	m.Author.Email = strings.Trim(nodeText(findFirst(it, byClass("user-email"))), "<> ")
	body := innerHTML(findFirst(it, func(n *html.Node) bool { return fdAnyClass(n, fdBodyClasses) }))
	for _, a := range findAll(it, byClass("attachment-name")) {
		if name := nodeText(a); name != "" {
			m.Attachments = append(m.Attachments, name)
		}
	}
	if note {
		return m, func(m *thread.Message) { m.Text = clean.HTMLToText(body) }
	}
	return m, func(m *thread.Message) { m.Text, m.Quoted, m.Forwarded = restCleanEmail(body, true) }
}
