package source

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"handoff/core/errs"
	"handoff/core/thread"
)

// Front page reader. Every selector here is the project's best reading of
// the Front conversation view and is UNVERIFIED against a live page
// (Capture.Verified is false) until a real capture confirms it. Front's
// own class names are generated, so the reader keys on data-testid:
// a message is data-testid="timeline-message" with data-direction
// "inbound" or "outbound", an internal comment data-testid="timeline-comment",
// an activity line data-testid="timeline-event"; inside them the author
// in data-testid="message-author" / "comment-author", the time in <time
// datetime> or a title date, the body in data-testid="message-body" /
// "comment-body", attachments in data-testid="attachment-name".

// frontCapture is the DOM capture of the open conversation's timeline.
func frontCapture() *Capture {
	return &Capture{
		// Unverified against live pages.
		Containers: []string{`[data-testid="conversation-timeline"]`, `[data-testid="conversation-view"]`, `main`},
		File:       "page.html",
		Verified:   false,
	}
}

func frontTestID(n *html.Node) string {
	return attr(n, "data-testid")
}

func isFrontItem(n *html.Node) bool {
	switch frontTestID(n) {
	case "timeline-message", "timeline-comment", "timeline-event":
		return true
	}
	return false
}

// isFrontPage reports whether b holds Front timeline items.
func isFrontPage(b []byte) bool {
	if !bytes.Contains(b, []byte("timeline-message")) && !bytes.Contains(b, []byte("timeline-comment")) {
		return false
	}
	doc, err := parseHTML(b)
	return err == nil && findFirst(doc, isFrontItem) != nil
}

var frontRules = pageRules{
	author: func(n *html.Node) bool {
		id := frontTestID(n)
		return id == "message-author" || id == "comment-author"
	},
	body: func(n *html.Node) bool {
		id := frontTestID(n)
		return id == "message-body" || id == "comment-body"
	},
	attachment: func(n *html.Node) bool { return frontTestID(n) == "attachment-name" },
	kind: func(n *html.Node) blockKind {
		switch frontTestID(n) {
		case "timeline-comment":
			return blockKind{role: thread.Agent, internal: true}
		case "timeline-event":
			return blockKind{event: true}
		}
		switch strings.ToLower(attr(n, "data-direction")) {
		case "inbound":
			return blockKind{role: thread.Customer}
		case "outbound":
			return blockKind{role: thread.Agent}
		}
		return blockKind{role: thread.Unknown}
	},
}

// parseFrontPage reads a captured Front conversation.
func parseFrontPage(f File) (*thread.Thread, error) {
	doc, err := parseHTML(f.Body)
	if err != nil {
		return nil, errs.Wrap(errs.Format, f.Name, err)
	}
	items := findAll(doc, isFrontItem)
	if len(items) == 0 {
		return nil, errs.New(errs.Format, f.Name, "not a Front conversation page (no timeline items)")
	}
	th := &thread.Thread{Source: "front", Complete: true}
	readBlocks(th, items, frontRules)
	th.Ticket.Subject = nodeText(findFirst(doc, func(n *html.Node) bool { return frontTestID(n) == "conversation-subject" }))
	return th, nil
}
