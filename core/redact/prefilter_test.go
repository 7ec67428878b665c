package redact

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"handoff/core/internal/testenv"
)

// applyBoth redacts s with and without the pre-filters, each with a new
// Redactor.
func applyBoth(s string) (fast, slow string) {
	fast = New().Apply(s)
	usePrefilters = false
	defer func() { usePrefilters = true }()
	return fast, New().Apply(s)
}

// prefilterCases hold every kind, near misses of each, and the non-ASCII
// letters that (?i) folds onto ASCII.
var prefilterCases = []string{
	"Hi, I'm ana.ruiz@northwind.io (call +44 20 7946 0958). Card 4111 1111 1111 1111 was charged.",
	"IBAN DE89 3704 0044 0532 0130 00, api_key=abcdefghijklmnopqrstuvwxyz012345",
	"My API key is sk-proj-abcdefghijklmnop1234 and password: hunter2!",
	"PASSWORT ist: geheim123; Mot de passe : s3cret; contraseña= x; pwd=abc",
	"ghp_abcdefghijklmnopqrstuvwx1234 xoxb-1234567890-abc AKIAABCDEFGHIJKLMNOP",
	"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkw.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
	"sk_live_abcdefghijklmnop1234 rk_test_abcdefghijklmnopqrst",
	"TO\u212aEN: abcdefghijklmnopqrstuvwxyz0123 and \u017fecret=abcdefghijklmnopqrstuvwxyz0123",
	"call (030) 1234-5678 or 555.123.4567 or +1\t555\t123\t4567",
	"Export fails with HTTP 502 since 2026-03-02 on v4.12.1, order 1234567890123",
	"Bearer abcdefghijklmnopqrstuvwxyz.0123456789",
	"[EMAIL_1] 12 34 56 78 and [PHONE_2]",
}

func TestPrefilterExact(t *testing.T) {
	texts := append([]string(nil), prefilterCases...)
	texts = append(texts, files(t, testenv.Testdata("tickets"))...)
	for _, s := range texts {
		if fast, slow := applyBoth(s); fast != slow {
			t.Errorf("pre-filters changed the result for %.80q:\nwith    %.200q\nwithout %.200q", s, fast, slow)
		}
	}
}

func TestPrefilterExactOnCorpus(t *testing.T) {
	dir := testenv.Corpora(t, "github-email_reply_parser")
	for _, s := range files(t, dir) {
		if fast, slow := applyBoth(s); fast != slow {
			t.Errorf("pre-filters changed the result for %.80q", s)
		}
	}
}

func TestPrefiltersSkipPlainText(t *testing.T) {
	plain := "The export still times out after 30 seconds; we cleared the cache and tried another browser."
	for i, ru := range rules {
		if ru.may != nil && ru.may(plain) || ru.runs != nil && len(ru.runs.runs(plain)) > 0 {
			t.Errorf("rule %d (%s) would run its regexp over text with nothing to redact", i, ru.kind)
		}
	}
	if mayPlaceholder("no placeholder here") {
		t.Error("Restore would scan text without a bracket")
	}
}

// FuzzPrefilterExact: for any text, the pre-filters never change what
// Apply returns, and the result stays valid UTF-8 when the input was.
func FuzzPrefilterExact(f *testing.F) {
	for _, s := range prefilterCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, slow := applyBoth(s)
		if fast != slow {
			t.Fatalf("pre-filters changed the result for %q:\nwith    %q\nwithout %q", s, fast, slow)
		}
		if utf8.ValidString(s) && !utf8.ValidString(fast) {
			t.Fatalf("invalid UTF-8 from valid input %q: %q", s, fast)
		}
	})
}

// files reads every file under dir up to 1 MB, as paragraphs and whole.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil || len(b) > 1<<20 {
			return err
		}
		out = append(out, string(b))
		out = append(out, strings.Split(string(b), "\n\n")...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func BenchmarkApply(b *testing.B) {
	b.Run("prefiltered", func(b *testing.B) { benchApply(b, true) })
	b.Run("regexps", func(b *testing.B) { benchApply(b, false) })
}

func benchApply(b *testing.B, pre bool) {
	usePrefilters = pre
	defer func() { usePrefilters = true }()
	text := strings.Repeat("The export still times out after 30 seconds on v4.12.1 since 2026-03-02; "+
		"we cleared the cache and tried another browser (ticket 4521).\n\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		New().Apply(text)
	}
}
