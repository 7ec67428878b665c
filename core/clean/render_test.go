package clean

import (
	"strings"
	"testing"
)

// wordsCases hold every kind of white space strings.Fields knows (ASCII,
// U+0085, U+00A0, U+2003, U+3000) and invalid UTF-8, which is not space.
var wordsCases = []string{"", " ", "a", " a ", "a  b\tc\n\nd", "\u00a0x\u0085y\u2003z\u3000", "\v\fa\rb", "\xff \xfe\xff", "é  ü", "a\u200bb"}

// TestWriteWordsMatchesFields: the renderer's word joining is exactly
// strings.Join(strings.Fields(s), " ").
func TestWriteWordsMatchesFields(t *testing.T) {
	for _, s := range wordsCases {
		checkWords(t, s)
	}
}

func checkWords(t *testing.T, s string) {
	t.Helper()
	want := strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	if i := nextWord(s, 0); i < len(s) {
		writeWords(&b, s, i)
	}
	if b.String() != want {
		t.Fatalf("words of %q: %q, want %q", s, b.String(), want)
	}
}

func FuzzWriteWords(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(checkWords)
}
