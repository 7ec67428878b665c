package source

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
)

// Reading when a block of a captured page was written.

// blockTime finds when a block was written, and the element saying so:
// <time datetime>, another element's datetime or title attribute, or a
// short element whose text is a date. The node is nil when none is found.
func blockTime(b *html.Node) (time.Time, *html.Node) {
	for _, key := range []string{"datetime", "data-time", "data-timestamp", "title"} {
		for _, n := range findAllDeep(b, byAttr(key, "")) {
			if t, ok := looseTime(attr(n, key)); ok {
				return t, n
			}
		}
	}
	for _, n := range findAllDeep(b, func(n *html.Node) bool {
		return n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode
	}) {
		if s := nodeText(n); len(s) <= 40 {
			if t, ok := looseTime(s); ok {
				return t, n
			}
		}
	}
	return time.Time{}, nil
}

// newestFirst reports whether the blocks' known times mostly decrease.
func newestFirst(blocks []*html.Node) bool {
	var last time.Time
	down, up := 0, 0
	for _, b := range blocks {
		t, n := blockTime(b)
		if n == nil {
			continue
		}
		if !last.IsZero() {
			if t.Before(last) {
				down++
			} else if t.After(last) {
				up++
			}
		}
		last = t
	}
	return down > up
}

// timeLayouts are the absolute date forms helpdesk pages print in titles
// and labels: ISO, RFC 1123, English month names, and day.month.year.
var timeLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04",
	"Jan 2, 2006 3:04 PM", "Jan 2, 2006, 3:04 PM", "Jan 2, 2006 15:04", "Jan 2, 2006", "January 2, 2006 3:04 PM",
	"January 2, 2006 15:04", "January 2, 2006", "Mon, Jan 2, 2006 3:04 PM", "Monday, January 2, 2006 3:04 PM",
	"2 Jan 2006 15:04", "2 Jan 2006 3:04 PM", "2 January 2006 15:04", "2 January 2006", "2 Jan 2006",
	"02.01.2006 15:04", "02.01.2006, 15:04", "2.1.2006 15:04", "02.01.2006",
}

// looseTime parses s as one of timeLayouts, after dropping " at ", "um",
// "à" joiners and a trailing zone name ("UTC", "CET"). A date without a
// year ("Jan 5, 3:04 PM") is not a date it can place, so ok is false.
func looseTime(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) < 8 || len(s) > 60 || !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false
	}
	for _, j := range []string{" at ", " um ", " à ", " a las ", " alle ", " om "} {
		s = strings.Replace(s, j, " ", 1)
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if z := s[i+1:]; len(z) >= 3 && len(z) <= 4 && strings.ToUpper(z) == z && unicode.IsLetter(rune(z[0])) && z != "PM" && z != "AM" {
			s = s[:i]
		}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil && t.Year() > 1990 {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
