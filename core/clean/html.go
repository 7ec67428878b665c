package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLToText renders HTML as plain text without removing anything, for
// bodies that are not e-mail (internal notes, chat turns, rendered Jira
// comments). Paragraphs, headings and block elements become lines, <br>
// a line break, list items "- item"; <pre> keeps its spacing; script,
// style and head are dropped; entities are decoded. Malformed HTML is read
// the way a browser would, invalid UTF-8 becomes U+FFFD; it never fails.
// A body over MaxBodyBytes is cut there, with a marker at the end.
//
//	clean.HTMLToText("<p>Hi&nbsp;Ana</p><ul><li>one</li><li>two</li></ul>")
//	// "Hi Ana\n\n- one\n- two"
func HTMLToText(body string) string {
	body, more := limitBody(body)
	body = strings.ToValidUTF8(body, "\uFFFD")
	doc, err := parseHTML(body)
	if err != nil {
		return joinParts(strings.TrimSpace(body), more)
	}
	return joinParts(render(doc), more)
}

// splitHTML parses body, takes out the quoted reply blocks and signature
// blocks mail clients mark, and renders the three parts as text.
func splitHTML(body string) (visible, quoted, sig string) {
	body = strings.ToValidUTF8(body, "\uFFFD")
	doc, err := parseHTML(body)
	if err != nil {
		return strings.TrimSpace(body), "", ""
	}
	var q, s []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case c.Type != html.ElementNode:
			case isSignatureNode(c):
				s = append(s, render(c))
				n.RemoveChild(c)
			case isQuoteNode(c):
				q = append(q, render(c))
				n.RemoveChild(c)
			case isReplyCut(c):
				q = append(q, cutFrom(c))
				return
			case isSignatureCut(c):
				s = append(s, cutFrom(c))
				return
			default:
				walk(c)
				if c.Parent == nil {
					return
				}
			}
			c = next
		}
	}
	walk(doc)
	return render(doc), joinParts(q...), joinParts(s...)
}

// cutFrom removes c, its following siblings and those of its ancestors
// (Outlook puts the quoted message after its header block), and returns
// their text.
func cutFrom(c *html.Node) string {
	var parts []string
	for n := c; n != nil && n.Parent != nil; n = n.Parent {
		var level []*html.Node
		for s := n; s != nil; {
			next := s.NextSibling
			if s != n || n == c {
				level = append(level, s)
				s.Parent.RemoveChild(s)
			}
			s = next
		}
		if t := renderNodes(level); t != "" {
			parts = append(parts, t)
		}
	}
	return joinParts(parts...)
}

// isQuoteNode: blockquote (Apple Mail type=cite included), Gmail's
// gmail_quote, Yahoo's yahoo_quoted, Thunderbird's moz-cite-prefix.
func isQuoteNode(n *html.Node) bool {
	if n.DataAtom == atom.Blockquote {
		return true
	}
	return hasClass(n, "gmail_quote", "gmail_quote_container", "yahoo_quoted", "moz-cite-prefix", "protonmail_quote", "OutlookMessageHeader")
}

// isReplyCut: Outlook's reply header containers, after which everything
// is the quoted message: div#divRplyFwdMsg, #appendonsend, and a
// border-top separator div holding a From/Sent/To/Subject block.
func isReplyCut(n *html.Node) bool {
	id := attr(n, "id")
	if id == "divRplyFwdMsg" || id == "appendonsend" {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if n.DataAtom == atom.Div && strings.Contains(style, "border-top:solid") {
		lines := splitLines(render(n))
		for i := range lines {
			if _, ok := outlookBlock(lines, i); ok {
				return true
			}
		}
	}
	return false
}

// isSignatureNode: the signature containers of Gmail, Thunderbird and Outlook.
func isSignatureNode(n *html.Node) bool {
	return hasClass(n, "gmail_signature", "moz-signature") || attr(n, "id") == "Signature"
}

// isSignatureCut: a marker after which everything is the signature —
// Zammad's js-signatureMarker, which its editor puts before a signature.
func isSignatureCut(n *html.Node) bool {
	return hasClass(n, "js-signatureMarker")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, names ...string) bool {
	for c := range strings.FieldsSeq(attr(n, "class")) {
		for _, name := range names {
			if c == name {
				return true
			}
		}
	}
	return false
}
