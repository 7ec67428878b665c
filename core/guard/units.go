package guard

import (
	"strings"

	"handoff/core/note"
)

// unit is one text the rules read: a section's Text, or one of its Items
// whose text the Text does not already hold (an item typed on its own).
type unit struct {
	sec   int    // index of the section in the note
	order int    // 0 for the Text, 1+i for item i
	key   string // the section key
	text  string
	toks  []token
	item  bool
	cites []int // an item's own citations
	// spans of the Text that hold an item, with that item's citations.
	within []itemSpan
	specs  []specific // extract(text), once read (see extracted)
	read   bool
}

// extracted returns extract(u.text), reading it once: the citation and
// grounding rules both walk the unit's specifics. Callers must not change
// the slice.
func (u *unit) extracted() []specific {
	if !u.read {
		u.specs, u.read = extractToks(u.text, u.toks), true
	}
	return u.specs
}

type itemSpan struct {
	a, b  int
	cites []int
}

func units(n *note.Note) []*unit {
	var out []*unit
	for si, s := range n.Sections {
		t := &unit{sec: si, key: s.Key, text: s.Text, toks: tokenize(s.Text)}
		from := 0
		for ii, it := range s.Items {
			if it.Text == "" {
				continue
			}
			if i := strings.Index(s.Text[from:], it.Text); i >= 0 {
				a := from + i
				t.within = append(t.within, itemSpan{a, a + len(it.Text), it.Cites})
				from = a + len(it.Text)
				continue
			}
			if i := strings.Index(s.Text, it.Text); i >= 0 {
				t.within = append(t.within, itemSpan{i, i + len(it.Text), it.Cites})
				continue
			}
			out = append(out, &unit{sec: si, order: 1 + ii, key: s.Key, text: it.Text, toks: tokenize(it.Text), item: true, cites: it.Cites})
		}
		out = append(out, t)
	}
	// Text units first within a section, then its separate items.
	sortUnits(out)
	return out
}

func sortUnits(us []*unit) {
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && (us[j].sec < us[j-1].sec || (us[j].sec == us[j-1].sec && us[j].order < us[j-1].order)); j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

// citesAt returns the item citations that cover byte offset a of u.
func (u *unit) citesAt(a int) []int {
	if u.item {
		return u.cites
	}
	for _, w := range u.within {
		if a >= w.a && a < w.b {
			return w.cites
		}
	}
	return nil
}

// sentence returns the token range [i, j) of the sentence holding token k.
func sentence(toks []token, k int) (int, int) {
	i := k
	for i > 0 && !toks[i].sent {
		i--
	}
	j := k + 1
	for j < len(toks) && !toks[j].sent {
		j++
	}
	return i, j
}

// entries splits u into the statements that carry citations: an item is
// one; a Text without items is one per non-empty line. Each is a byte
// range of u.text with the citations it carries outside its text.
func (u *unit) entries() []itemSpan {
	if u.item {
		return []itemSpan{{0, len(u.text), u.cites}}
	}
	if len(u.within) > 0 {
		return u.within
	}
	var out []itemSpan
	off := 0
	for _, ln := range strings.SplitAfter(u.text, "\n") {
		if strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(ln), "-*•0123456789.)")) != "" {
			out = append(out, itemSpan{off, off + len(strings.TrimRight(ln, "\r\n")), nil})
		}
		off += len(ln)
	}
	return out
}
