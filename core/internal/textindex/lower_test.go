package textindex

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendLowerASCII(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Friday", "friday", true},
		{"HTTP/502 @Ab_Z[`", "http/502 @ab_z[`", true},
		{"", "", true},
		{"März", "", false},
		{"x\xff", "", false},
	} {
		got, ok := AppendLowerASCII([]byte("pre:"), tc.in)
		if ok != tc.ok || string(got) != "pre:"+tc.want {
			t.Errorf("AppendLowerASCII(%q) = %q, %v; want %q, %v", tc.in, got, ok, "pre:"+tc.want, tc.ok)
		}
	}
}

// FuzzAppendLowerASCII checks AppendLowerASCII against strings.ToLower
// on ASCII and that it leaves dst alone otherwise.
func FuzzAppendLowerASCII(f *testing.F) {
	for _, s := range []string{"Friday", "März", "ÉCHÉANCE", "v2.3.1 HTTP 502", "\x00\x7f\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := AppendLowerASCII(nil, s)
		ascii := utf8.ValidString(s) && len([]rune(s)) == len(s)
		if ok != ascii {
			t.Fatalf("%q: ok = %v, ASCII = %v", s, ok, ascii)
		}
		if ok && string(got) != strings.ToLower(s) {
			t.Fatalf("%q: got %q, want %q", s, got, strings.ToLower(s))
		}
		if !ok && len(got) != 0 {
			t.Fatalf("%q: appended %q to dst on non-ASCII", s, got)
		}
	})
}
