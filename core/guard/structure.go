package guard

import (
	"strings"

	"handoff/core/note"
)

// placeholders are texts that leave a section empty in effect.
var placeholders = map[string]bool{"": true, "-": true, "—": true, "n/a": true, "na": true, "tbd": true,
	"todo": true, "none": true, "?": true, "...": true, "…": true, "unknown": true, "xxx": true}

// required reports required sections that are absent or empty.
func (c *linter) required() {
	keys := c.opts.Required
	if keys == nil {
		keys = []string{note.Blocker, note.Hypothesis}
	}
	for _, k := range keys {
		idx := len(c.n.Sections)
		empty := true
		for i, s := range c.n.Sections {
			if s.Key != k {
				continue
			}
			idx = i
			text := s.Text
			for _, it := range s.Items {
				text += " " + it.Text
			}
			empty = placeholders[strings.ToLower(strings.Trim(strings.TrimSpace(text), ".!"))]
		}
		if !empty {
			continue
		}
		switch k {
		case note.Blocker:
			c.addSection("blocker.missing", k, idx)
		case note.Hypothesis:
			c.addSection("hypothesis.missing", k, idx)
		default:
			c.addSection("section.missing", k, idx)
		}
	}
}

// tried reports attempts in the tried section that do not state a
// result: no arrow ("→", "->", "=>") and no [outcome] word.
func (c *linter) tried(u *unit) {
	if u.key != note.Tried {
		return
	}
	for _, e := range u.entries() {
		text := u.text[e.a:e.b]
		if absence(text) {
			continue
		}
		if strings.Contains(text, "→") || strings.Contains(text, "->") || strings.Contains(text, "=>") {
			continue
		}
		toks := tokenize(text)
		if len(lex().find("outcome", toks)) > 0 {
			continue
		}
		c.add("tried.no_result", u, e.a, e.b, "")
	}
}

// citations reports statements without any citation and citations to
// messages the thread does not have (only with a thread).
func (c *linter) citations(u *unit) {
	if placeholders[strings.ToLower(strings.Trim(strings.TrimSpace(u.text), ".!"))] {
		return // an empty section is reported once, by required
	}
	specs := u.extracted()
	for _, e := range u.entries() {
		has := len(e.cites) > 0 || absence(u.text[e.a:e.b])
		for _, s := range specs {
			if s.kind == kCite && s.start >= e.a && s.end <= e.b {
				has = true
			}
		}
		if !has {
			c.add("cite.missing", u, e.a, e.b, "")
		}
		if c.th == nil {
			continue
		}
		for _, n := range e.cites {
			if c.th.Message(n) == nil {
				c.add("cite.unknown", u, e.a, e.b, "#"+itoa(n))
			}
		}
	}
	if c.th == nil {
		return
	}
	for _, s := range specs {
		if s.kind != kCite {
			continue
		}
		if n := atoi(s.num); (n < 0 || c.th.Message(n) == nil) && !c.ix.rawFound(s.raw) {
			c.add("cite.unknown", u, s.start, s.end, "the thread has "+itoa(len(c.th.Messages))+" messages")
		}
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// absence reports a statement that something is absent from the thread
// ("No policy is cited in the thread.", "Keine Frist genannt."): it
// cannot cite a message and has no result.
func absence(text string) bool {
	toks := tokenize(text)
	for _, h := range lex().find("absence", toks) {
		if h.i == 0 {
			return true
		}
	}
	return false
}
