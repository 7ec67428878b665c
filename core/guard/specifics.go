package guard

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
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
	reWord   = regexp.MustCompile(`[\p{L}\p{N}_][\p{L}\p{N}_.,\-/:+]*`)
	reSnake  = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)
	reNum    = regexp.MustCompile(`^(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)$`)
	reOrd    = regexp.MustCompile(`(?i)^(\d{1,4})(?:st|nd|rd|th|er|e|º|°|ª)$`)
	reTimesX = regexp.MustCompile(`(?i)^(?:\d{1,3}x|x\d{1,3})$`)
	reVer    = regexp.MustCompile(`(?i)^v?\d+(?:\.\d+){1,3}(?:[-+][0-9a-z.]+)?$`)

	// Built from the lexicon: month names, currencies.
	reDayMonth, reMonthDay, reAmountPre, reAmountPost *regexp.Regexp
	monthOf, weekdayOf                                map[string]int
	currencyOf                                        map[string]string
)

const numPat = `\d{1,3}(?:[.,'’\x{00A0}\x{202F} ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`

func init() {
	monthOf = lex.ordinals("months")
	weekdayOf = map[string]int{}
	for w, d := range lex.ordinals("weekdays") {
		if len([]rune(w)) >= 5 { // abbreviations ("do", "mar", "sun") are ordinary words
			weekdayOf[w] = d
		}
	}
	currencyOf = map[string]string{}
	var symbols, words []string
	for _, ln := range lex.lines["currency"] {
		code := strings.ToUpper(ln.words[0])
		for _, w := range ln.words {
			currencyOf[w] = code
			if strings.IndexFunc(w, unicode.IsLetter) < 0 || strings.ContainsAny(w, "$") {
				symbols = append(symbols, regexp.QuoteMeta(w))
			} else {
				words = append(words, regexp.QuoteMeta(w))
			}
		}
	}
	months := make([]string, 0, len(monthOf))
	for w := range monthOf {
		months = append(months, regexp.QuoteMeta(w))
	}
	mon := alternation(months)
	reDayMonth = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:de\s+|of\s+)?(` + mon + `)\b\.?(?:,?\s*(?:de\s+)?(\d{4})\b)?`)
	reMonthDay = regexp.MustCompile(`(?i)\b(` + mon + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`)
	sym, word := alternation(symbols), alternation(words)
	reAmountPre = regexp.MustCompile(`(?i)(` + sym + `|\b(?:` + word + `)\b)\s?(` + numPat + `)`)
	reAmountPost = regexp.MustCompile(`(?i)(` + numPat + `)\s?(` + sym + `|(?:` + word + `)\b)`)
}

// alternation joins patterns longest first, so "sept" wins over "sep".
func alternation(ps []string) string {
	sort.Slice(ps, func(i, j int) bool {
		if len(ps[i]) != len(ps[j]) {
			return len(ps[i]) > len(ps[j])
		}
		return ps[i] < ps[j]
	})
	return strings.Join(ps, "|")
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

// extract returns the specifics of text in order of position.
func extract(text string) []specific {
	x := &extractor{text: text, taken: make([]bool, len(text))}
	x.each(reURL, func(m []int) {
		end := m[0] + len(strings.TrimRight(text[m[0]:m[1]], ".,;:!?)]}'\""))
		x.claim(specific{kind: kURL, start: m[0], end: end, key: urlKey(text[m[0]:end])})
	})
	x.each(reEmail, func(m []int) {
		x.claim(specific{kind: kEmail, start: m[0], end: m[1], key: strings.ToLower(text[m[0]:m[1]])})
	})
	x.cites()
	x.dates()
	x.amounts()
	x.times()
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
		if toks := tokenize(x.text[:m[0]]); len(toks) > 0 && lex.in("idnoun", toks[len(toks)-1].s) && !toks[len(toks)-1].sent {
			k = kID
		}
		x.claim(specific{kind: k, start: m[0], end: m[1], num: numberValue(x.group(m, 1)), key: strings.ToLower(x.text[m[0]:m[1]])})
	})
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

func (x *extractor) amounts() {
	add := func(m []int, num, cur string) {
		v := numberValue(num)
		if v == "" {
			return
		}
		x.claim(specific{kind: kAmount, start: m[0], end: m[1], num: v, cur: currencyOf[normWord(strings.TrimSpace(cur))]})
	}
	x.each(reAmountPre, func(m []int) {
		if m[1] < len(x.text) && isDigitByte(x.text[m[1]]) {
			return
		}
		add(m, x.group(m, 2), x.group(m, 1))
	})
	x.each(reAmountPost, func(m []int) {
		if m[0] > 0 && (isDigitByte(x.text[m[0]-1]) || isWordRune(lastRune(x.text[:m[0]]))) {
			return
		}
		add(m, x.group(m, 1), x.group(m, 2))
	})
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
// error codes), UPPER_SNAKE error codes and weekday names.
func (x *extractor) words() {
	x.each(reWord, func(m []int) {
		a, b := m[0], m[1]
		for b > a && strings.ContainsRune(".,-/:+", rune(x.text[b-1])) {
			b--
		}
		w := x.text[a:b]
		hasDigit := strings.ContainsAny(w, "0123456789")
		lw := normWord(w)
		switch {
		case !hasDigit && !reSnake.MatchString(w):
			if d, ok := weekdayOf[lw]; ok {
				x.claim(specific{kind: kWeekday, start: a, end: b, wd: d})
			}
			return
		case lex.in("terms", lw):
			return
		}
		s := specific{kind: kID, start: a, end: b, key: strings.TrimPrefix(lw, "#")}
		switch {
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
			s.unit = unitAfter(x.text[b:])
		}
		x.claim(s)
	})
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
