package facts

import (
	"regexp"
	"strings"
)

// spotted is a pattern whose every match begins at a word start (\b then
// an ASCII letter or digit) with one of a few words, such as "invoice" or
// "Chrome". It is tried, anchored, only at the word starts where can says
// a match may begin, instead of at every byte of the line: the matches
// are the same, found for a fraction of the work.
type spotted struct {
	re, at func() *regexp.Regexp // the pattern, and the pattern anchored at the start
	// can reports whether a match may begin at the word start p of the
	// line s: a necessary condition.
	can func(s string, p int) bool
}

// spot returns expr as a spotted pattern. expr must start every match
// with \b and a word character; can must hold at each match start.
func spot(expr string, can func(s string, p int) bool) *spotted {
	return &spotted{re: lazyRE(expr), at: lazyRE(`^(?:` + expr + `)`), can: can}
}

// all is re.FindAllStringSubmatchIndex(s, -1) for the line s with clues
// c. A line holding "K" (Kelvin sign) or "ſ" (long s) goes to re
// whole: a case-insensitive pattern reads them as "k" and "s", so a match
// could begin there, where \b reads the byte before differently.
func (sp *spotted) all(s string, c *clue) [][]int {
	if c.wide && (strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")) {
		return sp.re().FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for p := 0; p < len(s); p++ {
		if !isASCIIWord(s[p]) || p > 0 && isASCIIWord(s[p-1]) || !sp.can(s, p) {
			continue
		}
		loc := sp.at().FindStringSubmatchIndex(s[p:])
		if loc == nil {
			continue
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += p
			}
		}
		out = append(out, loc)
		p = loc[1] - 1 // the search goes on at the match's end
	}
	return out
}

// strings returns the text of group g of every match (0: the whole).
func (sp *spotted) strings(s string, c *clue, g int) []string {
	var out []string
	for _, m := range sp.all(s, c) {
		if m[2*g] >= 0 {
			out = append(out, s[m[2*g]:m[2*g+1]])
		} else {
			out = append(out, "")
		}
	}
	return out
}

// startsWithAny returns a can function: one of words (lower-case ASCII)
// stands at p in any ASCII case.
func startsWithAny(words ...string) func(s string, p int) bool {
	return func(s string, p int) bool {
		for _, w := range words {
			if hasPrefixASCIIFold(s[p:], w) {
				return true
			}
		}
		return false
	}
}

// hasPrefixASCIIFold reports whether s starts with the lower-case ASCII
// word w, capitals in s read as small letters.
func hasPrefixASCIIFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != w[i] {
			return false
		}
	}
	return true
}

// startsWithDigit is a can function: an ASCII digit stands at p.
func startsWithDigit(s string, p int) bool { return isDigit(s[p]) }
