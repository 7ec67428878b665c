package source

import (
	"bytes"
	"path"
	"strings"

	"golang.org/x/net/html"

	"handoff/core/errs"
	"handoff/core/thread"
)

// The "html" adapter is the last resort: it reads a captured container
// from any page — a ticket page of a helpdesk Handoff has no reader for,
// or what the agent selected with "select the conversation and draft".
//
// It looks for the largest group of repeated sibling blocks (same tag and
// a shared class or data-* attribute, each holding text) and reads each
// block as one message:
//
//   - author: an element whose class, aria-label or data-testid says
//     author, sender, from, name, person, byline or avatar (whose title or alt
//     holds the name); or a "From:" row;
//   - time: <time datetime>, a datetime or title attribute holding a date,
//     or date-looking text in a short element;
//   - role and visibility from the block's own classes and data-*
//     attributes: note, internal, private, whisper ⇒ internal (a lock icon
//     too); customer, requester, contact, incoming ⇒ customer; agent,
//     staff, outgoing, operator ⇒ agent; bot ⇒ bot; system, activity,
//     lineitem, event ⇒ an event instead of a message;
//   - body: the deepest text-rich element whose class says body, content,
//     text, message or prose, else the block without its author and time.
//
// Only when nothing repeats does it fall back to one message per
// paragraph block. Blocks in newest-first order (FreeScout) are read in
// chronological order when their times say so.
//
// Bad input: markup is repaired as a browser would; a page with no text
// at all fails with E_EMPTY.
func init() {
	register(Adapter{
		Name:     "html",
		Priority: 1000,
		Detect: func(files []File) bool {
			return pageHTML(files) != nil
		},
		Parse: parseGenericHTML,
	})
}

func parseGenericHTML(p Payload) (*thread.Thread, error) {
	f := pageHTML(p.Files)
	if f == nil {
		return nil, errs.New(errs.Format, p.Files[0].Name, "not an HTML page or capture")
	}
	doc, err := parseHTML(f.Body)
	if err != nil {
		return nil, errs.Wrap(errs.Format, f.Name, err)
	}
	th := &thread.Thread{Source: "html", Complete: true}
	items := repeatedBlocks(doc)
	if len(items) == 0 {
		for i, b := range paragraphBlocks(doc) {
			th.Messages = append(th.Messages, thread.Message{N: i + 1, Text: b, Visibility: thread.Public, Author: thread.Person{Role: thread.Unknown}})
		}
	} else {
		readBlocks(th, items, genericRules)
	}
	th.Ticket.Subject = pageSubject(doc, items)
	if len(th.Messages) == 0 {
		return nil, errs.New(errs.Empty, f.Name, "no messages found on the page")
	}
	return th, nil
}

// genericRules finds parts of a block by what their names say.
var genericRules = pageRules{
	author: func(n *html.Node) bool {
		return n.Data != "time" && hasMarker(n, "author", "sender", "from", "byline", "person", "name", "username", "creator", "avatar") &&
			!hasMarker(n, "filename", "file", "time", "date", "timestamp")
	},
	body: func(n *html.Node) bool {
		return hasMarker(n, "body", "content", "text", "message", "prose", "richtext")
	},
	kind: markerKind,
}

// skipped elements never hold messages.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "nav": true,
	"svg": true, "select": true, "button": true, "form": true, "head": true, "iframe": true,
}

// inline tags are never message blocks (paragraphs are the fallback).
var inline = map[string]bool{
	"p": true, "span": true, "a": true, "b": true, "i": true, "em": true, "strong": true,
	"br": true, "img": true, "code": true, "font": true, "small": true, "label": true,
	"option": true, "td": true, "th": true, "input": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "time": true, "abbr": true, "u": true,
}

// repeatedBlocks returns the best group of sibling blocks sharing a tag and
// a class or data-* attribute, in document order, or nil.
func repeatedBlocks(doc *html.Node) []*html.Node {
	var best []*html.Node
	bestScore := 0.0
	var walk func(*html.Node)
	walk = func(parent *html.Node) {
		groups := map[string][]*html.Node{}
		var keys []string
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.Data] {
				continue
			}
			walk(c)
			if inline[c.Data] {
				continue
			}
			for _, sig := range signatures(c) {
				if groups[sig] == nil {
					keys = append(keys, sig)
				}
				groups[sig] = append(groups[sig], c)
			}
		}
		for _, k := range keys {
			g := groups[k]
			if len(g) < 2 {
				continue
			}
			if s := groupScore(g); s > bestScore {
				best, bestScore = g, s
			}
		}
	}
	walk(doc)
	return best
}

// signatures are a block's grouping keys: tag.class for each class, and
// tag[data-x] for each data-* attribute.
func signatures(n *html.Node) []string {
	var out []string
	for _, c := range strings.Fields(attr(n, "class")) {
		out = append(out, n.Data+"."+c)
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-") {
			out = append(out, n.Data+"["+a.Key+"]")
		}
	}
	return out
}

// groupScore favours groups of text-bearing blocks that carry an author
// or a time, so a navigation list or a message's own paragraphs lose to
// the messages.
func groupScore(g []*html.Node) float64 {
	score, withText := 0.0, 0
	for _, n := range g {
		t := nodeText(n)
		if t == "" {
			continue
		}
		withText++
		score += 1 + min(float64(len(t))/80, 3)
		if findFirst(n, genericRules.author) != nil {
			score += 2
		}
		if _, tn := blockTime(n); tn != nil {
			score += 2
		}
	}
	if withText < 2 {
		return 0
	}
	return score
}

// paragraphBlocks splits a page with no repeated blocks into its text
// paragraphs.
func paragraphBlocks(doc *html.Node) []string {
	var out []string
	for _, n := range findAll(doc, func(n *html.Node) bool {
		switch n.Data {
		case "p", "li", "pre", "blockquote", "h1", "h2", "h3", "tr":
			return true
		}
		return false
	}) {
		if t := nodeText(n); t != "" {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		if t := nodeText(doc); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// pageSubject is the first heading outside the message blocks, else the
// document title.
func pageSubject(doc *html.Node, items []*html.Node) string {
	inItem := func(n *html.Node) bool {
		for _, it := range items {
			if closest(n, func(a *html.Node) bool { return a == it }) != nil {
				return true
			}
		}
		return false
	}
	for _, h := range findAll(doc, func(n *html.Node) bool { return n.Data == "h1" || n.Data == "h2" }) {
		if t := nodeText(h); t != "" && !inItem(h) {
			return t
		}
	}
	return nodeText(findFirst(doc, byTag("title")))
}

// isPageName reports whether a file name is an HTML page capture.
func isPageName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// pageHTML returns the first HTML capture among files: a file named
// *.html, or a lone file whose content starts with markup.
func pageHTML(files []File) *File {
	for i := range files {
		if isPageName(files[i].Name) {
			return &files[i]
		}
	}
	if len(files) == 1 {
		b := bytes.TrimSpace(bytes.TrimPrefix(files[0].Body, []byte("\xef\xbb\xbf")))
		if bytes.HasPrefix(b, []byte("<")) && !bytes.HasPrefix(b, []byte("<?xml")) {
			return &files[0]
		}
	}
	return nil
}

// anyJSON reports whether some file is a .json response.
func anyJSON(files []File) bool {
	for _, f := range files {
		if strings.HasSuffix(strings.ToLower(f.Name), ".json") {
			return true
		}
	}
	return false
}
