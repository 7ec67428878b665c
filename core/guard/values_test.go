package guard

import (
	"strings"
	"testing"
)

func TestLexiconLoads(t *testing.T) {
	if _, err := loadLex(); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "de", "es", "fr"} {
		counts := map[string]int{}
		for _, list := range []string{"months", "weekdays"} {
			for _, ln := range lex().lines[list] {
				if ln.lang == lang {
					counts[list]++
				}
			}
		}
		if counts["months"] != 12 || counts["weekdays"] != 7 {
			t.Errorf("%s: %d months, %d weekdays", lang, counts["months"], counts["weekdays"])
		}
		for _, list := range []string{"temperament", "blame", "gossip", "presume", "filler", "person", "outcome"} {
			n := 0
			for _, e := range lex().lists[list] {
				if e.lang == lang {
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s has no [%s]", lang, list)
			}
		}
	}
	// Every @list a phrase refers to exists.
	for name, entries := range lex().lists {
		for _, e := range entries {
			for _, tm := range e.terms {
				if tm.list != "" && len(lex().lists[tm.list]) == 0 {
					t.Errorf("[%s] %q refers to missing list @%s", name, e.text, tm.list)
				}
			}
		}
	}
}

func TestNumberValue(t *testing.T) {
	for in, want := range map[string]string{
		"1200": "1200", "1,200": "1200", "1.200": "1200", "1.200,00": "1200", "1,200.00": "1200",
		"1 200": "1200", "1'200.50": "1200.5", "1,5": "1.5", "49.99": "49.99", "0.125": "0.125",
		"12.000.000": "12000000", "007": "7", "1.2.3": "", "abc": "", "": "",
	} {
		if got := numberValue(in); got != want {
			t.Errorf("numberValue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExtractDates(t *testing.T) {
	for in, want := range map[string]ymd{
		"on 2026-03-02 at": {2026, 3, 2}, "am 02.03.2026": {2026, 3, 2}, "2 March 2026": {2026, 3, 2},
		"March 2nd, 2026": {2026, 3, 2}, "Mar 2": {0, 3, 2}, "2. März": {0, 3, 2}, "2 de marzo de 2026": {2026, 3, 2},
		"le 1er mars": {0, 3, 1}, "2nd of March": {0, 3, 2}, "31 déc. 2025": {2025, 12, 31},
	} {
		var got []ymd
		for _, s := range extract(in) {
			if s.kind == kDate {
				got = append(got, s.dates...)
			}
		}
		if len(got) == 0 || got[0] != want {
			t.Errorf("extract(%q) dates = %v, want %v", in, got, want)
		}
	}
	for _, in := range []string{"31 February", "version 2.14.0", "13/13/2026", "May I ask"} {
		for _, s := range extract(in) {
			if s.kind == kDate {
				t.Errorf("extract(%q) found date %v", in, s.dates)
			}
		}
	}
	// Slashes are read both ways.
	for _, s := range extract("3/4/2026") {
		if s.kind == kDate && len(s.dates) != 2 {
			t.Errorf("3/4/2026 readings %v", s.dates)
		}
	}
}

func TestExtractAmounts(t *testing.T) {
	for in, want := range map[string]string{
		"€1,200": "EUR|1200", "1.200,00 €": "EUR|1200", "EUR 1200": "EUR|1200", "1200 euros": "EUR|1200",
		"$49.99": "USD|49.99", "US$ 5,000": "USD|5000", "£12": "GBP|12", "CHF 1'250.50": "CHF|1250.5", "1 200,00 €": "EUR|1200",
	} {
		var got []string
		for _, s := range extract("paid " + in + " today") {
			if s.kind == kAmount {
				got = append(got, s.cur+"|"+s.num)
			}
		}
		if strings.Join(got, ",") != want {
			t.Errorf("extract(%q) amounts = %v, want %s", in, got, want)
		}
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	for _, tk := range tokenize("L’utilisateur didn't re-run it; Kunde ist verärgert.") {
		got = append(got, tk.s)
	}
	want := "l' utilisateur didn't re-run it kunde ist verärgert"
	if strings.Join(got, " ") != want {
		t.Errorf("tokenize = %q, want %q", strings.Join(got, " "), want)
	}
}
