package guard

import (
	"strings"
	"unicode/utf8"
)

// words reads the remaining words with digits (numbers, ids, versions,
// error codes), UPPER_SNAKE error codes and weekday names. A word here
// runs over letters, digits, "_" and inner ".,-/:+" ("v2.3.1",
// "INV-2026-0042", "HTTP/502").
func (x *extractor) words() {
	t := x.text
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isWordRune(r) && r != '_' {
			i += n
			continue
		}
		a, b := i, i
		for b < len(t) {
			r, n := utf8.DecodeRuneInString(t[b:])
			if !isWordRune(r) && r != '_' && !strings.ContainsRune(".,-/:+", r) {
				break
			}
			b += n
		}
		i = b
		for b > a && strings.IndexByte(".,-/:+", t[b-1]) >= 0 {
			b--
		}
		// "50 000": digit groups joined by a space are one number.
		if b-a <= 3 && allDigits(t[a:b]) {
			for b+4 <= len(t) && t[b] == ' ' && allDigits(t[b+1:b+4]) &&
				(b+4 == len(t) || !isDigitByte(t[b+4]) && !isLetterByte(t[b+4])) {
				b += 4
				i = b
			}
		}
		if x.free(a, b) {
			x.word(a, b)
		}
	}
}

func (x *extractor) word(a, b int) {
	w := x.text[a:b]
	if !strings.ContainsAny(w, "0123456789") {
		if w[0] >= 'A' && w[0] <= 'Z' && strings.IndexByte(w, '_') > 0 && reSnake().MatchString(w) {
			x.claim(specific{kind: kID, start: a, end: b, key: strings.ToLower(w)})
		} else if len(w) >= 5 && len(w) <= 12 {
			if d, ok := cal().weekdayOf[normWord(w)]; ok {
				x.claim(specific{kind: kWeekday, start: a, end: b, wd: d})
			}
		}
		return
	}
	lw := normWord(w)
	if lex().in("terms", lw) || x.listMarker(a, b) {
		return
	}
	s := specific{kind: kID, start: a, end: b, key: strings.TrimPrefix(lw, "#")}
	switch {
	case spaceGrouped(w):
		s.kind, s.num = kNumber, numberValue(w)
	case reNum().MatchString(w):
		s.kind, s.num = kNumber, numberValue(w)
		if reVer().MatchString(w) && strings.Count(w, ".") >= 2 {
			s.kind = kID
		}
	case reOrd().MatchString(w):
		s.kind, s.num = kNumber, numberValue(reOrd().FindStringSubmatch(w)[1])
	case reTimesX().MatchString(w):
		s.kind, s.num, s.unit = kNumber, numberValue(strings.Trim(lw, "x")), "count"
	case reVer().MatchString(w):
		s.key = strings.TrimPrefix(lw, "v")
	}
	if s.kind == kNumber && s.unit == "" {
		s.unit = unitAfter(x.text[b:min(len(x.text), b+60)])
	}
	x.claim(s)
}

// listMarker reports a list number at the start of a line ("1. ", "2) ").
func (x *extractor) listMarker(a, b int) bool {
	if b-a > 2 || !allDigits(x.text[a:b]) || b+1 >= len(x.text) || (x.text[b] != '.' && x.text[b] != ')') || x.text[b+1] != ' ' {
		return false
	}
	line := x.text[:a]
	if i := strings.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	return strings.TrimSpace(line) == ""
}

// unitAfter names the duration or count noun right after a number
// ("9 days", "3 business days", "2 follow-ups"), or "".
func unitAfter(rest string) string {
	toks := tokenizeN(rest, 2)
	for i := 0; i < len(toks) && i < 2; i++ {
		if (i > 0 && toks[i].clause) || (i == 0 && strings.TrimLeft(rest[:toks[0].start], " \u00a0-") != "") {
			return ""
		}
		for _, u := range []string{"days", "hours", "weeks", "months", "minutes", "count"} {
			if lex().in(u, toks[i].s) {
				if u == "days" && (toks[i].s == "business" || toks[i].s == "working" || toks[i].s == "hábiles") && i+1 < len(toks) {
					continue
				}
				return u
			}
		}
	}
	return ""
}
