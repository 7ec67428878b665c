package clean

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Word-list tests that run on many lines. A case-insensitive regexp over
// a long alternation costs microseconds per line; these look the words up
// instead, with the same meaning as the lists in lang.go.

// phraseSet is a list of lower-case phrases, each looked up whole.
type phraseSet struct {
	set      map[string]bool
	maxASCII int // bytes of the longest ASCII phrase
}

// newPhraseSet reads a "|"-separated list of lower-case phrases.
func newPhraseSet(list string) phraseSet {
	ps := phraseSet{set: map[string]bool{}}
	for _, p := range strings.Split(list, "|") {
		ps.set[p] = true
		if isASCII(p) {
			ps.maxASCII = max(ps.maxASCII, len(p))
		}
	}
	return ps
}

// has reports whether s, lower-cased, is one of the phrases. An ASCII s
// longer than every ASCII phrase is refused before lower-casing it (its
// lower case is ASCII of the same length, so only an ASCII phrase of that
// length could equal it).
func (ps phraseSet) has(s string) bool {
	if len(s) > ps.maxASCII && isASCII(s) {
		return false
	}
	return ps.set[strings.ToLower(s)]
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// closingSet holds closingPhrases.
var closingSet = sync.OnceValue(func() phraseSet { return newPhraseSet(closingPhrases) })

// closingLine reports a line that is only a closing, with any emphasis
// before it and punctuation or emoji after it: "Best regards,",
// "*Mit freundlichen Grüßen*", "Cheers! 🙂". Any other line is not one.
func closingLine(l string) bool {
	if len(l) > maxClosingBytes {
		return false
	}
	t := strings.TrimLeftFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' })
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.!:;-*_", r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r)
	})
	return closingSet().has(t)
}

// forwardSet holds forwardPhrases.
var forwardSet = sync.OnceValue(func() phraseSet { return newPhraseSet(forwardPhrases) })

// maxForwardBytes: a forward header line, rules included, is shorter.
const maxForwardBytes = 160

// forwardLine reports a line that heads a forwarded message: a phrase of
// forwardPhrases, possibly quoted (">"), emphasised, between dash rules
// or followed by a colon.
func forwardLine(l string) bool {
	if len(l) > maxForwardBytes {
		return false
	}
	t := strings.TrimLeftFunc(l, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' || r == '>' })
	t = strings.TrimLeftFunc(strings.TrimLeft(t, "-"), unicode.IsSpace)
	t = strings.TrimRightFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' })
	t = strings.TrimRightFunc(strings.TrimRight(t, "-"), unicode.IsSpace)
	t = strings.TrimRightFunc(strings.TrimSuffix(t, ":"), unicode.IsSpace)
	return forwardSet().has(t)
}

// replyVerbs lists replyVerb's alternatives as plain lower-case words:
// "napisał\(a\)" becomes "napisał(a)", "skrev(?: følgende)?" both "skrev
// følgende" and "skrev".
var replyVerbs = sync.OnceValue(func() []string {
	optional := regexp.MustCompile(`\(\?:([^)]*)\)\?`)
	var vs []string
	for _, alt := range strings.Split(replyVerb, "|") {
		alt = strings.NewReplacer(`\(`, "(", `\)`, ")").Replace(alt)
		if m := optional.FindStringSubmatchIndex(alt); m != nil {
			vs = append(vs, alt[:m[0]]+alt[m[2]:m[3]]+alt[m[1]:])
			alt = alt[:m[0]] + alt[m[1]:]
		}
		vs = append(vs, strings.ToLower(alt))
	}
	return vs
})

// verbEnd reports whether s ends with a reply verb and a colon, the verb
// at the start or after a space, comma, ">" or ")": "… Ana <a@x.io>
// wrote:", "… Ana a écrit :". Only the end of s is read.
func verbEnd(s string) bool {
	t := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(t, ":") {
		return false
	}
	low := strings.ToLower(strings.TrimRight(tailBytes(t[:len(t)-1], verbTailBytes), " \t"))
	for _, v := range replyVerbs() {
		if !strings.HasSuffix(low, v) {
			continue
		}
		pre := low[:len(low)-len(v)]
		r, _ := utf8.DecodeLastRuneInString(pre)
		if pre == "" || unicode.IsSpace(r) || strings.ContainsRune(",>)", r) {
			return true
		}
	}
	return false
}
