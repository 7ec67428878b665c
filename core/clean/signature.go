package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// reNameDash: "-Abhishek Kona", "— Ana" (a dash right before a name).
	reNameDash = lazyRegexp(`^\s*[-–—]\s?\p{Lu}[\p{L}'.-]*(\s\p{Lu}[\p{L}'.-]*){0,3}\s*$`)
	// rePhone, reURL and reContactLabel mark contact lines in a name block.
	rePhone        = lazyRegexp(`\+?\d[\d ()./-]{6,}\d`)
	reURL          = lazyRegexp(`(?i)(https?://|www\.|\b[\p{L}\d-]+\.(com|org|net|io|nl|de|fr|es|it|pt|pl|se|dk|fi|no|ru|co|uk|eu|be|ch|at)\b)`)
	reContactLabel = lazyRegexp(`(?i)^[\s*_]*(tel|phone|mobile|mob|cell|fax|office|direct|m|t|p|f|e|w|email|e-mail|web|skype)\s*[.:]`)
)

// signatureStart returns the index in lines where a trailing signature
// begins, or -1. A body that is only a closing ("Thanks!") stays visible;
// one that is only a signature leaves Text empty.
//
// Starts it knows: the "-- " delimiter; a device line ("Sent from my
// iPhone", "Von meinem iPhone gesendet"); a closing ("Best regards,",
// "Mit freundlichen Grüßen", "Cordialement") followed by a short name
// block; a "-Name" line; a name line that opens a block of contact lines;
// a legal disclaimer paragraph; a mailing-list footer rule. Each start only
// counts when what follows it is short and signature-like, so a sentence
// such as "Sent from my desk, is much easier" or "with regards to the
// payment" stays in the text.
func signatureStart(lines []string) int {
	first := nextContent(lines, 0)
	s := signatureFrom(lines, first)
	if s <= first {
		return s
	}
	// A lone name line right above the signature ("Ana" before a
	// disclaimer) signs the message too.
	p := s - 1
	for p > first && blank(lines[p]) {
		p--
	}
	if p > first && blank(lines[p-1]) && nameLine(lines[p]) && !addressing(lines[p]) && countFields(lines[p], 4) <= 3 {
		return p
	}
	return s
}

// onlySignature reports lines that are blank or a signature from their
// first content line on (a mailing-list footer under a quote).
func onlySignature(lines []string) bool {
	first := nextContent(lines, 0)
	return first == len(lines) || signatureFrom(lines, first) == first
}

// signatureFrom is signatureStart with candidates from index first on.
func signatureFrom(lines []string, first int) int {
	after := make([]int, len(lines)+1) // after[i]: non-blank lines in lines[i:]
	for i := len(lines) - 1; i >= 0; i-- {
		after[i] = after[i+1]
		if !blank(lines[i]) {
			after[i]++
		}
	}
	for i := max(first, 0); i < len(lines); i++ {
		l := lines[i]
		if blank(l) {
			continue
		}
		t := strings.TrimRight(l, " \t")
		if t == "--" || l == "-- " {
			return i
		}
		if after[i+1] > maxSignatureLines {
			continue // every other start needs a short tail: keeps long bodies linear
		}
		tail := lines[i+1:]
		paraStart := i == 0 || blank(lines[i-1])
		switch {
		case after[i+1] <= 10 && len(l) <= maxDeviceBytes && deviceFirst(l) && reDevice().MatchString(l) && !strings.Contains(l, ", "):
			return i
		case closingLine(l) && shortTail(tail, 8) && (i > first || after[i+1] > 0):
			return i
		case dashFirst(l) && reNameDash().MatchString(l) && !strings.HasPrefix(strings.TrimSpace(l), "- ") && shortTail(tail, 8):
			return i
		case separator(l) && strings.Contains(l, "___") && after[i+1] <= 10:
			return i
		case paraStart && nameLine(l) && countFields(l, 2) >= 2 && !addressing(l) && after[i+1] <= 25 && contactBlock(tail) && shortLines(lines[i:paragraphEnd(lines, i)]):
			return i
		case paraStart && disclaimerAt(lines, i) && after[paragraphEnd(lines, i)] <= 10:
			return i
		case !paraStart && disclaimerLine(l) && after[i+1] <= 10:
			return i
		}
	}
	return -1
}

// Cheap length tests before the word-list regexps, which run on many
// lines: a closing line is only the closing ("Mit freundlichen Grüßen,"),
// a device line a short phrase.
const (
	maxClosingBytes = 64
	maxDeviceBytes  = 160
)

// deviceInitials are the letters reDevice's phrases start with, in every
// case (?i) matches: a line starting otherwise skips the regexp.
const deviceInitials = "sSſgGeEvViIwWlLоОᲂ"

// deviceFirst reports a line whose first character after the space,
// '*' and '_' reDevice skips is one of deviceInitials.
func deviceFirst(l string) bool {
	t := strings.TrimLeft(l, " \t\n\f\r*_")
	r, _ := utf8.DecodeRuneInString(t)
	return t != "" && strings.ContainsRune(deviceInitials, r)
}

// dashFirst reports a line whose first non-space character is a dash.
func dashFirst(l string) bool {
	t := strings.TrimLeft(l, " \t")
	return strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "—")
}

// shortTail reports whether the lines after a signature start look like a
// name block: at most max non-blank lines, none a long sentence or a
// question (a disclaimer paragraph is allowed).
func shortTail(tail []string, max int) bool {
	n := 0
	for i := 0; i < len(tail); i++ {
		l := tail[i]
		if blank(l) {
			continue
		}
		t := strings.TrimSpace(l)
		if utf8.RuneCountInString(t) > 80 && (i == 0 || blank(tail[i-1])) && disclaimerAt(tail, i) {
			i = paragraphEnd(tail, i) - 1
			continue
		}
		n++
		if n > max || utf8.RuneCountInString(t) > 80 || strings.HasSuffix(t, "?") || quoted(l) {
			return false
		}
	}
	return true
}

// shortLines reports lines none of which is longer than a name-block
// line (80 characters): a name opening a paragraph of prose is no signature.
func shortLines(lines []string) bool {
	for _, l := range lines {
		if utf8.RuneCountInString(strings.TrimSpace(l)) > 80 {
			return false
		}
	}
	return true
}

// nameLine reports a line that reads as a person's name, possibly with a
// title after "|" or ",": "Karen The Green", "*Richard Lindhout* | *Owner*".
func nameLine(l string) bool {
	t := strings.Trim(strings.TrimSpace(l), "*_")
	if i := strings.IndexAny(t, "|,"); i > 0 {
		t = t[:i]
	}
	n := 0
	for w := range strings.FieldsSeq(strings.Trim(t, "*_ ")) {
		if n++; n > 4 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && !strings.ContainsRune(".'-", c) {
				return false
			}
		}
	}
	return n > 0
}

// countFields is len(strings.Fields(s)), counting no further than max.
func countFields(s string, max int) int {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n >= max {
			break
		}
	}
	return n
}

// contactBlock reports at least two contact lines (phone, e-mail, web,
// "Tel:") among the next twelve lines.
func contactBlock(tail []string) bool {
	n := 0
	for i, l := range tail {
		if i >= 12 {
			break
		}
		// reURL and reContactLabel need a '.' or ':'; phoneLine a digit.
		if phoneLine(l) || hasAddr(l) || strings.ContainsAny(l, ".:") && (reURL().MatchString(l) || reContactLabel().MatchString(l)) {
			n++
		}
	}
	return n >= 2
}

// addressing reports a line that greets or addresses someone ("Guten
// Tag,", "Dear Ana", "Hello team,"): it opens a message and is never the
// name line of a signature. A line ending in a comma leads into what
// follows, as a greeting does.
func addressing(l string) bool {
	return reGreeting().MatchString(l) || strings.HasSuffix(strings.TrimRight(l, " \t*_"), ",")
}

// reDateLike: "02.04.2026", "2026-04-02", "4/2/26" — dates, not phones.
var reDateLike = lazyRegexp(`^\d{1,4}([./-])\d{1,2}([./-])\d{1,4}$`)

// phoneLine reports a line holding a phone number; a date is not one.
func phoneLine(l string) bool {
	if !hasDigit(l) {
		return false
	}
	for _, m := range rePhone().FindAllString(l, 4) {
		if !reDateLike().MatchString(m) {
			return true
		}
	}
	return false
}

// disclaimerAt reports a paragraph at lines[i] that opens with a legal
// disclaimer: in its first line, or under a first line that names one
// ("CONFIDENTIALITY NOTICE", "Disclaimer:"). A paragraph of text that
// merely ends in a disclaimer is not one.
func disclaimerAt(lines []string, i int) bool {
	para := lines[i:min(paragraphEnd(lines, i), i+maxDisclaimerLines)]
	if !disclaimerWordIn(para) {
		return false
	}
	loc := reDisclaimer().FindStringIndex(strings.Join(para, " "))
	return loc != nil && (loc[0] <= len(lines[i]) || reDisclaimerHeading().MatchString(lines[i]))
}

// disclaimerLine reports a line that opens with a legal disclaimer, in a
// body written without blank lines.
func disclaimerLine(l string) bool {
	if !disclaimerWordIn([]string{l}) {
		return false
	}
	loc := reDisclaimer().FindStringIndex(l)
	return loc != nil && strings.TrimSpace(l[:loc[0]]) == ""
}

// reDisclaimerHeading: a line that announces a disclaimer below it.
var reDisclaimerHeading = lazyRegexp(`(?i)^[\s*_-]*(confidential|disclaimer|legal notice|privileged|haftungsausschluss|vertraulich|avis de confidentialit|aviso (legal|de confidencialidad)|avvertenza|riservat)`)

// maxDisclaimerLines: a longer paragraph is read by its first lines only.
const maxDisclaimerLines = 20

// paragraphEnd returns the index of the first blank line at or after i
// (looking no further than a disclaimer's length).
func paragraphEnd(lines []string, i int) int {
	end := i + maxDisclaimerLines
	for i < len(lines) && i < end && !blank(lines[i]) {
		i++
	}
	return i
}

// disclaimerWords is a cheap first test before reDisclaimer (see
// disclaimerWordIn).
var disclaimerWords = []string{"confiden", "privileg", "intended", "in error", "by mistake", "vertrau", "riservat", "vertrouw", "poufn", "konfident", "fortrolig", "luottamu", "конфиденц"}

// disclaimerWordIn reports whether lines, joined by spaces and
// lower-cased, hold one of disclaimerWords. ASCII lines are joined and
// lower-cased on the stack: strings.Join and strings.ToLower would
// allocate for nearly every paragraph.
func disclaimerWordIn(lines []string) bool {
	var buf [1024]byte
	low, ok := buf[:0], true
	for k, l := range lines {
		if k > 0 {
			if len(low) == cap(low) {
				ok = false
				break
			}
			low = append(low, ' ')
		}
		if low, ok = lowerASCII(low, l); !ok {
			break
		}
	}
	if !ok {
		low = []byte(strings.ToLower(strings.Join(lines, " ")))
	}
	for _, w := range disclaimerWords {
		if bytes.Contains(low, []byte(w)) {
			return true
		}
	}
	return false
}

// lowerASCII appends s lower-cased to b when s is ASCII and fits in b's
// capacity; ok is false otherwise.
func lowerASCII(b []byte, s string) (low []byte, ok bool) {
	if len(s) > cap(b)-len(b) || !isASCII(s) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}
