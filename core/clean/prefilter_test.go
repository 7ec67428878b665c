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
	})
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
