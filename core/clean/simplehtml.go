package clean

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML parses body into the tree html.Parse builds. Most message
// bodies are small well-formed fragments of a few tags ("<div><p>Hi,</p>
// <blockquote>…</blockquote></div>"); for those, parseSimple builds the
// same tree in one pass, several times faster and with far less garbage.
// Anything else goes to html.Parse.
func parseHTML(body string) (*html.Node, error) {
	if doc, ok := parseSimple(body); ok {
		return doc, nil
	}
	return html.Parse(strings.NewReader(body))
}

// parseSimple builds the tree html.Parse would for a fragment in which
// every tag is one of simpleTag's, written plainly (`<div class="x">`,
// `<br/>`), nested well (each end tag closes the current element, all
// closed at the end), where no rule of the HTML tree builder other than
// plain insertion applies: no block or <p> inside an open <p>, no <li>
// inside an open <li>, no <a> inside an open <a>, no heading inside a
// heading. Text may hold any
// entity; attribute values no '&'. Anything else (comments, doctypes,
// tables, NUL or CR, a stray '<', malformed tags) returns ok false, and
// the caller uses html.Parse. The equivalence is checked against
// html.Parse by TestSimpleHTML and FuzzSimpleHTML.
func parseSimple(s string) (doc *html.Node, ok bool) {
	if strings.IndexByte(s, 0) >= 0 || strings.IndexByte(s, '\r') >= 0 {
		return nil, false
	}
	// About one node per '<' (a start tag, or the text after an end tag),
	// and the document, html, head and body nodes.
	st := simpleState{nodes: make([]html.Node, strings.Count(s, "<")+5), attrs: make([]html.Attribute, 0, strings.Count(s, "="))}
	doc, root, head, body := st.node(), st.node(), st.node(), st.node()
	doc.Type = html.DocumentNode
	root.Type, root.DataAtom, root.Data = html.ElementNode, atom.Html, "html"
	head.Type, head.DataAtom, head.Data = html.ElementNode, atom.Head, "head"
	body.Type, body.DataAtom, body.Data = html.ElementNode, atom.Body, "body"
	doc.AppendChild(root)
	root.AppendChild(head)
	root.AppendChild(body)
	st.stack = append(make([]*html.Node, 0, 16), body)
	start, wrapped, ok := st.wrapper(s, root, head, body)
	if !ok {
		return nil, false
	}
	for i := start; i < len(s); {
		end := strings.IndexByte(s[i:], '<')
		if end < 0 {
			end = len(s)
		} else {
			end += i
		}
		if end > i {
			t := html.UnescapeString(s[i:end])
			if i == 0 && !wrapped { // the tree builder drops space before the first content
				t = strings.TrimLeft(t, " \t\n\f\r")
			}
			if st.after && strings.TrimLeft(t, " \t\n\f") != "" {
				return nil, false
			}
			st.text(t)
		}
		if end == len(s) {
			break
		}
		next, ok := st.tag(s, end)
		if !ok {
			return nil, false
		}
		i = next
	}
	return doc, len(st.stack) == 1
}

// simpleState is the stack of open elements and what parseSimple must
// know of it.
type simpleState struct {
	stack       []*html.Node
	p, li, a, h int              // open <p>, <li>, <a>, <h1>…<h6>
	after       bool             // </body> or </html> was read: only space may follow
	nodes       []html.Node      // allocated in blocks
	attrs       []html.Attribute // the tags' attributes, allocated in blocks
}

func (st *simpleState) top() *html.Node { return st.stack[len(st.stack)-1] }

func (st *simpleState) node() *html.Node {
	if len(st.nodes) == 0 {
		st.nodes = make([]html.Node, 8)
	}
	n := &st.nodes[0]
	st.nodes = st.nodes[1:]
	return n
}

func (st *simpleState) text(t string) {
	if t == "" {
		return
	}
	top := st.top()
	if last := top.LastChild; last != nil && last.Type == html.TextNode {
		last.Data += t
		return
	}
	n := st.node()
	n.Type, n.Data = html.TextNode, t
	top.AppendChild(n)
}

// simpleTag classifies the tags parseSimple reads: blocks close an open
// <p> in html.Parse (so are refused inside one), voids have no end tag.
func simpleTag(a atom.Atom) (block, void, ok bool) {
	switch a {
	case atom.Div, atom.Blockquote, atom.Ul, atom.Ol, atom.P, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true, false, true
	case atom.Hr:
		return true, true, true
	case atom.Br, atom.Img:
		return false, true, true
	case atom.Span, atom.Sub, atom.Sup, atom.A, atom.B, atom.I, atom.U, atom.Strong, atom.Em, atom.Font, atom.Code, atom.S, atom.Small, atom.Big, atom.Strike, atom.Tt:
		return false, false, true
	}
	return false, false, false
}

// wrapper reads the start tags a whole document opens with into root,
// head and body: <html> and <body> with any attributes, a <head> holding
// only <meta> elements, and nothing between them but space after <html>
// (which the tree builder ignores). It returns where the body's content
// starts and wrapped true; a body opening otherwise returns 0 and wrapped
// false, and one with any other wrapper (space inside the head, a title,
// a style …) ok false.
func (st *simpleState) wrapper(s string, root, head, body *html.Node) (start int, wrapped, ok bool) {
	i := len(s) - len(strings.TrimLeft(s, " \t\n\f"))
	var self bool
	if startTagAt(s, i, "html") {
		if root.Attr, i, self, ok = st.readAttrs(s, i+len("<html")); !ok || self {
			return 0, false, false
		}
		i += len(s[i:]) - len(strings.TrimLeft(s[i:], " \t\n\f"))
		if startTagAt(s, i, "head") {
			if head.Attr, i, self, ok = st.readAttrs(s, i+len("<head")); !ok || self {
				return 0, false, false
			}
			for startTagAt(s, i, "meta") {
				m := st.node()
				m.Type, m.DataAtom, m.Data = html.ElementNode, atom.Meta, "meta"
				if m.Attr, i, _, ok = st.readAttrs(s, i+len("<meta")); !ok {
					return 0, false, false
				}
				head.AppendChild(m)
			}
			if !endTagAt(s, i, "head") {
				return 0, false, false
			}
			i += len("</head>")
		}
		if !startTagAt(s, i, "body") {
			return 0, false, false
		}
	}
	if !startTagAt(s, i, "body") {
		return 0, false, true
	}
	if body.Attr, i, self, ok = st.readAttrs(s, i+len("<body")); !ok || self {
		return 0, false, false
	}
	return i, true, true
}

// startTagAt reports whether s holds the start tag <name (any case) at i.
func startTagAt(s string, i int, name string) bool {
	j := i + 1 + len(name)
	return j < len(s) && s[i] == '<' && strings.EqualFold(s[i+1:j], name) && (isTagSpace(s[j]) || s[j] == '>' || s[j] == '/')
}

// endTagAt reports whether s holds the end tag </name> (any case) at i.
func endTagAt(s string, i int, name string) bool {
	j := i + 2 + len(name)
	return j < len(s) && strings.HasPrefix(s[i:], "</") && strings.EqualFold(s[i+2:j], name) && s[j] == '>'
}

// maxSimpleTag is the length of the longest name simpleTag reads
// ("blockquote").
const maxSimpleTag = 10

// tag reads the tag at s[i] == '<' and returns the index after it.
func (st *simpleState) tag(s string, i int) (int, bool) {
	i++
	closing := i < len(s) && s[i] == '/'
	if closing {
		i++
	}
	n := i
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		n++
	}
	if n == i || n == len(s) || n-i > maxSimpleTag {
		return 0, false
	}
	var name [maxSimpleTag]byte
	for k := i; k < n; k++ {
		name[k-i] = s[k] | 0x20 // ASCII letters: lower case
	}
	a := atom.Lookup(name[:n-i])
	if closing && (a == atom.Body || a == atom.Html) && len(st.stack) == 1 {
		for n < len(s) && isTagSpace(s[n]) {
			n++
		}
		if n == len(s) || s[n] != '>' {
			return 0, false
		}
		st.after = true // the body stays open: space after it goes in
		return n + 1, true
	}
	block, void, ok := simpleTag(a)
	if !ok || st.after {
		return 0, false
	}
	if !ok {
		return 0, false
	}
	if closing {
		for n < len(s) && isTagSpace(s[n]) {
			n++
		}
		if n == len(s) || s[n] != '>' || void || st.top().DataAtom != a || len(st.stack) == 1 {
			return 0, false
		}
		st.stack = st.stack[:len(st.stack)-1]
		st.count(a, -1)
		return n + 1, true
	}
	attrs, n, selfClosing, ok := st.readAttrs(s, n)
	if !ok || selfClosing && !void {
		return 0, false
	}
	if block && st.p > 0 || a == atom.Li && st.li > 0 || a == atom.A && st.a > 0 || heading(a) && st.h > 0 {
		return 0, false
	}
	if formatting(a) && len(attrs) > 1 { // html.Parse sorts these to compare them
		slices.SortFunc(attrs, func(x, y html.Attribute) int {
			return cmp.Or(cmp.Compare(x.Key, y.Key), cmp.Compare(x.Val, y.Val))
		})
	}
	e := st.node()
	e.Type, e.DataAtom, e.Data, e.Attr = html.ElementNode, a, a.String(), attrs
	st.top().AppendChild(e)
	if !void {
		st.stack = append(st.stack, e)
		st.count(a, 1)
	}
	return n, true
}

func (st *simpleState) count(a atom.Atom, d int) {
	switch a {
	case atom.P:
		st.p += d
	case atom.Li:
		st.li += d
	case atom.A:
		st.a += d
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		st.h += d
	}
}

// formatting: the formatting elements of the HTML tree builder that
// parseSimple reads.
func formatting(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

// heading: html.Parse closes an open heading when another one starts.
func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// readAttrs reads attributes from s[i] to the tag's '>' and returns them,
// the index after '>' and whether the tag ends in "/>".
func (st *simpleState) readAttrs(s string, i int) (attrs []html.Attribute, next int, selfClosing, ok bool) {
	start := len(st.attrs)
	// own hands out this tag's part of the block, full, so that nothing
	// appended later overwrites it; nil when the tag has no attributes.
	own := func() []html.Attribute {
		if len(st.attrs) == start {
			return nil
		}
		return st.attrs[start:len(st.attrs):len(st.attrs)]
	}
	for {
		sp := i
		for i < len(s) && isTagSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return nil, 0, false, false
		}
		switch s[i] {
		case '>':
			return own(), i + 1, false, true
		case '/':
			if i+1 < len(s) && s[i+1] == '>' {
				return own(), i + 2, true, true
			}
			return nil, 0, false, false
		}
		if i == sp { // attributes are separated by space
			return nil, 0, false, false
		}
		k := i
		for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '-' || s[i] == '_' || s[i] == ':') {
			i++
		}
		if i == k || i == len(s) {
			return nil, 0, false, false
		}
		key := strings.ToLower(s[k:i])
		for _, at := range st.attrs[start:] {
			if at.Key == key { // html.Parse keeps the first; not worth following
				return nil, 0, false, false
			}
		}
		val := ""
		if s[i] == '=' {
			i++
			if i == len(s) {
				return nil, 0, false, false
			}
			q := s[i]
			if q != '"' && q != '\'' {
				return nil, 0, false, false
			}
			e := strings.IndexByte(s[i+1:], q)
			if e < 0 {
				return nil, 0, false, false
			}
			val = s[i+1 : i+1+e]
			if strings.IndexByte(val, '&') >= 0 {
				return nil, 0, false, false
			}
			i += e + 2
		}
		st.attrs = append(st.attrs, html.Attribute{Key: key, Val: val})
	}
}

// isTagSpace: the space the tokenizer skips inside a tag (CR is refused
// before parsing).
func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' }
