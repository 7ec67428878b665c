package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFromCorpora adds every corpus e-mail (when ../shared is present) to f.
func seedFromCorpora(f *testing.F) {
	root := filepath.Join("..", "..", "..", "shared", "corpora")
	for _, name := range emailCorpora {
		files, _ := filepath.Glob(filepath.Join(root, name, "*", "*.txt"))
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 64<<10 {
				f.Add(string(b))
			}
		}
	}
}

// FuzzText: no panic, valid UTF-8 out, no "\r", and nothing lost: every
// non-blank input line is found in Text, Quoted or Signature.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "\n\n", ">", "-- ", "On 1 wrote:", "Thanks,\nAna", "a\r\nb\rc", "\xff\xfe", "From: a\nSent: b\nTo: c\nSubject: d", "> a\nb\n> c"} {
		f.Add(s)
	}
	seedFromCorpora(f)
	f.Fuzz(func(t *testing.T, in string) {
		r := Text(in)
		all := r.Text + "\n" + r.Quoted + "\n" + r.Signature
		if !utf8.ValidString(all) || strings.Contains(all, "\r") {
			t.Fatalf("bad output %q", all)
		}
		for _, l := range splitLines(in) {
			if l = strings.TrimSpace(l); l != "" && !strings.Contains(all, l) {
				t.Fatalf("line %q lost", l)
			}
		}
	})
}

// FuzzHTML: no panic, valid UTF-8, script bodies never rendered. Seeds
// include the corpora's plain-text e-mails, which are also HTML input.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{"", "<", "<p>a</p><blockquote>b</blockquote>", `<div id="divRplyFwdMsg">x</div>y`, "<pre>\n a</pre>", "<ul><li>a<li>b</ul>", "<table><tr><td>a<td>b</table>"} {
		f.Add(s)
	}
	seedFromCorpora(f)
	f.Fuzz(func(t *testing.T, in string) {
		const marker = "SCRIPTBODY"
		body := "<script>" + marker + "</script>" + in // first, so no input can reopen it
		r := HTML(body)
		plain := HTMLToText(body)
		for _, s := range []string{r.Text, r.Quoted, r.Signature, plain} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
		if !strings.Contains(in, marker) && strings.Contains(r.Text+r.Quoted+r.Signature+plain, marker) {
			t.Fatalf("script rendered: %q", plain)
		}
	})
}
