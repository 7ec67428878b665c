package facts

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"handoff/core/internal/textindex"
)

// Month and weekday names in en, de, es and fr, folded (no accents).
var (
	months = map[string]time.Month{
		"january": 1, "jan": 1, "januar": 1, "janner": 1, "enero": 1, "janvier": 1, "janv": 1,
		"february": 2, "feb": 2, "februar": 2, "febrero": 2, "fevrier": 2, "fevr": 2,
		"march": 3, "mar": 3, "marz": 3, "marzo": 3, "mars": 3,
		"april": 4, "apr": 4, "abril": 4, "avril": 4, "avr": 4,
		"may": 5, "mai": 5, "mayo": 5,
		"june": 6, "jun": 6, "juni": 6, "junio": 6, "juin": 6,
		"july": 7, "jul": 7, "juli": 7, "julio": 7, "juillet": 7, "juil": 7,
		"august": 8, "aug": 8, "agosto": 8, "aout": 8,
		"september": 9, "sep": 9, "sept": 9, "septiembre": 9, "septembre": 9,
		"october": 10, "oct": 10, "oktober": 10, "octubre": 10, "octobre": 10, "okt": 10,
		"november": 11, "nov": 11, "noviembre": 11, "novembre": 11,
		"december": 12, "dec": 12, "dezember": 12, "dez": 12, "diciembre": 12, "decembre": 12,
	}
	weekdays = map[string]time.Weekday{
		"monday": 1, "montag": 1, "lunes": 1, "lundi": 1,
		"tuesday": 2, "dienstag": 2, "martes": 2, "mardi": 2,
		"wednesday": 3, "mittwoch": 3, "miercoles": 3, "mercredi": 3,
		"thursday": 4, "donnerstag": 4, "jueves": 4, "jeudi": 4,
		"friday": 5, "freitag": 5, "viernes": 5, "vendredi": 5,
		"saturday": 6, "samstag": 6, "sabado": 6, "samedi": 6,
		"sunday": 0, "sonntag": 0, "domingo": 0, "dimanche": 0,
	}
	relDays = map[string]int{"today": 0, "heute": 0, "hoy": 0, "aujourd'hui": 0, "tomorrow": 1, "morgen": 1, "manana": 1, "demain": 1}
)

var (
	isoDateRE = spot(`\b(\d{4})-(\d{2})-(\d{2})\b`, startsWithDigit)
	numDateRE = spot(`\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b`, startsWithDigit)
	deadCtxRE = lazyRE(`(?i)\b(?:by|before|until|till|no later than|due|deadline|must|need(?:s|ed)? (?:it|this)|bis|bis zum|spätestens|frist|antes del?|para el|hasta el|fecha l[ií]mite|d'ici|avant le|jusqu'au|au plus tard|date limite|échéance)\b[^.!?\n]{0,25}$`)
)

// dates returns the dates in s, resolved against the message time at
// (relative dates and dates without a year need it). A date preceded by
// "by", "before", "bis", "antes del", "d'ici" … is a deadline.
func dates(s string, at time.Time) []Entity {
	var scratch [][2]int
	return datesWith(s, "", at, &scratch)
}

// datesWith is dates reusing *scratch for word spans, call to call. low
// is s lower-cased byte for byte (ASCII), or "" to lower each line itself.
func datesWith(s, low string, at time.Time, scratch *[][2]int) []Entity {
	var out []Entity
	eachLine(s, func(line string, off int) {
		c := scan(line)
		if low != "" {
			c.lowered = low[off : off+len(line)]
		}
		c.toks = *scratch
		out = append(out, lineDates(line, at, &c)...)
		*scratch = c.toks
	})
	return out
}

// lineDates is dates for one line whose clues c are read.
func lineDates(s string, at time.Time, c *clue) []Entity {
	var out []Entity
	add := func(v string, t time.Time, start int) {
		kind := KindDate
		if before := s[max(0, start-40):start]; containsFold(before, deadLeads) && deadCtxRE().MatchString(before) && !byWhom().MatchString(before) {
			kind = KindDeadline
		}
		out = append(out, Entity{Kind: kind, Value: strings.TrimSpace(v), Time: t})
	}
	year := at.Year()
	if at.IsZero() {
		year = 0
	}
	if c.digit && strings.Contains(s, "-") {
		for _, m := range isoDateRE.all(s, c) {
			if t, ok := mkDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]])); ok {
				add(s[m[0]:m[1]], t, m[0])
			}
		}
	}
	if c.numSep {
		for _, m := range numDateRE.all(s, c) {
			a, b, y := atoi(s[m[2]:m[3]]), atoi(s[m[6]:m[7]]), atoi(s[m[8]:m[9]])
			d, mo := a, b // 14.03.2026 and 14/03/2026
			if s[m[4]:m[5]] == "/" && a <= 12 && b > 12 {
				d, mo = b, a // 03/14/2026
			}
			if t, ok := mkDate(y, mo, d); ok {
				add(s[m[0]:m[1]], t, m[0])
			}
		}
	}
	if !c.digit && (at.IsZero() || !c.any(relCues...)) {
		return out // no number and no day name: no date
	}
	// Named months ("14 March 2026", "14. März", "15 de marzo", "March
	// 20") and relative days ("by Friday", "bis morgen") are read from
	// the words around each month or day name.
	toks := tokenSpans(c.toks[:0], s)
	c.toks = toks
	for k, tk := range toks {
		if n := tk[1] - tk[0]; n < 3 || n > 12 || isDigit(s[tk[0]]) {
			continue // every month and day name has 3 to 12 bytes
		}
		var kb [16]byte
		w := foldKey(kb[:0], s[tk[0]:tk[1]])
		if mo, ok := months[string(w)]; ok && c.digit {
			for _, nd := range namedDates(s, toks, k) {
				y := year
				if nd.year > 0 {
					y = nd.year
				}
				if t, ok := mkDate(y, int(mo), nd.day); ok && y > 0 {
					add(s[nd.start:nd.end], t, nd.start)
				}
			}
		}
		_, wd := weekdays[string(w)]
		_, rel := relDays[string(w)]
		if at.IsZero() || !wd && !rel {
			continue
		}
		start := relStart(s, toks, k)
		if start < 0 {
			continue
		}
		day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
		v := s[toks[start][0]:tk[1]]
		if wd, ok := weekdays[string(w)]; ok {
			ahead := (int(wd) - int(at.Weekday()) + 7) % 7
			out = append(out, Entity{Kind: KindDeadline, Value: v, Time: day.AddDate(0, 0, ahead)})
		} else if n, ok := relDays[string(w)]; ok {
			out = append(out, Entity{Kind: KindDeadline, Value: v, Time: day.AddDate(0, 0, n)})
		}
	}
	return out
}

// Words that make a day name a deadline ("by Friday", "bis Montag",
// "antes del lunes", "d'ici vendredi"), and words that may stand between
// ("by next Friday", "avant ce vendredi"), folded.
var (
	relLeads = phraseWords("by", "before", "until", "till", "no later than", "due", "deadline", "deadline is", "bis", "bis zum",
		"spatestens", "vor", "para el", "antes del", "hasta el", "d'ici", "avant", "jusqu'a", "au plus tard")
	relMods = phraseWords("this", "next", "end of", "diesen", "nachsten", "este", "el proximo", "ce", "le")
)

func phraseWords(ps ...string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Fields(p)
	}
	return out
}

// relStart returns the index of the token that opens a relative deadline
// ending with the day name at toks[k] ("by next Friday"), or -1.
func relStart(s string, toks [][2]int, k int) int {
	word := func(i int) string { return fold(s[toks[i][0]:toks[i][1]]) }
	endsWith := func(end int, p []string) int { // start index of p ending at token end-1, or -1
		start := end - len(p)
		if start < 0 {
			return -1
		}
		for j, w := range p {
			if word(start+j) != w {
				return -1
			}
		}
		return start
	}
	for mi := -1; mi < len(relMods); mi++ { // no modifier, then each
		end := k
		if mi >= 0 {
			if end = endsWith(k, relMods[mi]); end < 0 {
				continue
			}
		}
		for _, lead := range relLeads {
			if start := endsWith(end, lead); start >= 0 {
				return start
			}
		}
	}
	return -1
}

// namedDate is a day written with a month name, as byte offsets.
type namedDate struct {
	start, end int
	day, year  int // year 0 when not written
}

// namedDates reads the dates around the month name at toks[k]: "14
// March 2026", "14th March", "14. März", "15 de marzo de 2026" (day
// first) and "March 20", "March 20th, 2026" (month first). A day number
// followed by ':' is a time ("28 Oct 15:02"), not a day.
func namedDates(s string, toks [][2]int, k int) []namedDate {
	var out []namedDate
	mon := toks[k]
	tok := func(i int) string { return s[toks[i][0]:toks[i][1]] }
	// Day first: [day][.| ](de )?month
	j, gapOK := k-1, false
	if j >= 1 && fold(tok(j)) == "de" && oneSpace(s[toks[j][1]:mon[0]]) {
		if d := s[toks[j-1][1]:toks[j][0]]; oneSpace(d) || len(d) == 2 && d[0] == '.' && oneSpace(d[1:]) {
			j, gapOK = j-1, true
		}
	} else if j >= 0 {
		d := s[toks[j][1]:mon[0]]
		gapOK = oneSpace(d) || len(d) == 2 && d[0] == '.' && oneSpace(d[1:])
	}
	if j >= 0 && gapOK {
		if day, ok := dayNumber(tok(j), "st", "nd", "rd", "th", "er"); ok {
			end, year := yearAfter(s, mon[1], true)
			out = append(out, namedDate{start: toks[j][0], end: end, day: day, year: year})
		}
	}
	// Month first: month[.] day[st|nd|rd|th][, year]
	if k+1 < len(toks) {
		d := s[mon[1]:toks[k+1][0]]
		if oneSpace(d) || len(d) == 2 && d[0] == '.' && oneSpace(d[1:]) {
			day, ok := dayNumber(tok(k+1), "st", "nd", "rd", "th")
			if e := toks[k+1][1]; ok && !(e < len(s) && s[e] == ':') {
				end, year := yearAfter(s, e, false)
				out = append(out, namedDate{start: mon[0], end: end, day: day, year: year})
			}
		}
	}
	return out
}

// oneSpace reports whether g is one white-space character.
func oneSpace(g string) bool {
	return len(g) == 1 && (g[0] == ' ' || g[0] == '\t' || g[0] == '\n' || g[0] == '\r' || g[0] == '\f' || g[0] == '\v') || g == "\u00a0"
}

// dayNumber reads "14", "3rd", "1er": one or two digits and an optional
// ordinal suffix.
func dayNumber(t string, suffixes ...string) (int, bool) {
	n := 0
	for n < len(t) && n < 3 && isDigit(t[n]) {
		n++
	}
	if n == 0 || n > 2 {
		return 0, false
	}
	if rest := strings.ToLower(t[n:]); rest != "" && !slices.Contains(suffixes, rest) {
		return 0, false
	}
	return atoi(t[:n]), true
}

// yearAfter reads ", 2026", " 2026" or (with de) " de 2026" at s[p:],
// after an optional '.'; it returns the end of the date and the year, or
// p and 0.
func yearAfter(s string, p int, de bool) (int, int) {
	q := p
	if q < len(s) && s[q] == '.' {
		q++
	}
	if q < len(s) && s[q] == ',' {
		q++
	}
	if q >= len(s) || !oneSpace(s[q:q+1]) {
		return p, 0
	}
	q++
	if de && q+3 <= len(s) && s[q]|0x20 == 'd' && s[q+1]|0x20 == 'e' && s[q+2] == ' ' { // "de ", any case

		q += 3
	}
	e := q
	for e < len(s) && isDigit(s[e]) {
		e++
	}
	if e-q != 4 || e < len(s) && isASCIIWord(s[e]) {
		return p, 0
	}
	return e, atoi(s[q:e])
}

// byWhom is "by" naming who did something ("received by us on 2
// October"), not a deadline.
var byWhom = lazyRE(`(?i)\bby\s+(?:us|me|you|him|her|them|our|my|your|the customer|e-?mail|phone|post|mail)\b[^.!?\n]{0,20}$`)

// relCues: one of them is in every weekday and relative day name of the
// weekdays and relDays tables, lower-cased ("day", "tag", "di" …).
var relCues = []string{"day", "tomorrow", "tag", "woch", "morgen", "heute", "lunes", "martes", "rcoles", "jueves", "viernes", "bado", "domingo", "hoy", "ana", "di", "demain", "aujourd"}

// deadLeads hold a word of every deadCtxRE alternative, lower-cased.
var deadLeads = []string{"by", "before", "until", "till", "later", "due", "deadline", "must", "need", "bis", "spät", "frist",
	"antes", "para", "hasta", "fecha", "d'ici", "avant", "jusqu", "plus tard", "date limite", "échéance"}

// containsFold reports whether s, lower-cased, holds one of subs.
func containsFold(s string, subs []string) bool {
	var buf [64]byte
	if len(s) <= len(buf) {
		if low, ok := textindex.AppendLowerASCII(buf[:0], s); ok {
			for _, sub := range subs {
				if bytes.Contains(low, []byte(sub)) {
					return true
				}
			}
			return false
		}
	}
	low := strings.ToLower(s)
	for _, sub := range subs {
		if strings.Contains(low, sub) {
			return true
		}
	}
	return false
}

// foldKey appends fold(w) to dst, for map look-ups that then need no
// string: ASCII is lowered byte by byte, other text goes through fold.
func foldKey(dst []byte, w string) []byte {
	if strings.IndexByte(w, '`') < 0 {
		if out, ok := textindex.AppendLowerASCII(dst, w); ok {
			return out
		}
	}
	return append(dst, fold(w)...)
}

// tokenSpans appends to out the byte spans of the words of s: runs of
// letters, digits and apostrophes.
func tokenSpans(out [][2]int, s string) [][2]int {
	start := -1
	for i, r := range s {
		if r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z' || r >= '0' && r <= '9' || r == '\'') || r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// mkDate builds a UTC date, refusing impossible ones (31 February).
func mkDate(y, mo, d int) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}
