package guard

import (
	"strings"
)

// phraseRules maps the lexicon lists to their rules.
var phraseRules = []struct{ list, rule string }{
	{"temperament", "temperament"},
	{"blame", "blame"},
	{"gossip", "gossip"},
	{"presume", "presumes_solution"},
	{"filler", "filler"},
}

// phrases applies the lexicon's phrase lists to u. An entry marked "? "
// counts only when said of a person: a [person] word or customer name as
// its subject ("the customer is very upset", "el cliente está molesto":
// only [link] words between) or its head ("angry customer", "verärgerter
// Kunde"); its span then starts at the person. An entry marked "! "
// counts only when its sentence has no citation or specific.
func (c *linter) phrases(u *unit) {
	for _, pr := range phraseRules {
		var keep []hit
		for _, h := range lex().find(pr.list, u.toks) {
			if h.e.person {
				p, ok := c.person(u.toks, h.i, h.j)
				if !ok {
					continue
				}
				if p < h.i {
					h.i = p
				} else {
					h.j = p + 1
				}
			}
			if h.e.bare && c.evidenced(u, h.i) {
				continue
			}
			keep = append(keep, h)
		}
		for _, h := range outermost(keep) {
			c.add(pr.rule, u, u.toks[h.i].start, u.toks[h.j-1].end, "")
		}
	}
}

// person finds who a phrase at toks[i:j] is said of: a person word before
// it with only link words between (up to five), or right after it (one
// word may come between, unless it is a [break] word). It returns that
// word's index.
func (c *linter) person(toks []token, i, j int) (int, bool) {
	found := -1
	for k, steps := i-1, 0; k >= 0 && steps < 6; k, steps = k-1, steps+1 {
		if toks[k+1].clause {
			break
		}
		if c.isPerson(toks[k].s) {
			found = k // keep going: "el cliente está" starts at "cliente"
			continue
		}
		if !lex().in("link", toks[k].s) {
			break
		}
	}
	if found >= 0 {
		return found, true
	}
	for k := j; k < len(toks) && k < j+2; k++ {
		if toks[k].clause {
			break
		}
		if c.isPerson(toks[k].s) {
			return k, true
		}
		if lex().in("break", toks[k].s) {
			break
		}
	}
	return 0, false
}

func (c *linter) isPerson(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	return lex().in("person", w) || c.names[w]
}

// evidenced reports whether the sentence around token k carries a
// citation or a specific (any digit), or sits in an item with citations.
func (c *linter) evidenced(u *unit, k int) bool {
	if len(u.citesAt(u.toks[k].start)) > 0 {
		return true
	}
	i, j := sentence(u.toks, k)
	a, b := u.toks[i].start, u.toks[j-1].end
	if j < len(u.toks) {
		b = u.toks[j].start
	}
	return strings.ContainsAny(u.text[a:b], "0123456789")
}

// banned reports the team's extra phrases as filler.
func (c *linter) banned(u *unit) {
	for _, phrase := range c.opts.Banned {
		want := tokenize(phrase)
		if len(want) == 0 {
			continue
		}
		for i := 0; i+len(want) <= len(u.toks); i++ {
			ok := true
			for k := range want {
				if u.toks[i+k].s != want[k].s {
					ok = false
					break
				}
			}
			if ok {
				c.add("filler", u, u.toks[i].start, u.toks[i+len(want)-1].end, "the team bans this phrase")
			}
		}
	}
}
