package redact

import (
	"strings"

	"handoff/core/internal/textindex"
)

// Pre-filters: for each rule, a cheap scan of the text that is true
// whenever the rule's regexp could match and its validity check pass, so
// the regexp only runs over the few messages that may hold such a value
// (most messages hold none, and the regexps with case folding or no
// literal prefix are the costly part of redaction). Each is a necessary
// condition, never a guess: FuzzPrefilterExact checks that Apply answers
// the same with and without them.

// usePrefilters is turned off by the tests that compare both paths.
var usePrefilters = true

// secretPrefixes are the literal starts of rule 1's key shapes.
var secretPrefixes = []string{"sk-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
	"xoxa-", "xoxb-", "xoxp-", "xoxr-", "AKIA", "AIza", "eyJ", "_live_", "_test_"}

func maySecretShape(s string) bool {
	for _, p := range secretPrefixes {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// foldTraps are the non-ASCII runes that (?i) matches against ASCII
// letters: KELVIN SIGN (k) and LATIN SMALL LETTER LONG S (s). Text with
// either skips the ASCII-only case-insensitive pre-filters.
func foldTraps(s string) bool {
	return strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f")
}

func maySecretLabel(s string) bool {
	return foldTraps(s) || containsFold(s, "api") || containsFold(s, "token") ||
		containsFold(s, "secret") || containsFold(s, "bearer")
}

func mayPassword(s string) bool {
	if !strings.ContainsAny(s, ":=") {
		return false
	}
	return foldTraps(s) || containsFold(s, "pass") || containsFold(s, "pwd") || containsFold(s, "contrase")
}

// digitRuns describes the rules whose matches are made of digits and a
// few separators only (cards, phones): such a match lies inside one
// maximal run of those bytes, and the rule needs at least minDigits
// digits in it. Apply then runs the regexp over each long enough run
// alone (with one byte of context either side for \b), not over the
// whole text: a date or a version elsewhere in a message no longer makes
// the regexp read all of it.
type digitRuns struct {
	sep       [256]bool // the separators allowed between digits
	minDigits int
}

func newDigitRuns(seps string, minDigits int) *digitRuns {
	d := &digitRuns{minDigits: minDigits}
	for i := 0; i < len(seps); i++ {
		d.sep[seps[i]] = true
	}
	return d
}

// cardRuns: a card match is digits, spaces and hyphens with 13–19 digits.
var cardRuns = newDigitRuns(" -", 13)

// phoneRuns: a phone match is digits, white space and ".-()+" with at
// least 8 digits (phoneLike).
var phoneRuns = newDigitRuns(" \t\n\v\f\r.-()+", 8)

// runs returns the [start, end) byte ranges of the maximal runs of digits
// and separators holding at least minDigits digits.
func (d *digitRuns) runs(s string) [][2]int {
	var out [][2]int
	start, digits := -1, 0
	flush := func(end int) {
		if start >= 0 && digits >= d.minDigits {
			out = append(out, [2]int{start, end})
		}
		start, digits = -1, 0
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			digits++
		case d.sep[c]:
		default:
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return out
}

// runFinder returns the byte ranges of s that hold every match of a rule.
type runFinder interface {
	runs(s string) [][2]int
}

// addressRuns: an e-mail match is letters, digits, "._%+-" and one "@",
// so it lies inside a maximal run of those bytes that holds an "@". Text
// with a fold trap ((?i) reads "\u212a" as k, "\u017f" as s) is one run.
type addressRuns struct{}

func (addressRuns) runs(s string) [][2]int {
	if strings.IndexByte(s, '@') < 0 {
		return nil
	}
	if foldTraps(s) {
		return [][2]int{{0, len(s)}}
	}
	return textindex.AddressRuns(s)
}

// replaceRuns is re.ReplaceAllStringFunc(s, repl) for a rule whose matches
// lie inside the runs f finds: each run is matched with the byte before
// and after it as context (they are never part of a match, but decide
// \b), so the result is the same.
func replaceRuns(s string, f runFinder, replace func(string) string) string {
	runs := f.runs(s)
	if len(runs) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, r := range runs {
		lo, hi := max(r[0]-1, 0), min(r[1]+1, len(s))
		got := replace(s[lo:hi])
		pre, post := r[0]-lo, hi-r[1]
		b.WriteString(s[last:r[0]])
		b.WriteString(got[pre : len(got)-post])
		last = r[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// mayIBAN: an IBAN starts with two capital letters and two digits.
func mayIBAN(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if isUpper(s[i]) && isUpper(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// mayPlaceholder: Restore only has work where a placeholder may be.
func mayPlaceholder(s string) bool { return strings.IndexByte(s, '[') >= 0 }

// containsFold reports whether s contains needle (lower-case ASCII
// letters and spaces) under ASCII case folding.
func containsFold(s, needle string) bool {
	n := len(needle)
	first := needle[0]
	for i := 0; i+n <= len(s); i++ {
		if lower[s[i]] != first {
			continue
		}
		j := 1
		for j < n && lower[s[i+j]] == needle[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// lower maps ASCII capitals to small letters and every other byte to
// itself.
var lower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if isUpper(byte(i)) {
			t[i] = byte(i) + 'a' - 'A'
		}
	}
	return t
}()

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
