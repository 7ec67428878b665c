package facts

import (
	"regexp"
	"slices"
	"testing"
)

// The regular expressions httpStatuses replaced, kept as its oracle.
var (
	oldHTTPRE   = regexp.MustCompile(`(?i)\b(?:http|error|errors|status|code|same|getting|got|get|returns|returned|throws|fehler|fehlercode|erreur|c[óo]digo|mismo|même|gleiche|gleichen)(?:\s(?:the|a|an|this|that|another|other|el|le|la|den|die|der))?[\s:#-]*([45]\d\d)s?\b`)
	oldReasonRE = regexp.MustCompile(`(?i)\b([45]\d\d)[\s-]+(?:bad gateway|internal server error|not found|forbidden|unauthori[sz]ed|gateway time-?out|service unavailable|too many requests|bad request|conflict|payload too large|request timeout|unprocessable)`)
)

func oldStatuses(s string) []string {
	var out []string
	for _, re := range []*regexp.Regexp{oldReasonRE, oldHTTPRE} {
		for _, sm := range re.FindAllStringSubmatch(s, -1) {
			if !slices.Contains(out, sm[1]) {
				out = append(out, sm[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestHTTPStatuses(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Export gives HTTP 502 since Monday", []string{"502"}},
		{"502 Bad Gateway on every export", []string{"502"}},
		{"429 - Too Many Requests after 40 pages", []string{"429"}},
		{"still getting a 504 when I export", []string{"504"}},
		{"same 502 as before", []string{"502"}},
		{"error: 500", []string{"500"}},
		{"Fehler 500 beim Export", []string{"500"}},
		{"el mismo error, código 503", []string{"503"}},
		{"même erreur 502 ce matin", []string{"502"}},
		{"we have 500 users and 450 seats", nil},
		{"HTTP 5021 is not a status", nil},
		{"error502x", nil},
		{"status #403s, returned the 404", []string{"403", "404"}},
		{"", nil},
	} {
		got := httpStatuses(tc.in)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("httpStatuses(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if old := oldStatuses(tc.in); !slices.Equal(got, old) {
			t.Errorf("httpStatuses(%q) = %q, the regular expressions said %q", tc.in, got, old)
		}
	}
}

func FuzzHTTPStatuses(f *testing.F) {
	for _, s := range []string{"HTTP 502", "502 Bad Gateway", "getting the 429", "código 503", "même 500", "a 404s", "error 4040"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := httpStatuses(s)
		for _, v := range got {
			if len(v) != 3 || v[0] != '4' && v[0] != '5' {
				t.Fatalf("httpStatuses(%q) gave %q", s, v)
			}
		}
	})
}
