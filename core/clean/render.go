package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderer writes text with at most two pending line breaks between blocks.
type renderer struct {
	b        strings.Builder
	newlines int  // line breaks owed before the next text
	space    bool // a space is owed before the next text
	pre      int  // depth inside <pre>
}

// render returns the text of n and its descendants.
func render(n *html.Node) string {
	var r renderer
	r.b.Grow(textSize(n))
	r.node(n)
	return strings.TrimSpace(r.b.String())
}

// renderNodes returns the text of sibling nodes rendered as they stood
// together ("a<br>b" stays two lines, not two paragraphs).
func renderNodes(ns []*html.Node) string {
	var r renderer
	size := 0
	for _, n := range ns {
		size += textSize(n)
	}
	r.b.Grow(size)
	for _, n := range ns {
		r.node(n)
	}
	return strings.TrimSpace(r.b.String())
}

// textSize is about the size of n's rendered text, so that it is written
// into one buffer: the bytes of its text nodes and a few per element for
// the line breaks and list markers the element may add.
func textSize(n *html.Node) int {
	switch n.Type {
	case html.TextNode:
		return len(n.Data)
	case html.ElementNode:
		size := 2
		if n.DataAtom == atom.Img {
			size += len(attr(n, "alt")) + 2
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			size += textSize(c)
		}
		return size
	}
	size := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += textSize(c)
	}
	return size
}

func (r *renderer) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Head, atom.Title, atom.Noscript, atom.Template, atom.Iframe, atom.Object:
			return
		case atom.Br:
			r.lineBreak()
			return
		case atom.Hr:
			r.breaks(1)
			r.text("---")
			r.breaks(1)
			return
		case atom.Img:
			if alt := strings.TrimSpace(attr(n, "alt")); alt != "" {
				r.text("[" + alt + "]")
			}
			return
		}
	}
	gap := blockGap(n)
	r.breaks(gap)
	switch n.DataAtom {
	case atom.Li:
		r.text("- ")
	case atom.Pre:
		r.pre++
	case atom.Td, atom.Th:
		r.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
	if n.DataAtom == atom.Pre {
		r.pre--
	}
	if n.DataAtom == atom.A {
		if href := attr(n, "href"); strings.HasPrefix(href, "http") && !strings.Contains(lastLine(r.b.String()), href) {
			r.text(" <" + href + ">")
		}
	}
	r.breaks(gap)
}

// blockGap: paragraphs and headings are separated by a blank line, other
// blocks by a line break, inline elements by nothing.
func blockGap(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.Table:
		return 2
	case atom.Div, atom.Li, atom.Tr, atom.Dt, atom.Dd, atom.Dl, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Figure, atom.Figcaption, atom.Address, atom.Center, atom.Body, atom.Html:
		return 1
	}
	return 0
}

func (r *renderer) breaks(n int) {
	if r.b.Len() > 0 && n > r.newlines {
		r.newlines = n
	}
}

// lineBreak is a <br>: it ends the current line, and on a line that is
// still empty it adds an empty line, as a browser shows "a<br><br>b" and
// "<div>a</div><div><br></div><div>b</div>" with a blank line between.
func (r *renderer) lineBreak() {
	if r.b.Len() > 0 {
		r.newlines++
	}
}

// text writes s; outside <pre> its runs of white space (as strings.Fields
// finds them) become one space, and space at either end is owed to what
// comes next.
func (r *renderer) text(s string) {
	if r.pre > 0 {
		r.separate()
		r.b.WriteString(s)
		return
	}
	lead := len(s) > 0 && isSpace(s[0])
	trail := len(s) > 0 && isSpace(s[len(s)-1])
	word := nextWord(s, 0)
	if word == len(s) {
		if lead || trail {
			r.space = true
		}
		return
	}
	if lead {
		r.space = true
	}
	r.separate()
	writeWords(&r.b, s, word)
	r.space = trail
}

// separate writes the line breaks or the space owed before new text.
func (r *renderer) separate() {
	if r.newlines > 0 {
		for ; r.newlines > 0; r.newlines-- {
			r.b.WriteByte('\n')
		}
		r.space = false
	} else if r.space && r.b.Len() > 0 {
		r.b.WriteByte(' ')
	}
	r.space = false
}

// writeWords writes the words of s from index i (the start of a word)
// on, one space between them: strings.Join(strings.Fields(s[i:]), " ")
// without building either.
func writeWords(b *strings.Builder, s string, i int) {
	for i < len(s) {
		end := wordEnd(s, i)
		b.WriteString(s[i:end])
		i = nextWord(s, end)
		if i < len(s) {
			b.WriteByte(' ')
		}
	}
}

// wordEnd returns the index of the first white-space rune (unicode.IsSpace,
// as strings.Fields) at or after i, or len(s).
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += w
	}
	return i
}

// nextWord returns the index of the first rune at or after i that is not
// white space, or len(s).
func nextWord(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += w
	}
	return i
}

// asciiSpace holds the ASCII runes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
