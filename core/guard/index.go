package guard

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"handoff/core/thread"
)

// index holds every specific a thread contains, by value, so a note's
// specifics can be looked up whatever their spelling. The raw text is
// read when the index is made; the values on the first look-up the raw
// text cannot answer (a note quoting the thread needs none), in two
// steps: first the dates of the thread's stamps and of the days its
// messages name ("by Friday"), then everything, lines included.
type index struct {
	corpus   string // the thread's text, lower-cased, for raw look-ups
	spanDays int    // days from the first to the last dated thing in the thread
	messages int

	th     *thread.Thread // read again by the values
	text   string         // the thread's text as written
	stamps []time.Time    // dates of the ticket, messages and events

	datedOnce, fullOnce sync.Once
	dated, full         *values // dated ⊆ full
}

// values is a set of specifics by value.
type values struct {
	nums     map[string]bool
	amounts  map[string]bool // "EUR|1200"
	curs     map[string]bool
	dates    map[ymd]bool // full dates
	mds      map[ymd]bool // month and day, Y = 0
	years    map[int]bool
	weekdays map[int]bool
	times    map[int]bool
	keys     map[string]bool
}

// newIndex reads every text of th: subject, messages (text, quoted text,
// author, attachment names), ticket metadata and event values, plus the
// dates and times of messages, events and the ticket itself.
func newIndex(th *thread.Thread) *index {
	ix := &index{th: th, messages: len(th.Messages)}
	var b strings.Builder
	size := 256
	for i := range th.Messages {
		m := &th.Messages[i]
		size += len(m.Text) + len(m.Quoted) + len(m.ID) + len(m.Author.Name) + len(m.Author.Email) + len(m.Channel) + 8
	}
	b.Grow(size)
	add := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				b.WriteString(s)
				b.WriteString("\n")
			}
		}
	}
	t := th.Ticket
	add(t.ID, t.Subject, t.Status, t.Priority, t.Organization, t.Group, t.Assignee, t.URL,
		t.Requester.Name, t.Requester.Email)
	add(t.Tags...)
	var first, last time.Time
	stamp := func(at time.Time) {
		if at.IsZero() {
			return
		}
		if first.IsZero() || at.Before(first) {
			first = at
		}
		if at.After(last) {
			last = at
		}
		ix.stamps = append(ix.stamps, at)
	}
	stamp(t.Created)
	stamp(t.Updated)
	for _, m := range th.Messages {
		add(m.ID, m.Author.Name, m.Author.Email, m.Text, m.Quoted, m.Channel)
		add(m.Attachments...)
		stamp(m.At)
	}
	for _, e := range th.Events {
		add(e.Field, e.From, e.To, e.By)
		stamp(e.At)
	}
	if !first.IsZero() {
		ix.spanDays = int(last.Sub(first).Hours()/24 + 0.999)
	}
	ix.text = b.String()
	ix.corpus = strings.ToLower(ix.text)
	return ix
}

// readValues reads the stamps' dates and times (as written and in UTC)
// and the days messages name relative to their date; with lines, also
// the specifics of every line of the thread's text.
func (ix *index) readValues(lines bool) *values {
	v := &values{nums: map[string]bool{}, amounts: map[string]bool{}, curs: map[string]bool{},
		dates: map[ymd]bool{}, mds: map[ymd]bool{}, years: map[int]bool{}, weekdays: map[int]bool{},
		times: map[int]bool{}, keys: map[string]bool{}}
	for _, at := range ix.stamps {
		for _, a := range []time.Time{at, at.UTC()} {
			v.addDate(ymd{a.Year(), int(a.Month()), a.Day()})
			v.times[a.Hour()*60+a.Minute()] = true
		}
	}
	for _, m := range ix.th.Messages {
		v.relativeDays(m.Text, m.At)
	}
	if !lines {
		return v
	}
	// Line by line, each distinct line once: quoted replies repeat earlier
	// messages line for line, and the index is a set.
	seen := map[string]bool{}
	for rest := ix.text; rest != ""; {
		ln, after, _ := strings.Cut(rest, "\n")
		rest = after
		ln = strings.TrimSpace(strings.TrimLeft(ln, "> \t"))
		if ln == "" || seen[ln] {
			continue
		}
		seen[ln] = true
		for _, s := range extract(ln) {
			v.addSpecific(s)
		}
	}
	return v
}

// relativeDays adds the dates a message names by weekday or relative day
// ("by Friday", "the report is Monday", "tomorrow"), resolved against the
// message's date: the next such day, today included. A note may then write
// the date ("13 Mar 2026") that the customer wrote as "Friday".
func (v *values) relativeDays(text string, at time.Time) {
	if at.IsZero() {
		return
	}
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && (text[j]|0x20 >= 'a' && text[j]|0x20 <= 'z' || text[j] >= 0x80 || text[j] == '\'') {
			j++
		}
		if j == i {
			i++
			continue
		}
		if n := j - i; n >= 3 && n <= 14 && mayBeDay(text[i], text[i+1]) {
			var kb [16]byte
			w := normKey(kb[:0], text[i:j])
			if wd, ok := cal().weekdayOf[string(w)]; ok {
				ahead := (wd - (int(day.Weekday())+6)%7 + 7) % 7 // weekdayOf counts from Monday = 0
				t := day.AddDate(0, 0, ahead)
				v.addDate(ymd{t.Year(), int(t.Month()), t.Day()})
			} else if n, ok := relativeDay[string(w)]; ok {
				t := day.AddDate(0, 0, n)
				v.addDate(ymd{t.Year(), int(t.Month()), t.Day()})
			}
		}
		i = j
	}
}

// setDayHeads files the first two bytes of every name in each map.
func (c *calendar) setDayHeads(names ...map[string]int) {
	for _, m := range names {
		for w := range m {
			if len(w) >= 2 {
				h := uint16(w[0])<<8 | uint16(w[1])
				c.dayHeads[h/64] |= 1 << (h % 64)
			}
		}
	}
}

// mayBeDay reports whether a word starting with bytes a, b may be a
// weekday or relative-day name: false only for two ASCII bytes no name,
// lower-cased, starts with.
func mayBeDay(a, b byte) bool {
	if a >= 0x80 || b >= 0x80 {
		return true
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	h := uint16(a)<<8 | uint16(b)
	return cal().dayHeads[h/64]&(1<<(h%64)) != 0
}

// relativeDay is today and tomorrow in en, de, es, fr, in days from the
// message.
var relativeDay = map[string]int{"today": 0, "tomorrow": 1, "heute": 0, "morgen": 1, "hoy": 0, "mañana": 1, "aujourd'hui": 0, "demain": 1}

func (v *values) addDate(d ymd) {
	v.dates[d] = true
	v.mds[ymd{0, d.M, d.D}] = true
	v.years[d.Y] = true
	v.weekdays[weekday(d)] = true
}

func (v *values) addSpecific(s specific) {
	switch s.kind {
	case kNumber:
		v.nums[s.num] = true
		v.keys[s.key] = true
	case kAmount:
		v.nums[s.num] = true
		v.amounts[s.cur+"|"+s.num] = true
		v.curs[s.cur] = true
	case kDate:
		for _, d := range s.dates {
			if d.Y == 0 {
				v.mds[d] = true
			} else {
				v.addDate(d)
			}
		}
	case kWeekday:
		v.weekdays[s.wd] = true
	case kTime:
		v.times[s.hm] = true
	case kURL, kEmail, kID:
		v.keys[s.key] = true
		if s.num != "" {
			v.nums[s.num] = true
		}
	}
}

// grounded reports whether the thread holds s, compared by value.
func (ix *index) grounded(s specific) bool {
	if ix.rawFound(s.raw) {
		return true
	}
	ix.datedOnce.Do(func() { ix.dated = ix.readValues(false) })
	if ix.dated.has(s, ix) {
		return true
	}
	ix.fullOnce.Do(func() { ix.full = ix.readValues(true) })
	return ix.full.has(s, ix)
}

// has reports whether v holds s, compared by value (ix gives the raw text
// and the thread's span for computed counts).
func (v *values) has(s specific, ix *index) bool {
	switch s.kind {
	case kNumber:
		return v.nums[s.num] || ix.computed(s)
	case kAmount:
		if v.amounts[s.cur+"|"+s.num] || v.amounts["|"+s.num] {
			return true
		}
		return v.nums[s.num] && (s.cur == "" || v.curs[s.cur] || strings.Contains(ix.corpus, strings.ToLower(s.cur)))
	case kDate:
		for _, d := range s.dates {
			md := ymd{0, d.M, d.D}
			if v.dates[d] || (d.Y == 0 && v.mds[md]) || (v.mds[md] && v.years[d.Y]) {
				return true
			}
		}
		return false
	case kWeekday:
		return v.weekdays[s.wd]
	case kTime:
		return v.times[s.hm]
	case kURL, kEmail:
		return v.keys[s.key]
	case kID:
		return v.keys[s.key] || (s.num != "" && v.nums[s.num])
	}
	return true
}

// computed allows small counts and durations the thread can justify: a
// number of days up to the thread's span in days + 1 (hours, weeks,
// months and minutes likewise), and counts of times, attempts, messages,
// follow-ups, agents … up to the number of messages.
func (ix *index) computed(s specific) bool {
	n := atoi(s.num)
	if n < 0 {
		return false
	}
	days := ix.spanDays + 1
	switch s.unit {
	case "days":
		return n <= days
	case "hours":
		return n <= days*24
	case "minutes":
		return n <= days*24*60
	case "weeks":
		return n <= days/7+1
	case "months":
		return n <= days/30+1
	case "count":
		return n <= ix.messages
	}
	return false
}

// joined reports whether c[a:b] is part of a longer word or number: a
// letter or digit touches it, or a separator with a digit beyond it
// ("200" in "61,200", "2.14" in "2.14.0").
func joined(c string, a, b int) bool {
	if a > 0 && isWordRune(lastRune(c[:a])) || b < len(c) && isWordRune(firstRune(c[b:])) {
		return true
	}
	if a >= 2 && strings.IndexByte(".,'", c[a-1]) >= 0 && isDigitByte(c[a-2]) {
		return true
	}
	return b+1 < len(c) && strings.IndexByte(".,'", c[b]) >= 0 && isDigitByte(c[b+1])
}

// rawFound reports whether raw occurs in the thread as a whole word.
func (ix *index) rawFound(raw string) bool {
	r := strings.ToLower(strings.TrimSpace(raw))
	if r == "" {
		return false
	}
	c := ix.corpus
	for off := 0; off < len(c); {
		i := strings.Index(c[off:], r)
		if i < 0 {
			return false
		}
		a, b := off+i, off+i+len(r)
		if !joined(c, a, b) {
			return true
		}
		off = a + 1
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
