package clean

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// header is a reply header found at a line: the lines [start, end) hold it.
type header struct {
	end int
	// weak headers ("2013/11/1 Ana <a@x.io>") count only when ">" lines
	// follow; strong ones cut the rest of the body.
	weak bool
}

// headerAt reports whether a reply header starts at lines[i]: an
// attribution line ("On … wrote:", possibly wrapped over three lines, in
// any listed language), an "Original Message" separator, or an Outlook
// From/Sent/To/Subject block.
func headerAt(lines []string, i int) (header, bool) {
	l := lines[i]
	if blank(l) || quoted(l) || utf8.RuneCountInString(l) > maxHeaderRunes {
		return header{}, false
	}
	if len(l) <= maxOriginalBytes && !hasDigit(l) && reOriginal().MatchString(l) {
		return header{end: i + 1}, true
	}
	if end, ok := outlookBlock(lines, i); ok {
		return header{end: end}, true
	}
	joined := trimRule(l)
	// found holds a header without its colon ("On … Ana wrote"), used
	// only when no wrapped header with a colon continues it.
	var found *header
	for k := 0; k < 3 && i+k < len(lines); k++ {
		if k > 0 {
			next := lines[i+k]
			if k == 1 && (!hasDigit(l) || strings.ContainsAny(lastRune(l), ".!?")) {
				break
			}
			if blank(next) || quoted(next) && !closesAddress(next) || utf8.RuneCountInString(next) > maxHeaderRunes {
				break
			}
			joined = trimRule(joined + " " + strings.TrimSpace(next))
		}
		if h, ok := attribution(joined); ok {
			h.end = i + k + 1
			return h, true
		}
		if k == 0 && hasDigit(joined) && leadWord(joined) && reLeadNoColon().MatchString(joined) {
			found = &header{end: i + 1}
		}
	}
	if found != nil {
		return *found, true
	}
	return header{}, false
}

// verbTailBytes: a reply verb with its colon fits in the last bytes of a
// line (the longest, "skrev følgende:", is under 20); verbEnd only reads
// them, so long lines cost no more than short ones.
const verbTailBytes = 64

// tailBytes returns about the last n bytes of s, cut at a rune start.
func tailBytes(s string, n int) string {
	s = strings.TrimRight(s, " \t")
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// maxOriginalBytes: an "-----Original Message-----" line in any listed
// language is shorter; longer lines skip that regexp.
const maxOriginalBytes = 120

// leadWords are the first words of replyLead ("on", "am", "le" …).
var leadWords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, alt := range strings.Split(replyLead, "|") {
		w := strings.NewReplacer(`\.?`, "", `,?`, "").Replace(strings.Fields(alt)[0])
		set[w] = true
	}
	return set
})

// leadWord reports whether s starts with a word that opens an attribution
// line in some language: a cheap test before reLeadNoColon.
func leadWord(s string) bool {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return false
	}
	return leadWords()[strings.ToLower(strings.TrimRight(s[:i], ".,"))]
}

// hasDigit reports a decimal digit in any script (what reDigit matches),
// without the regexp: it runs on every line.
func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r > utf8.RuneSelf && unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// hasAddr reports an e-mail address, testing for "@" before the regexp.
func hasAddr(s string) bool {
	return strings.IndexByte(s, '@') >= 0 && reAddr().MatchString(s)
}

// trimRule drops the rule some clients draw around an attribution:
// "---- On Wed, 24 Feb 2021 … wrote ----".
func trimRule(l string) string {
	return strings.Trim(strings.TrimSpace(l), "-—=* ")
}

// lastRune returns the last non-space character of l.
func lastRune(l string) string {
	t := strings.TrimSpace(l)
	if t == "" {
		return ""
	}
	_, n := utf8.DecodeLastRuneInString(t)
	return t[len(t)-n:]
}

// closesAddress reports the ">:" a client leaves when it wraps an address.
func closesAddress(l string) bool {
	t := strings.TrimSpace(l)
	return t == ">:" || t == ">"
}

// attribution judges one (joined) attribution line.
func attribution(s string) (header, bool) {
	if utf8.RuneCountInString(s) > maxHeaderRunes || !hasDigit(s) && !hasAddr(s) {
		return header{}, false
	}
	colon := strings.HasSuffix(strings.TrimRight(s, " \t"), ":") // all three below end in one
	if colon && (verbEnd(s) || leadWord(s) && reLeadVerb().MatchString(s)) {
		return header{}, true
	}
	if colon && strings.Contains(s, "@") && reAddrColon().MatchString(s) && hasDigit(strings.SplitN(s, "<", 2)[0]) {
		return header{}, true
	}
	if reISODate().MatchString(s) && hasAddr(s) && strings.HasSuffix(strings.TrimRight(s, " :"), ">") {
		return header{weak: true}, true
	}
	return header{}, false
}

// outlookBlock finds a From/Sent/To/Subject block (labels in any listed
// language, bold or not) starting at i and returns the index after it.
func outlookBlock(lines []string, i int) (int, bool) {
	field, ok := labelField(lines[i])
	if !ok {
		return 0, false
	}
	seen := map[string]bool{field: true}
	end := i + 1
	for j := i + 1; j < len(lines) && j < i+8; j++ {
		if blank(lines[j]) || j > end+1 {
			break // a blank line, or two lines in a row that are no label
		}
		if f, ok := labelField(lines[j]); ok {
			seen[f] = true
			end = j + 1
		}
	}
	if seen["from"] && len(seen) >= 3 {
		return end, true
	}
	return 0, false
}

// labelField returns which header field a "Label: value" line names.
func labelField(l string) (string, bool) {
	c := strings.IndexByte(l, ':')
	if c < 0 || c > 48 {
		return "", false // labels are short: a cheap test before the regexp
	}
	if !labelPrefix(l[:c]) {
		return "", false
	}
	m := reHeaderLabel().FindStringSubmatch(l)
	if m == nil {
		return "", false
	}
	label := strings.ToLower(strings.TrimSpace(m[1]))
	for field, names := range headerLabels {
		for _, n := range names {
			if label == n {
				return field, true
			}
		}
	}
	return "", false
}

// labelPrefix reports whether s (a line up to its first colon) holds only
// what reHeaderLabel allows there: letters, space, '*' and '_'. Lines such
// as "Reply 1: …" or "https://…" skip the regexp.
func labelPrefix(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" \t\n\f\r*_", r) {
			return false
		}
	}
	return true
}

// separator reports a line that only draws a rule ("-----", "_____").
func separator(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) < 3 {
		return false
	}
	return strings.Trim(t, "-_=*") == "" || strings.Trim(t, "—") == ""
}
