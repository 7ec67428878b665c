package guard

import "time"

// dates reads calendar dates in the spellings of en, de, es and fr:
//
//	2026-03-02   02.03.2026   2/3/2026 (read both as 2 March and 3 February)
//	2 March 2026   2nd March   2. März   2 de marzo de 2026   1er mars
//	March 2nd, 2026   Mar 2
//
// A year-less date keeps Y = 0; two-digit years are 20xx. Impossible dates
// (31 February) are not dates.
func (x *extractor) dates() {
	x.each(reISO, func(m []int) {
		x.date(m, []ymd{{atoi(x.group(m, 1)), atoi(x.group(m, 2)), atoi(x.group(m, 3))}})
	})
	x.each(reNumDMY, func(m []int) {
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
	x.each(reDayMonth, func(m []int) {
		y := atoi(x.group(m, 3))
		x.date(m, []ymd{{max(y, 0), monthOf[normWord(x.group(m, 2))] + 1, atoi(x.group(m, 1))}})
	})
	x.each(reMonthDay, func(m []int) {
		y := atoi(x.group(m, 3))
		x.date(m, []ymd{{max(y, 0), monthOf[normWord(x.group(m, 1))] + 1, atoi(x.group(m, 2))}})
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
