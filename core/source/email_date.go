//go:build !nomail

package source

import (
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// ParseMailDate reads a date as mail clients print it in headers and reply
// lines, in many languages:
//
//	"Mon, 2 Mar 2026 09:14:03 +0100"      → 2026-03-02 09:14:03 +01:00
//	"2 March 2026 at 09:14"               → 2026-03-02 09:14 UTC
//	"03/02/2026 9:14 AM"                  → 2026-03-02 09:14 UTC (month first with AM/PM)
//	"02.03.2026 09:14"                    → 2026-03-02 09:14 UTC (day first with dots)
//	"Montag, 2. März 2026 09:14"          → 2026-03-02 09:14 UTC
//	"le lun. 2 mars 2026 à 09:14"         → 2026-03-02 09:14 UTC
//	"2026-03-02 09:14:03"                 → 2026-03-02 09:14:03 UTC
//
// Month names are known in en, de, fr, es, it, nl, pt, pl, sv, da, no, fi
// and ru. A numeric d/m/y vs m/d/y date is read month first when the time
// says AM/PM or the second number is above 12, day first otherwise. A
// time without a zone is taken as UTC. Anything without a year, month and
// day (or impossible, like 31 February) gives the zero time, never a
// panic; callers keep the message's position then.
func ParseMailDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}
	}
	if t, err := mail.ParseDate(s); err == nil {
		return t
	}
	l := strings.ToLower(strings.ReplaceAll(s, "\u00a0", " "))
	loc := time.UTC
	if m := reDateOffset().FindStringSubmatchIndex(l); m != nil {
		h, _ := strconv.Atoi(l[m[4]:m[5]])
		min, _ := strconv.Atoi(l[m[6]:m[7]])
		off := h*3600 + min*60
		if l[m[2]:m[3]] == "-" {
			off = -off
		}
		if h <= 14 && min < 60 {
			loc = time.FixedZone("", off)
		}
		l = l[:m[0]] + " " + l[m[1]:]
	}
	year, month, day := 0, 0, 0
	if m := reDateISO().FindStringSubmatchIndex(l); m != nil {
		year, month, day = mailAtoi(l[m[2]:m[3]]), mailAtoi(l[m[4]:m[5]]), mailAtoi(l[m[6]:m[7]])
		l = l[:m[0]] + " " + l[m[1]:]
	} else if m := reDateNumeric().FindStringSubmatchIndex(l); m != nil {
		a, sep, b, y := mailAtoi(l[m[2]:m[3]]), l[m[4]:m[5]], mailAtoi(l[m[6]:m[7]]), mailAtoi(l[m[8]:m[9]])
		rest := l[:m[0]] + " " + l[m[1]:]
		monthFirst := b > 12 || (a <= 12 && sep == "/" && reDateAMPM().MatchString(rest))
		if monthFirst {
			month, day = a, b
		} else {
			day, month = a, b
		}
		year = y
		l = rest
	}
	hour, minute, sec := 0, 0, 0
	if m := reDateClock().FindStringSubmatchIndex(l); m != nil {
		hour, minute = mailAtoi(l[m[2]:m[3]]), mailAtoi(l[m[4]:m[5]])
		if m[6] >= 0 {
			sec = mailAtoi(l[m[6]:m[7]])
		}
		if m[8] >= 0 {
			pm := l[m[8]] == 'p'
			if hour == 12 {
				hour = 0
			}
			if pm {
				hour += 12
			}
		}
		l = l[:m[0]] + " " + l[m[1]:]
	}
	if loc == time.UTC {
		for _, w := range strings.FieldsFunc(l, mailNotLetter) {
			if off, ok := mailZoneNames[w]; ok {
				loc = time.FixedZone(strings.ToUpper(w), off*3600)
				break
			}
		}
	}
	if month == 0 {
		month, day, year = mailTextDate(l)
	}
	if year < 100 && year > 0 {
		year += 2000
	}
	if year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 ||
		hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, loc)
	if t.Day() != day {
		return time.Time{}
	}
	return t
}

var (
	reDateOffset  = lazyRegexp(`(?:^|[\s(]|\d)(?:utc|gmt)?([+-])(\d{2}):?(\d{2})(?:$|[\s)])`)
	reDateISO     = lazyRegexp(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t|\b)`)
	reDateNumeric = lazyRegexp(`\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4}|\d{2})\b`)
	reDateClock   = lazyRegexp(`\b(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?(?:\s*([ap])\.?\s?m\b\.?)?`)
	reDateAMPM    = lazyRegexp(`\d\s*[ap]\.?\s?m\b`)
	reDateNumber  = lazyRegexp(`\d+`)
)

// mailTextDate finds "2 March 2026", "March 2, 2026", "2. März 2026",
// "2 de marzo de 2026" in what is left once times and zones are gone.
func mailTextDate(l string) (month, day, year int) {
	for _, w := range strings.FieldsFunc(l, mailNotLetter) {
		if m, ok := mailMonthOf(w); ok {
			month = m
		}
	}
	if month == 0 {
		return 0, 0, 0
	}
	for _, n := range reDateNumber().FindAllString(l, -1) {
		v := mailAtoi(n)
		switch {
		case len(n) == 4 && year == 0:
			year = v
		case len(n) <= 2 && day == 0 && v >= 1 && v <= 31:
			day = v
		}
	}
	return month, day, year
}

func mailNotLetter(r rune) bool { return !unicode.IsLetter(r) }

func mailAtoi(s string) int {
	if len(s) > 9 {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// mailMonthOf recognises a month name or its usual abbreviation; the last one
// in a date wins, so a weekday that looks like a month ("mar." for mardi)
// is overridden by the month after it.
func mailMonthOf(w string) (int, bool) {
	if m, ok := mailMonthNames()[w]; ok {
		return m, true
	}
	// Finnish partitive abbreviations ("huhtik.") and the like: a prefix of
	// five letters or more of a known full name.
	if len([]rune(w)) >= 5 {
		for name, m := range mailMonthNames() {
			if len(name) > len(w) && strings.HasPrefix(name, w) {
				return m, true
			}
		}
	}
	return 0, false
}

var mailMonthNames = sync.OnceValue(func() map[string]int {
	lists := []string{
		// en
		"january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|october oct|november nov|december dec",
		// de
		"januar jänner jän|februar feber|märz mär maerz|april|mai|juni|juli|august|september|oktober okt|november|dezember dez",
		// fr
		"janvier janv|février févr fevrier fevr fév|mars|avril avr|mai|juin|juillet juil|août aout aoû|septembre|octobre|novembre|décembre déc decembre",
		// es
		"enero ene|febrero|marzo|abril abr|mayo|junio|julio|agosto ago|septiembre setiembre|octubre|noviembre|diciembre dic",
		// it
		"gennaio gen|febbraio|marzo|aprile|maggio mag|giugno giu|luglio lug|agosto|settembre set|ottobre ott|novembre|dicembre",
		// nl
		"januari|februari|maart mrt|april|mei|juni|juli|augustus|september|oktober|november|december",
		// pt
		"janeiro|fevereiro fev|março marco|abril|maio|junho|julho|agosto|setembro|outubro out|novembro|dezembro dez",
		// pl (genitive and nominative)
		"stycznia styczeń sty|lutego luty lut|marca marzec|kwietnia kwiecień kwi|maja maj|czerwca czerwiec cze|lipca lipiec lip|sierpnia sierpień sie|września wrzesień wrz|października październik paź|listopada listopad lis|grudnia grudzień gru",
		// sv, da, no
		"januari januar|februari februar|mars marts|april|maj mai|juni|juli|augusti august|september|oktober okt|november|december desember des",
		// fi
		"tammikuuta tammikuu tammik|helmikuuta helmikuu helmik|maaliskuuta maaliskuu maalisk|huhtikuuta huhtikuu huhtik|toukokuuta toukokuu toukok|kesäkuuta kesäkuu kesäk|heinäkuuta heinäkuu heinäk|elokuuta elokuu elok|syyskuuta syyskuu syysk|lokakuuta lokakuu lokak|marraskuuta marraskuu marrask|joulukuuta joulukuu jouluk",
		// ru
		"января январь янв|февраля февраль фев|марта март мар|апреля апрель апр|мая май|июня июнь июн|июля июль июл|августа август авг|сентября сентябрь сен|октября октябрь окт|ноября ноябрь ноя нояб|декабря декабрь дек",
	}
	m := map[string]int{}
	for _, l := range lists {
		for i, group := range strings.Split(l, "|") {
			for _, w := range strings.Fields(group) {
				if _, dup := m[w]; !dup {
					m[w] = i + 1
				}
			}
		}
	}
	return m
})

// mailZoneNames are the zone abbreviations mail clients print, in hours.
var mailZoneNames = map[string]int{
	"utc": 0, "gmt": 0, "wet": 0, "bst": 1, "cet": 1, "mez": 1, "cest": 2, "mesz": 2,
	"eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}
