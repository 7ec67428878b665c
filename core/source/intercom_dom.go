package source

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/tidwall/gjson"
	"golang.org/x/net/html"

	"handoff/core/clean"
	"handoff/core/errs"
	"handoff/core/thread"
)

// Intercom's REST API needs an access token on api.intercom.io, so in the
// inbox the extension captures the conversation stream and this file reads
// it.
//
// UNVERIFIED: every class name and data attribute below is the project's
// best reading of Intercom's inbox conversation stream; no live page has
// confirmed them yet (Capture.Verified is false). When a real capture
// disagrees, change the selectors here and testdata/intercom_page.html
// together.

/* Test URLs
https://app.intercom.com/a/inbox/abc123/inbox/conversation/123456789
https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/123456789
https://app.intercom.com/a/inbox/abc123/inbox/admin/4567/conversation/123456789?view=List
https://app.intercom.com/a/apps/abc123/inbox/inbox/all/conversations/123456789
https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/123456789
Not conversations: https://app.intercom.com/a/apps/abc123/home, https://app.intercom.com/a/inbox/abc123/inbox/shared/all,
https://app.intercom.com/a/apps/abc123/settings/workspace/general, https://app.intercom.com/a/apps/abc123/users/64f0/all-conversations
*/

// icContainers are the capture's container selectors, most specific first
// (unverified against live pages).
var icContainers = []string{
	`[data-conversation-stream]`,             // unverified
	`[data-testid="conversation-stream"]`,    // unverified
	`.conversation__stream`,                  // unverified
	`.inbox2__conversation-stream-container`, // unverified
}

var icConversationPath = lazyRegexp(`^/a/(?:inbox|apps)/[A-Za-z0-9_-]+/inbox/(?:[^?#]*/)?conversations?/([0-9]+)/?$`)

// planIntercom returns a "dom" plan for an Intercom inbox conversation on
// app.intercom.com or a regional app host (app.eu…, app.au…); nil
// otherwise.
func planIntercom(u *url.URL, _ []Host) *FetchPlan {
	host := strings.ToLower(u.Hostname())
	if host != "app.intercom.com" && !(strings.HasPrefix(host, "app.") && strings.HasSuffix(host, ".intercom.com") && strings.Count(host, ".") == 3) {
		return nil
	}
	m := icConversationPath().FindStringSubmatch(u.Path)
	if m == nil {
		return nil
	}
	return &FetchPlan{Source: "intercom", TicketID: m[1], Kind: "dom",
		Capture: &Capture{Containers: icContainers, File: "page.html", Verified: false}}
}

// Markers the reader relies on (unverified against live pages).
var icStreamMarkers = []string{`data-conversation-stream`, `data-testid="conversation-stream"`, `conversation__stream`}

// detectIntercomDOM returns the captured page when it carries one of the
// inbox stream markers, so other helpdesks' pages are left alone.
func detectIntercomDOM(files []File) *File {
	f := capturedPage(files)
	if f == nil {
		return nil
	}
	for _, m := range icStreamMarkers {
		if bytes.Contains(f.Body, []byte(m)) {
			return f
		}
	}
	return nil
}

func icIsPart(n *html.Node) bool {
	return hasAttr(n, "data-part-id") || hasClass(n, "conversation__part")
}

// parseIntercomDOM reads a captured inbox conversation stream: each part
// with a body becomes a message (notes internal), each event part (an
// assignment, close, reopen, snooze line) an event, in page order. A page
// without any part fails with E_FORMAT.
func parseIntercomDOM(f File) (*thread.Thread, error) {
	doc, err := parseHTML(f.Body)
	if err != nil {
		return nil, errs.Wrap(errs.Format, f.Name, err)
	}
	parts := findAll(doc, icIsPart)
	if len(parts) == 0 {
		return nil, errs.New(errs.Format, f.Name, "no Intercom conversation parts found (the page selectors are unverified; try --source html)")
	}
	th := &thread.Thread{Source: "intercom", Complete: true}
	if c := findFirst(doc, byAttr("data-conversation-id", "")); c != nil {
		th.Ticket.ID = attr(c, "data-conversation-id")
	}
	th.Ticket.Subject = nodeText(findFirst(doc, byClass("conversation__title")))
	for _, p := range parts {
		icDOMPart(th, p)
	}
	for _, m := range th.Messages {
		if m.Author.Role == thread.Customer {
			th.Ticket.Requester = m.Author
			break
		}
	}
	return th, nil
}

// icDOMPart reads one part: its type from data-part-type or the o__note /
// o__event modifier classes, its author from data-author-type or the
// o__admin / o__user / o__lead / o__bot classes.
func icDOMPart(th *thread.Thread, p *html.Node) {
	typ := attr(p, "data-part-type")
	switch {
	case typ != "":
	case hasClass(p, "o__note"):
		typ = "note"
	case hasClass(p, "o__event") || findFirst(p, byClass("conversation__part__event")) != nil:
		typ = "event"
	default:
		typ = "comment"
	}
	who := thread.Person{Name: attr(p, "data-author-name")}
	if who.Name == "" {
		who.Name = nodeText(findFirst(p, byClass("conversation__part__author")))
	}
	who.Role = icDOMRole(p)
	at := pageTime(p)
	body := findFirst(p, func(n *html.Node) bool {
		return hasClass(n, "conversation__part__body") || hasClass(n, "conversation__text")
	})
	if text := clean.HTMLToText(innerHTML(body)); strings.TrimSpace(text) != "" {
		m := thread.Message{ID: attr(p, "data-part-id"), Author: who, At: at, Visibility: thread.Public, Channel: "chat", Text: text}
		if strings.HasPrefix(typ, "note") {
			// Only teammates write notes, whatever the markup claims.
			m.Visibility, m.Channel = thread.Internal, "note"
			if m.Author.Role != thread.Bot {
				m.Author.Role = thread.Agent
			}
		}
		for _, a := range findAll(p, byClass("conversation__part__attachment")) {
			if n := nodeText(a); n != "" {
				m.Attachments = append(m.Attachments, n)
			}
		}
		th.Messages = append(th.Messages, m)
	}
	if e, ok := icEvent(typ, gjson.Result{}); ok {
		e.At, e.By = at, who.Name
		if e.To == "" {
			e.To = attr(p, "data-assigned-to")
		}
		if e.To == "" {
			// The UI writes an event as a sentence ("Ana assigned this
			// conversation to Billing"); keep it whole rather than guess.
			e.To = nodeText(findFirst(p, byClass("conversation__part__event")))
		}
		th.Events = append(th.Events, e)
	}
}

func icDOMRole(p *html.Node) thread.Role {
	t := attr(p, "data-author-type")
	switch {
	case t == "user" || t == "lead" || t == "contact" || hasClass(p, "o__user") || hasClass(p, "o__lead"):
		return thread.Customer
	case t == "admin" || t == "team" || hasClass(p, "o__admin") || hasClass(p, "o__note"):
		return thread.Agent
	case t == "bot" || hasClass(p, "o__bot"):
		return thread.Bot
	}
	return thread.Unknown
}
