package source

// Small golang.org/x/net/html helpers shared by the page (DOM) readers.
// They never fail on bad markup: x/net/html repairs anything the way a
// browser would, and every helper accepts a nil node.

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML parses a captured page or container (a full document or a
// fragment such as one element's outerHTML) and returns the document node.
// Broken markup is repaired as a browser would; only a read failure, which
// cannot happen on a byte slice, returns an error.
//
//	doc, _ := parseHTML([]byte(`<div class="a b"><p>Hi</div>`))
//	findFirst(doc, byClass("b")) // the <div>
func parseHTML(b []byte) (*html.Node, error) {
	return html.Parse(bytes.NewReader(b))
}

// attr returns the value of n's attribute key (case-insensitive name), or
// "" when n is nil, not an element, or has no such attribute.
func attr(n *html.Node, key string) string {
	if n == nil || n.Type != html.ElementNode {
		return ""
	}
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether element n carries attribute key at all (even
// empty, as in <div data-part>).
func hasAttr(n *html.Node, key string) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// hasClass reports whether element n has class c among its
// space-separated classes: hasClass(<div class="note private">, "private")
// is true, hasClass(…, "priv") is false.
func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// hasClassPrefix reports whether one of n's classes starts with prefix, for
// UIs that append generated suffixes ("conversation__part--x7a").
func hasClassPrefix(n *html.Node, prefix string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if strings.HasPrefix(f, prefix) {
			return true
		}
	}
	return false
}

// byClass returns a matcher for elements having class c.
func byClass(c string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, c) }
}

// byTag returns a matcher for elements of the given tag name ("time").
func byTag(tag string) func(*html.Node) bool {
	tag = strings.ToLower(tag)
	return func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == tag }
}

// byAttr returns a matcher for elements whose attribute key equals val, or
// that merely carry key when val is "".
func byAttr(key, val string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if val == "" {
			return hasAttr(n, key)
		}
		return attr(n, key) == val
	}
}

// findAll returns the descendants of root (root excluded) that match, in
// document order. It does not descend into a match, so nested look-alikes
// (a quoted message inside a message) are not returned twice.
func findAll(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if root == nil {
		return nil
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && match(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// findFirst returns the first descendant of root, in document order, that
// matches, or nil.
func findFirst(root *html.Node, match func(*html.Node) bool) *html.Node {
	if root == nil {
		return nil
	}
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && match(c) {
			return c
		}
		if f := findFirst(c, match); f != nil {
			return f
		}
	}
	return nil
}

// closest returns n itself or its nearest ancestor that matches, or nil.
func closest(n *html.Node, match func(*html.Node) bool) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && match(n) {
			return n
		}
	}
	return nil
}

// innerHTML renders n's children back to HTML, e.g. to hand a message body
// to clean.HTML. It returns "" for nil.
func innerHTML(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c) // writing to a strings.Builder cannot fail
	}
	return b.String()
}

// nodeText returns the text a reader sees in n on one line: script, style
// and template content skipped, runs of white space collapsed to one
// space, trimmed. For an author name or a timestamp label, not for message
// bodies (those go through clean.HTML or clean.HTMLToText).
//
//	<span class="name"> Ana
//	  <b>Lima</b></span>   >> "Ana Lima"
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// pageTime returns the time a captured message block states, or the zero
// time. It looks, in order, at n and its descendants for a <time datetime>,
// then a datetime, data-timestamp, data-time or data-created-at attribute,
// then the title of an element whose class mentions "time" or "date".
// Values may be RFC 3339 (with or without seconds or zone) or Unix seconds
// or milliseconds; anything else is skipped.
//
//	<div><time datetime="2026-03-02T09:14:00Z">2h ago</time></div>  >> 2026-03-02 09:14:00 UTC
//	<span data-timestamp="1772442840">2h</span>                      >> 2026-03-02 09:14:00 UTC
func pageTime(n *html.Node) time.Time {
	if n == nil {
		return time.Time{}
	}
	if t := findFirst(n, byTag("time")); t != nil {
		if v, ok := parsePageTime(attr(t, "datetime")); ok {
			return v
		}
	}
	var found time.Time
	keys := []string{"datetime", "data-timestamp", "data-time", "data-created-at"}
	scan := func(c *html.Node) bool {
		for _, k := range keys {
			if v, ok := parsePageTime(attr(c, k)); ok {
				found = v
				return true
			}
		}
		cls := strings.ToLower(attr(c, "class"))
		if strings.Contains(cls, "time") || strings.Contains(cls, "date") {
			if v, ok := parsePageTime(attr(c, "title")); ok {
				found = v
				return true
			}
		}
		return false
	}
	if scan(n) || findFirst(n, scan) != nil {
		return found
	}
	return time.Time{}
}

// parsePageTime reads one attribute value as a time (see pageTime).
func parsePageTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		switch {
		case n > 1e11 && n < 1e14: // milliseconds
			return time.UnixMilli(n).UTC(), true
		case n > 1e8 && n <= 1e11: // seconds
			return time.Unix(n, 0).UTC(), true
		}
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// capturedPage returns the page capture among files: the file named
// page.html, else the first *.html or *.htm file, else nil.
func capturedPage(files []File) *File {
	if f := find(files, "page.html"); f != nil {
		return f
	}
	for i := range files {
		n := strings.ToLower(files[i].Name)
		if strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm") {
			return &files[i]
		}
	}
	return nil
}
