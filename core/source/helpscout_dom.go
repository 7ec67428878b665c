package source

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"handoff/core/errs"
	"handoff/core/thread"
)

// Help Scout page reader. Every selector here is the project's best
// reading of the Help Scout conversation view and is UNVERIFIED against a
// live page (Capture.Verified is false) until a real capture confirms it:
// a thread item carries data-cy="ThreadItem" or the class c-ThreadItem
// (Help Scout's design-system "c-" naming) and its type in
// data-thread-type (customer, message, note, lineitem, chat, phone) or an
// is-<type> class; inside it, the author in data-cy="ThreadAuthor" /
// .c-ThreadItem__author, the time in <time datetime>, the body in
// data-cy="ThreadBody" / .c-ThreadItem__body, attachments in
// data-cy="ThreadAttachment" / .c-Attachment__name.

// helpScoutCapture is the DOM capture of the conversation's thread list.
func helpScoutCapture() *Capture {
	return &Capture{
		// Unverified against live pages.
		Containers: []string{`[data-cy="ThreadList"]`, `.c-ThreadList`, `#conversation-threads`, `main`},
		File:       "page.html",
		Verified:   false,
	}
}

func isHelpScoutItem(n *html.Node) bool {
	return attr(n, "data-cy") == "ThreadItem" || hasClass(n, "c-ThreadItem")
}

// isHelpScoutPage reports whether b holds Help Scout thread items.
func isHelpScoutPage(b []byte) bool {
	if !bytes.Contains(b, []byte("ThreadItem")) {
		return false
	}
	doc, err := parseHTML(b)
	return err == nil && findFirst(doc, isHelpScoutItem) != nil
}

var helpScoutRules = pageRules{
	author: func(n *html.Node) bool {
		return attr(n, "data-cy") == "ThreadAuthor" || hasClass(n, "c-ThreadItem__author")
	},
	body: func(n *html.Node) bool {
		return attr(n, "data-cy") == "ThreadBody" || hasClass(n, "c-ThreadItem__body")
	},
	attachment: func(n *html.Node) bool {
		return attr(n, "data-cy") == "ThreadAttachment" || hasClass(n, "c-Attachment__name")
	},
	kind: func(n *html.Node) blockKind {
		typ := strings.ToLower(attr(n, "data-thread-type"))
		for _, t := range []string{"customer", "message", "note", "lineitem", "chat", "phone"} {
			if typ == "" && hasClass(n, "is-"+t) {
				typ = t
			}
		}
		switch typ {
		case "customer":
			return blockKind{role: thread.Customer}
		case "note":
			return blockKind{role: thread.Agent, internal: true}
		case "lineitem":
			return blockKind{event: true}
		case "message", "phone":
			return blockKind{role: thread.Agent}
		}
		return blockKind{role: thread.Unknown}
	},
}

// parseHelpScoutPage reads a captured Help Scout conversation.
func parseHelpScoutPage(f File) (*thread.Thread, error) {
	doc, err := parseHTML(f.Body)
	if err != nil {
		return nil, errs.Wrap(errs.Format, f.Name, err)
	}
	items := findAll(doc, isHelpScoutItem)
	if len(items) == 0 {
		return nil, errs.New(errs.Format, f.Name, "not a Help Scout conversation page (no thread items)")
	}
	th := &thread.Thread{Source: "helpscout", Complete: true}
	readBlocks(th, items, helpScoutRules)
	th.Ticket.Subject = nodeText(findFirst(doc, func(n *html.Node) bool {
		return attr(n, "data-cy") == "ConversationSubject" || hasClass(n, "c-ConversationSubject")
	}))
	return th, nil
}
