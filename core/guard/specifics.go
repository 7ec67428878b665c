package guard

import (
	"regexp"
	"sort"
	"strings"
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
	reURL    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()"'\x60]+`)
	reEmail  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	reCite   = regexp.MustCompile(`#(\d{1,9})\b`)
	reISO    = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reNumDMY = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{4}|\d{2})\b`)
	reTime   = regexp.MustCompile(`(?i)\b([01]?\d|2[0-3])[:h]([0-5]\d)(?::[0-5]\d)?(?:\s?([ap])\.?m\.?\b)?|\b(1[0-2]|0?\d)\s?([ap])\.?m\b\.?`)
	reSnake  = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)
	reNum    = regexp.MustCompile(`^(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$`)
	reOrd    = regexp.MustCompile(`(?i)^(\d{1,4})(?:st|nd|rd|th|er|e|º|°|ª)$`)
	reTimesX = regexp.MustCompile(`(?i)^(?:\d{1,3}x|x\d{1,3})$`)
	reVer    = regexp.MustCompile(`(?i)^v?\d+(?:\.\d+){1,3}(?:[-+][0-9a-z.]+)?$`)

	// Built from the lexicon: month and weekday names, currencies.
	monthOf, weekdayOf map[string]int
	currencyOf         map[string]string
)

func init() {
	monthOf = lex.ordinals("months")
	weekdayOf = map[string]int{}
	for w, d := range lex.ordinals("weekdays") {
		if len([]rune(w)) >= 5 { // abbreviations ("do", "mar", "sun") are ordinary words
			weekdayOf[w] = d
		}
	}
	currencyOf = map[string]string{}
	for _, ln := range lex.lines["currency"] {
		for _, w := range ln.words {
			currencyOf[w] = strings.ToUpper(ln.words[0])
		}
	}
}

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
func extract(text string) []specific {
	x := &extractor{text: text, taken: make([]bool, len(text))}
	if strings.Contains(text, "://") || strings.Contains(strings.ToLower(text), "www.") {
		x.each(reURL, func(m []int) {
			end := m[0] + len(strings.TrimRight(text[m[0]:m[1]], ".,;:!?)]}'\""))
			x.claim(specific{kind: kURL, start: m[0], end: end, key: urlKey(text[m[0]:end])})
		})
	}
	if strings.Contains(text, "@") {
		x.each(reEmail, func(m []int) {
			x.claim(specific{kind: kEmail, start: m[0], end: m[1], key: strings.ToLower(text[m[0]:m[1]])})
		})
	}
	if strings.ContainsAny(text, "0123456789") {
		toks := tokenize(text)
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
	x.each(reCite, func(m []int) {
		if m[0] > 0 && isWordRune(lastRune(x.text[:m[0]])) {
			return
		}
		k := kCite
		before := x.text[max(0, m[0]-40):m[0]]
		if toks := tokenize(before); len(toks) > 0 && lex.in("idnoun", toks[len(toks)-1].s) &&
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

// amounts reads numbers with a currency symbol, code or word right before
// or after them ("€1,200", "EUR 1200", "1.200,00 €", "1200 euros").
func (x *extractor) amounts(toks []token) {
	type mark struct{ a, b int }
	var at []mark
	for i, r := range x.text {
		if strings.ContainsRune("€$£¥₹", r) {
			a := i
			for a > 0 && isLetterByte(x.text[a-1]) { // "US$", "R$"
				a--
			}
			at = append(at, mark{a, i + len(string(r))})
		}
	}
	for _, t := range toks {
		if _, ok := currencyOf[t.s]; ok {
			at = append(at, mark{t.start, t.end})
		}
	}
	for _, m := range at {
		cur := currencyOf[normWord(x.text[m.a:m.b])]
		// Number after: "€1,200", "EUR 1200".
		i := m.b
		if i < len(x.text) && x.text[i] == ' ' {
			i++
		}
		if e := scanNumber(x.text, i); e > i && x.free(m.a, e) {
			x.claimAmount(m.a, e, x.text[i:e], cur)
			continue
		}
		// Number before: "1.200,00 €", "1200 euros".
		j := m.a
		if j > 0 && (x.text[j-1] == ' ' || x.text[j-1] == '\u00a0') {
			j--
		}
		if s := numberEndingAt(x.text, j); s >= 0 && x.free(s, m.b) {
			x.claimAmount(s, m.b, x.text[s:j], cur)
		}
	}
}

func (x *extractor) claimAmount(a, b int, num, cur string) {
	if v := numberValue(num); v != "" {
		x.claim(specific{kind: kAmount, start: a, end: b, num: v, cur: cur})
	}
}

func isLetterByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// scanNumber returns the end of a number written at text[i:] ("1200",
// "1,200", "1.200,00", "1 200", "49.99"), or i when there is none.
func scanNumber(text string, i int) int {
	j := i
	for j < len(text) && isDigitByte(text[j]) {
		j++
	}
	if j == i {
		return i
	}
	lead := j - i
	for lead <= 3 { // thousands groups
		k := j
		if k < len(text) && strings.IndexByte(".,' ", text[k]) >= 0 {
			k++
		}
		if k == j || k+3 > len(text) || !allDigits(text[k:k+3]) || (k+3 < len(text) && isDigitByte(text[k+3])) {
			break
		}
		j = k + 3
	}
	if j+1 < len(text) && (text[j] == '.' || text[j] == ',') && isDigitByte(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigitByte(text[k]) && k-j <= 2 {
			k++
		}
		if k == len(text) || !isDigitByte(text[k]) {
			j = k
		}
	}
	if j < len(text) && isDigitByte(text[j]) {
		return i
	}
	return j
}

// numberEndingAt returns the start of a number that ends exactly at end,
// or -1.
func numberEndingAt(text string, end int) int {
	s := end
	for s > 0 && strings.IndexByte("0123456789.,' ", text[s-1]) >= 0 && end-s < 24 {
		s--
	}
	for ; s < end; s++ {
		if isDigitByte(text[s]) && (s == 0 || !isDigitByte(text[s-1])) && (s == 0 || !isLetterByte(text[s-1])) && scanNumber(text, s) == end {
			return s
		}
	}
	return -1
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

func (x *extractor) times() {
	x.each(reTime, func(m []int) {
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
		if reSnake.MatchString(w) {
			x.claim(specific{kind: kID, start: a, end: b, key: strings.ToLower(w)})
		} else if len(w) >= 5 && len(w) <= 12 {
			if d, ok := weekdayOf[normWord(w)]; ok {
				x.claim(specific{kind: kWeekday, start: a, end: b, wd: d})
			}
		}
		return
	}
	lw := normWord(w)
	if lex.in("terms", lw) || x.listMarker(a, b) {
		return
	}
	s := specific{kind: kID, start: a, end: b, key: strings.TrimPrefix(lw, "#")}
	switch {
	case spaceGrouped(w):
		s.kind, s.num = kNumber, numberValue(w)
	case reNum.MatchString(w):
		s.kind, s.num = kNumber, numberValue(w)
		if reVer.MatchString(w) && strings.Count(w, ".") >= 2 {
			s.kind = kID
		}
	case reOrd.MatchString(w):
		s.kind, s.num = kNumber, numberValue(reOrd.FindStringSubmatch(w)[1])
	case reTimesX.MatchString(w):
		s.kind, s.num, s.unit = kNumber, numberValue(strings.Trim(lw, "x")), "count"
	case reVer.MatchString(w):
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
	toks := tokenize(rest)
	for i := 0; i < len(toks) && i < 2; i++ {
		if (i > 0 && toks[i].clause) || (i == 0 && strings.TrimLeft(rest[:toks[0].start], " \u00a0-") != "") {
			return ""
		}
		for _, u := range []string{"days", "hours", "weeks", "months", "minutes", "count"} {
			if lex.in(u, toks[i].s) {
				if u == "days" && (toks[i].s == "business" || toks[i].s == "working" || toks[i].s == "hábiles") && i+1 < len(toks) {
					continue
				}
				return u
			}
		}
	}
	return ""
}

func atoi(s string) int {
	if s == "" {
		return -1
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1
		}
		n = n*10 + int(r-'0')
		if n > 1e6 {
			return -1
		}
	}
	return n
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

// spaceGrouped reports digits grouped by single spaces ("50 000").
func spaceGrouped(s string) bool {
	return strings.Contains(s, " ") && allDigits(strings.ReplaceAll(s, " ", ""))
}
