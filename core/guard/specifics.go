package guard

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// kind is the sort of a specific found in a text.
type kind int

const (
	kNumber kind = iota
	kAmount
	kDate
	kWeekday
	kTime
	kURL
	kEmail
	kID
	kCite
)

var kindNames = [...]string{"number", "amount", "date", "weekday", "time", "URL", "e-mail", "id", "citation"}

func (k kind) String() string { return kindNames[k] }

// ymd is a calendar date; Y is 0 when the text gave no year.
type ymd struct{ Y, M, D int }

// specific is one number, amount, id, version, error code, date, time,
// URL or e-mail written in a text, with its byte range.
type specific struct {
	kind       kind
	start, end int
	raw        string
	num        string // canonical value of a number or amount
	cur        string // currency code of an amount ("" when none was written)
	dates      []ymd  // readings of a date (two for 03/04/2026)
	wd         int    // weekday, Monday = 0
	hm         int    // time of day in minutes
	key        string // normalized URL, e-mail, id or version
	unit       string // for a number: the duration or count noun after it (days, hours, weeks, months, minutes, count)
}

var (
	reURL    = lazyRE(`(?i)\b(?:https?://|www\.)[^\s<>()"'\x60]+`)
	reEmail  = lazyRE(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	reCite   = lazyRE(`#(\d{1,9})\b`)
	reISO    = lazyRE(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reNumDMY = lazyRE(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})\b`)
	reTime   = lazyRE(`(?i)\b([01]?\d|2[0-3])[:h]([0-5]\d)(?::[0-5]\d)?(?:\s?([ap])\.?m\.?\b)?|\b(1[0-2]|0?\d)\s?([ap])\.?m\b\.?`)
	reSnake  = lazyRE(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)
	reNum    = lazyRE(`^(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$`)
	reOrd    = lazyRE(`(?i)^(\d{1,4})(?:st|nd|rd|th|er|e|º|°|ª)$`)
	reTimesX = lazyRE(`(?i)^(?:\d{1,3}x|x\d{1,3})$`)
	reVer    = lazyRE(`(?i)^v?\d+(?:\.\d+){1,3}(?:[-+][0-9a-z.]+)?$`)
)

// calendar is what the lexicon says about dates and money: month and
// weekday names, currencies, and the first two bytes of every weekday and
// relative-day name (see mayBeDay).
type calendar struct {
	monthOf, weekdayOf map[string]int
	currencyOf         map[string]string
	dayHeads           [1 << 16 / 64]uint64
}

// cal returns the calendar, built from the lexicon on first use.
var cal = sync.OnceValue(func() *calendar {
	c := &calendar{monthOf: lex().ordinals("months"), weekdayOf: map[string]int{}, currencyOf: map[string]string{}}
	for w, d := range lex().ordinals("weekdays") {
		if len([]rune(w)) >= 5 { // abbreviations ("do", "mar", "sun") are ordinary words
			c.weekdayOf[w] = d
		}
	}
	c.setDayHeads(c.weekdayOf, relativeDay)
	for _, ln := range lex().lines["currency"] {
		ws := ln.words()
		for _, w := range ws {
			c.currencyOf[w] = strings.ToUpper(ws[0])
		}
	}
	return c
})

// extractor finds specifics in one text, each byte claimed once.
type extractor struct {
	text  string
	taken []bool
	out   []specific
}

func (x *extractor) free(a, b int) bool {
	for i := a; i < b; i++ {
		if x.taken[i] {
			return false
		}
	}
	return true
}

func (x *extractor) claim(s specific) {
	for i := s.start; i < s.end; i++ {
		x.taken[i] = true
	}
	s.raw = x.text[s.start:s.end]
	x.out = append(x.out, s)
}

// each runs f on every match of re whose range is still free.
func (x *extractor) each(re *regexp.Regexp, f func(m []int)) {
	for _, m := range re.FindAllStringSubmatchIndex(x.text, -1) {
		if x.free(m[0], m[1]) {
			f(m)
		}
	}
}

func (x *extractor) group(m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return x.text[m[2*g]:m[2*g+1]]
}

// extract returns the specifics of text in order of position. Each
// pattern runs only when the text holds what it needs (a digit, "@",
// "://", a currency or month word), which keeps long threads fast.
func extract(text string) []specific { return extractToks(text, nil) }

// extractToks is extract with toks, tokenize(text) when the caller has
// it (nil: tokenized here when needed).
func extractToks(text string, toks []token) []specific {
	x := &extractor{text: text, taken: make([]bool, len(text))}
	if strings.Contains(text, "://") || containsWWW(text) {
		x.each(reURL(), func(m []int) {
			end := m[0] + len(strings.TrimRight(text[m[0]:m[1]], ".,;:!?)]}'\""))
			x.claim(specific{kind: kURL, start: m[0], end: end, key: urlKey(text[m[0]:end])})
		})
	}
	if strings.Contains(text, "@") {
		x.each(reEmail(), func(m []int) {
			x.claim(specific{kind: kEmail, start: m[0], end: m[1], key: strings.ToLower(text[m[0]:m[1]])})
		})
	}
	if strings.ContainsAny(text, "0123456789") {
		if toks == nil {
			toks = tokenize(text)
		}
		if strings.Contains(text, "#") {
			x.cites()
		}
		x.dates(toks)
		x.amounts(toks)
		if hint(text, isTimeHint) {
			x.times()
		}
	}
	x.words()
	sort.Slice(x.out, func(i, j int) bool { return x.out[i].start < x.out[j].start })
	return x.out
}

// cites reads "#N": a citation, unless an id noun comes before it
// ("order #4812", "Rechnung #12"), which makes it an id.
func (x *extractor) cites() {
	x.each(reCite(), func(m []int) {
		if m[0] > 0 && isWordRune(lastRune(x.text[:m[0]])) {
			return
		}
		k := kCite
		before := x.text[max(0, m[0]-40):m[0]]
		if toks := tokenize(before); len(toks) > 0 && lex().in("idnoun", toks[len(toks)-1].s) &&
			strings.TrimSpace(before[toks[len(toks)-1].end:]) == "" {
			k = kID
		}
		x.claim(specific{kind: k, start: m[0], end: m[1], num: numberValue(x.group(m, 1)), key: x.group(m, 1)})
	})
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func (x *extractor) times() {
	x.each(reTime(), func(m []int) {
		h, mm, ap := atoi(x.group(m, 1)), atoi(x.group(m, 2)), x.group(m, 3)
		if x.group(m, 4) != "" {
			h, mm, ap = atoi(x.group(m, 4)), 0, x.group(m, 5)
		}
		if mm < 0 {
			mm = 0
		}
		switch strings.ToLower(ap) {
		case "p":
			if h < 12 {
				h += 12
			}
		case "a":
			if h == 12 {
				h = 0
			}
		}
		x.claim(specific{kind: kTime, start: m[0], end: m[1], hm: h*60 + mm})
	})
}

// urlKey normalizes a URL: scheme and host lower-cased, "www." and a
// trailing slash dropped; the path keeps its case.
func urlKey(u string) string {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	host, path := rest, ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return host + strings.TrimRight(path, "/")
}

// containsWWW reports whether text holds "www." in any letter case.
func containsWWW(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if text[i]|0x20 == 'w' && text[i+1]|0x20 == 'w' && text[i+2]|0x20 == 'w' && text[i+3] == '.' {
			return true
		}
	}
	return false
}

// hint reports whether any byte position of text passes f: a cheap test
// before running a pattern over a long text.
func hint(text string, f func(t string, i int) bool) bool {
	for i := 1; i+1 < len(text); i++ {
		if f(text, i) {
			return true
		}
	}
	return false
}

// isTimeHint: "9:30", "9h30", "9am", "9 pm".
func isTimeHint(t string, i int) bool {
	c := t[i] | 0x20
	switch {
	case (t[i] == ':' || c == 'h') && isDigitByte(t[i-1]) && isDigitByte(t[i+1]):
		return true
	case (c == 'a' || c == 'p') && (t[i+1]|0x20 == 'm' || t[i+1] == '.'):
		return isDigitByte(t[i-1]) || (i >= 2 && t[i-1] == ' ' && isDigitByte(t[i-2]))
	}
	return false
}

// isDateHint: a digit, a date separator, a digit ("2026-03", "02.03", "2/3").
func isDateHint(t string, i int) bool {
	return strings.IndexByte("./-", t[i]) >= 0 && isDigitByte(t[i-1]) && isDigitByte(t[i+1])
}
