package source

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"handoff/core/clean"
	"handoff/core/thread"
)

// pageRules says how to read one message block of a page: which elements
// hold the author, the time and the body, and what kind of entry the
// block is. The generic reader and the helpdesk page readers share it.
type pageRules struct {
	author func(*html.Node) bool
	body   func(*html.Node) bool
	kind   func(*html.Node) blockKind
	// attachment matches an attachment's name element; nil skips them.
	attachment func(*html.Node) bool
}

// blockKind is what one block is.
type blockKind struct {
	role     thread.Role
	internal bool
	event    bool // a status line or activity, not a message
}

// readBlocks appends one message (or event) per block to th, in
// chronological order when the blocks' times show newest first.
func readBlocks(th *thread.Thread, blocks []*html.Node, r pageRules) {
	if newestFirst(blocks) {
		rev := make([]*html.Node, len(blocks))
		for i, b := range blocks {
			rev[len(blocks)-1-i] = b
		}
		blocks = rev
	}
	for _, b := range blocks {
		k := r.kind(b)
		at, timeNode := blockTime(b)
		authorNode := findFirst(b, r.author)
		author := authorName(authorNode)
		if author == "" {
			author = fromRow(b)
		}
		if k.event {
			if timeNode != nil && timeNode != b {
				timeNode.Parent.RemoveChild(timeNode)
			}
			if t := strings.Trim(nodeText(b), " ·•-"); t != "" {
				th.Events = append(th.Events, thread.Event{At: at, Kind: thread.OtherChange, To: t, By: author})
			}
			continue
		}
		m := thread.Message{ID: blockID(b), At: at, Author: thread.Person{Name: author, Role: k.role}, Visibility: thread.Public}
		if k.internal {
			m.Visibility, m.Channel = thread.Internal, "note"
			if m.Author.Role == thread.Unknown || m.Author.Role == "" {
				m.Author.Role = thread.Agent // only agents write internal notes
			}
		}
		if r.attachment != nil {
			for _, a := range findAll(b, r.attachment) {
				if t := nodeText(a); t != "" {
					m.Attachments = append(m.Attachments, t)
				}
			}
		}
		body := bodyHTML(b, authorNode, timeNode, r)
		if k.internal {
			m.Text = clean.HTMLToText(body)
		} else {
			c := clean.HTML(body)
			m.Text, m.Quoted, m.Forwarded = c.Text, c.Quoted, c.Forwarded
		}
		if strings.TrimSpace(m.Text) == "" && m.Quoted == "" && len(m.Attachments) == 0 {
			continue
		}
		th.Messages = append(th.Messages, m)
	}
	sameAuthorSameRole(th.Messages)
}

// sameAuthorSameRole gives a message of unknown role the role its author
// has elsewhere in the thread (an agent who wrote an internal note is an
// agent on their public replies too). Names with two roles are left alone.
func sameAuthorSameRole(ms []thread.Message) {
	roles := map[string]thread.Role{}
	for _, m := range ms {
		name, r := m.Author.Name, m.Author.Role
		if name == "" || r == thread.Unknown || r == "" {
			continue
		}
		if old, ok := roles[name]; ok && old != r {
			roles[name] = thread.Unknown
			continue
		}
		roles[name] = r
	}
	for i := range ms {
		if r := roles[ms[i].Author.Name]; (ms[i].Author.Role == thread.Unknown || ms[i].Author.Role == "") && r != "" {
			ms[i].Author.Role = r
		}
	}
}

// bodyHTML is the deepest body-like element holding most of the block's
// text and neither its author nor its time, else the block itself with
// its author, time and header removed.
func bodyHTML(b, authorNode, timeNode *html.Node, r pageRules) string {
	contains := func(n, x *html.Node) bool {
		return x != nil && closest(x, func(a *html.Node) bool { return a == n }) != nil
	}
	var best *html.Node
	bestLen := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if r.body(c) && !r.author(c) && !contains(c, authorNode) && !contains(c, timeNode) {
				l := len(nodeText(c))
				// a deeper candidate with nearly as much text is the
				// body itself rather than a wrapper around meta lines
				if l > 0 && (best == nil || l*5 >= bestLen*4) {
					bestLen = max(bestLen, l)
					best = c
				}
			}
			walk(c)
		}
	}
	walk(b)
	if best != nil && bestLen*4 >= len(nodeText(b)) {
		return innerHTML(best)
	}
	for _, n := range []*html.Node{authorNode, timeNode, findFirst(b, byTag("header"))} {
		if n != nil && n.Parent != nil && n != b {
			n.Parent.RemoveChild(n)
		}
	}
	return innerHTML(b)
}

// authorName reads a name from an author element: its text, else its
// aria-label, title or an avatar's alt ("Sent by Ana" ⇒ "Ana").
func authorName(n *html.Node) string {
	if n == nil {
		return ""
	}
	name := nodeText(n)
	if hasMarker(n, "avatar") || len([]rune(name)) <= 2 {
		name = "" // initials or an image: the full name is in an attribute
	}
	for _, e := range append([]*html.Node{n}, findAllDeep(n, func(*html.Node) bool { return true })...) {
		for _, src := range []string{attr(e, "aria-label"), attr(e, "title"), attr(e, "alt")} {
			if name == "" {
				name = strings.TrimSpace(src)
			}
		}
	}
	if i := strings.Index(strings.ToLower(name), "sent by "); i >= 0 {
		name = name[i+len("sent by "):]
	}
	if len(name) > 120 {
		return ""
	}
	return strings.Trim(name, " :·•-")
}

// fromLabels are the "From" labels of e-mail header rows in the languages
// the cleaner knows.
var fromLabels = map[string]bool{
	"from": true, "von": true, "de": true, "da": true, "van": true, "från": true, "fra": true,
	"od": true, "от": true, "lähettäjä": true, "remitente": true, "expéditeur": true, "mittente": true,
}

// fromRow finds a header row "From: Name <address>" (a label element
// followed by its value) and returns the value.
func fromRow(b *html.Node) string {
	for _, n := range findAll(b, func(n *html.Node) bool {
		return fromLabels[strings.ToLower(strings.TrimRight(nodeText(n), ": "))] && len(nodeText(n)) < 20
	}) {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if t := strings.TrimSpace(nodeText(s)); t != "" {
				return t
			} else if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
				return strings.TrimSpace(s.Data)
			}
		}
		if s := strings.TrimSpace(strings.TrimPrefix(nodeText(n.Parent), nodeText(n))); s != "" && n.Parent != b {
			return s
		}
	}
	return ""
}

// blockID is the helpdesk's id for a block: its first data-*id attribute
// (data-message-id, data-thread_id, data-entry-id …), else its id.
func blockID(b *html.Node) string {
	for _, a := range b.Attr {
		k := strings.ToLower(a.Key)
		if strings.HasPrefix(k, "data-") && (k == "data-id" || strings.HasSuffix(k, "-id") || strings.HasSuffix(k, "_id")) && a.Val != "" {
			return a.Val
		}
	}
	return attr(b, "id")
}

// markerKind reads a block's kind from the words in its classes and
// data-* attributes, and from a lock icon inside it.
func markerKind(b *html.Node) blockKind {
	k := blockKind{role: thread.Unknown}
	switch {
	case hasMarker(b, "system", "activity", "lineitem", "event", "audit", "log"):
		k.event = true
	case hasMarker(b, "bot", "chatbot", "automation"):
		k.role = thread.Bot
	case hasMarker(b, "customer", "requester", "contact", "enduser", "incoming", "inbound", "visitor", "client"):
		k.role = thread.Customer
	case hasMarker(b, "agent", "staff", "outgoing", "outbound", "operator", "teammate", "admin"):
		k.role = thread.Agent
	}
	k.internal = hasMarker(b, "note", "internal", "private", "whisper") ||
		findFirst(b, func(n *html.Node) bool { return nodeText(n) == "" && hasMarker(n, "lock") }) != nil
	return k
}

// hasMarker reports whether one of n's class names, data-* attribute
// names or short values, aria-label or data-testid contains one of words
// as a whole word ("is-internal", "thread-type-note", "privateNote";
// not "footnotes" or "unlocked").
func hasMarker(n *html.Node, words ...string) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		var texts []string
		switch {
		case key == "class" || key == "aria-label" || key == "role":
			texts = []string{a.Val}
		case strings.HasPrefix(key, "data-"):
			texts = []string{key[len("data-"):]}
			if v := strings.ToLower(a.Val); v == "false" || v == "0" {
				continue
			}
			if len(a.Val) <= 40 {
				texts = append(texts, a.Val)
			}
		}
		for _, t := range texts {
			for _, seg := range segments(t) {
				for _, w := range words {
					if seg == w {
						return true
					}
				}
			}
		}
	}
	return false
}

// segments splits "thread-type-note isInternal" into thread, type, note,
// is, internal — and also yields the joined pairs ("lineitem" from
// "line-item", "enduser" from "end_user").
func segments(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) && prevLower:
			flush()
			cur = append(cur, r)
		case unicode.IsLetter(r):
			cur = append(cur, r)
		default:
			flush()
		}
		prevLower = unicode.IsLower(r)
	}
	flush()
	n := len(out)
	for i := 0; i+1 < n; i++ {
		out = append(out, out[i]+out[i+1])
	}
	return out
}

// findAllDeep is findAll that also descends into matches.
func findAllDeep(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if match(c) {
					out = append(out, c)
				}
				walk(c)
			}
		}
	}
	if root != nil {
		walk(root)
	}
	return out
}
