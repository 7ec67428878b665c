package guard

import (
	"strings"
	"time"
)

// dates reads calendar dates in the spellings of en, de, es and fr:
//
//	2026-03-02   02.03.2026   2/3/2026 (read both as 2 March and 3 February)
//	2 March 2026   2nd March   2. März   2 de marzo de 2026   1er mars
//	March 2nd, 2026   Mar 2
//
// A year-less date keeps Y = 0; two-digit years are 20xx. Impossible dates
// (31 February) are not dates. Month-name dates are read around each
// month name among toks.
func (x *extractor) dates(toks []token) {
	if hint(x.text, isDateHint) {
		x.numericDates()
	}
	for i, t := range toks {
		mon, ok := cal().monthOf[t.s]
		if !ok {
			continue
		}
		// Day before the month: "2 March", "2nd of March", "2. März", "2 de marzo".
		if d, a := x.dayBefore(toks, i); d > 0 {
			y, b := x.yearAfter(toks, i)
			x.dateSpan(a, b, ymd{y, mon + 1, d})
			continue
		}
		// Day after the month: "March 2nd, 2026", "Mar 2".
		if i+1 < len(toks) && x.gapIs(toks[i].end, toks[i+1].start, " .") {
			if d := dayOf(toks[i+1].s); d > 0 {
				y, b := x.yearAfter(toks, i+1)
				x.dateSpan(t.start, b, ymd{y, mon + 1, d})
			}
		}
	}
}

// dayBefore reads the day before month token i and returns it with the
// byte where the date starts, or 0.
func (x *extractor) dayBefore(toks []token, i int) (int, int) {
	k := i - 1
	if k >= 1 && (toks[k].s == "de" || toks[k].s == "of") && x.gapIs(toks[k].end, toks[i].start, " ") {
		k--
	}
	if k < 0 || !x.gapIs(toks[k].end, toks[k+1].start, " .") {
		return 0, 0
	}
	if d := dayOf(toks[k].s); d > 0 {
		return d, toks[k].start
	}
	return 0, 0
}

// yearAfter reads a four-digit year after token i ("…, 2026", "… de
// 2026") and returns it with the byte where the date ends; 0 and the end
// of token i when there is none.
func (x *extractor) yearAfter(toks []token, i int) (int, int) {
	end := toks[i].end
	if end < len(x.text) && x.text[end] == '.' {
		end++ // "Mar." or "2."
	}
	k := i + 1
	if k+1 < len(toks) && toks[k].s == "de" && x.gapIs(toks[i].end, toks[k].start, " ") {
		k++
	}
	if k < len(toks) && x.gapIs(toks[k-1].end, toks[k].start, " ,.") && len(toks[k].s) == 4 {
		if y := atoi(toks[k].s); y >= 1900 && y <= 2200 {
			return y, toks[k].end
		}
	}
	return 0, end
}

// gapIs reports whether text[a:b] is at most three bytes, all in allowed.
func (x *extractor) gapIs(a, b int, allowed string) bool {
	if a > b || b-a > 3 {
		return false
	}
	for i := a; i < b; i++ {
		if !strings.ContainsRune(allowed, rune(x.text[i])) {
			return false
		}
	}
	return true
}

// dayOf reads a day of the month written "2", "02", "2nd", "1er", "1º".
func dayOf(w string) int {
	n := 0
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		n = n*10 + int(w[i]-'0')
		i++
	}
	if i == 0 || i > 2 {
		return 0
	}
	switch w[i:] {
	case "", "st", "nd", "rd", "th", "er", "º", "e":
		return n
	}
	return 0
}

func (x *extractor) dateSpan(a, b int, d ymd) {
	if a < b && x.free(a, b) {
		x.date([]int{a, b}, []ymd{d})
	}
}

func (x *extractor) numericDates() {
	x.each(reISO(), func(m []int) {
		x.date(m, []ymd{{atoi(x.group(m, 1)), atoi(x.group(m, 2)), atoi(x.group(m, 3))}})
	})
	x.each(reNumDMY(), func(m []int) {
		if x.group(m, 2) != x.group(m, 4) {
			return
		}
		a, b, y := atoi(x.group(m, 1)), atoi(x.group(m, 3)), atoi(x.group(m, 5))
		if y < 100 {
			y += 2000
		}
		readings := []ymd{{y, b, a}}
		if x.group(m, 2) != "." {
			readings = append(readings, ymd{y, a, b})
		}
		x.date(m, readings)
	})
}

// date claims m as a date when at least one reading is a real date.
func (x *extractor) date(m []int, readings []ymd) {
	var ok []ymd
	for _, d := range readings {
		if valid(d) {
			ok = append(ok, d)
		}
	}
	if len(ok) > 0 {
		x.claim(specific{kind: kDate, start: m[0], end: m[1], dates: ok})
	}
}

func valid(d ymd) bool {
	if d.M < 1 || d.M > 12 || d.D < 1 || d.D > 31 || (d.Y != 0 && (d.Y < 1900 || d.Y > 2200)) {
		return false
	}
	y := d.Y
	if y == 0 {
		y = 2024 // a leap year, so 29 February stays possible
	}
	t := time.Date(y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.D
}

// weekday returns d's weekday with Monday = 0; d must have a year.
func weekday(d ymd) int {
	return (int(time.Date(d.Y, time.Month(d.M), d.D, 0, 0, 0, 0, time.UTC).Weekday()) + 6) % 7
}
