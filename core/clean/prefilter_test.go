package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestDeviceInitials: every phrase of reDevice starts with a letter of
// deviceInitials in every case (?i) folds it to, so deviceFirst never
// turns away a line the regexp would match.
func TestDeviceInitials(t *testing.T) {
	src := reDevice().String()
	open := strings.Index(src, "]*(")
	end := strings.Index(src, `)\b`)
	if open < 0 || end < open {
		t.Fatalf("reDevice changed shape: %s", src)
	}
	for _, phrase := range strings.Split(src[open+3:end], "|") {
		r := []rune(phrase)[0]
		for f := r; ; {
			if !strings.ContainsRune(deviceInitials, f) {
				t.Errorf("phrase %q: %q missing from deviceInitials", phrase, f)
			}
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
}

// TestPrefiltersKeepMatches: on every line of the corpora and testdata,
// a line the regexps match passes their cheap pre-tests.
func TestPrefiltersKeepMatches(t *testing.T) {
	lines := []string{"From: Ana", "*Von:* Ana", "De : x", "Envoyé le :jeudi", " _Sent_ : x", "Sent from my iPhone", "ſent from x", "Отправлено с iPhone", "  **Get Outlook for iOS"}
	for _, dir := range []string{"../../../shared/corpora", "testdata"} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".html")) {
				if b, err := os.ReadFile(p); err == nil {
					lines = append(lines, splitLines(string(b))...)
				}
			}
			return nil
		})
	}
	for _, l := range lines {
		if reDevice().MatchString(l) && !deviceFirst(l) {
			t.Errorf("deviceFirst turns away %q", l)
		}
		if c := strings.IndexByte(l, ':'); c >= 0 && reHeaderLabel().MatchString(l) && !labelPrefix(l[:c]) {
			t.Errorf("labelPrefix turns away %q", l)
		}
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range []string{"From: Ana", "Sent from my iPhone", "ſent from", "Reply 1: x", "*_ Von: x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if reDevice().MatchString(l) && !deviceFirst(l) {
			t.Errorf("deviceFirst turns away %q", l)
		}
		if c := strings.IndexByte(l, ':'); c >= 0 && reHeaderLabel().MatchString(l) && !labelPrefix(l[:c]) {
			t.Errorf("labelPrefix turns away %q", l)
		}
		if (reURL().MatchString(l) || reContactLabel().MatchString(l)) && !strings.ContainsAny(l, ".:") {
			t.Errorf("%q matches without '.' or ':'", l)
		}
		if rePhone().MatchString(l) && !hasDigit(l) {
			t.Errorf("%q is a phone without a digit", l)
		}
		checkLowerTests(t, l)
	})
}

// checkLowerTests: the phrase look-ups and the disclaimer word test, which
// skip strings.ToLower for ASCII text, answer as they would with it.
func checkLowerTests(t *testing.T, l string) {
	t.Helper()
	for _, ps := range []phraseSet{closingSet(), forwardSet()} {
		if got, want := ps.has(l), ps.set[strings.ToLower(l)]; got != want {
			t.Errorf("phrase look-up of %q: %v, want %v", l, got, want)
		}
	}
	want := false
	for _, w := range disclaimerWords {
		want = want || strings.Contains(strings.ToLower(l), w)
	}
	if got := disclaimerWordIn([]string{l}); got != want {
		t.Errorf("disclaimerWordIn(%q) = %v, want %v", l, got, want)
	}
	if got := disclaimerWordIn(strings.Split(l, " ")); got != want {
		t.Errorf("disclaimerWordIn(%q split at spaces) = %v, want %v", l, got, want)
	}
}

// TestLowerTests runs checkLowerTests on phrases in other cases, longer
// ASCII lines and lines whose lower case changes length (the Kelvin sign).
func TestLowerTests(t *testing.T) {
	for _, l := range []string{"Best Regards", "BEST REGARDS", "Forwarded Message", "Begin forwarded message",
		"ANFANG DER WEITERGELEITETEN NACHRICHT", "Anfang der weitergeleiteten Nachricht und noch viel mehr Text dahinter",
		"Пересланное сообщение", "\u212Aind regards", "This e-mail is CONFIDENTIAL and intended only for the addressee.",
		"THIS MESSAGE IS CONFIDENTIAL AND MAY BE PRIVILEGED", strings.Repeat("This email is confidential. ", 50), ""} {
		checkLowerTests(t, l)
	}
}

// TestContactPretests: lines the contact regexps match pass the pre-tests
// contactBlock and phoneLine put before them.
func TestContactPretests(t *testing.T) {
	for _, l := range []string{"www.acme.io", "https://x", "acme.com", "Tel: 1", "m. 06", "+44 20 7946 0311", "E-mail: a@b.c", "skype: ana"} {
		if (reURL().MatchString(l) || reContactLabel().MatchString(l)) && !strings.ContainsAny(l, ".:") {
			t.Errorf("%q matches without '.' or ':'", l)
		}
		if rePhone().MatchString(l) && !hasDigit(l) {
			t.Errorf("%q is a phone without a digit", l)
		}
	}
}
