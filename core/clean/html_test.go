package clean

import (
	"strings"
	"testing"
)

func TestHTMLToText(t *testing.T) {
	cases := map[string]string{
		"<p>Hi&nbsp;Ana</p><ul><li>one</li><li>two</li></ul>":                 "Hi Ana\n\n- one\n- two",
		"<div>line one<br>line two</div><div>next</div>":                      "line one\nline two\nnext",
		"<style>p{color:red}</style><script>alert(1)</script><p>kept</p>":     "kept",
		"<pre>  a\n    b</pre>":                                               "a\n    b",
		"<p>Fehler &lt;502&gt; &amp; mehr</p><blockquote>quoted</blockquote>": "Fehler <502> & mehr\n\nquoted",
		"<a href=\"https://x.io/a\">the log</a>":                              "the log <https://x.io/a>",
		"not html at all":                                                     "not html at all",
		"":                                                                    "",
	}
	for in, want := range cases {
		if got := HTMLToText(in); got != want {
			t.Errorf("HTMLToText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHTMLQuotes: each mail client's quote container is removed and kept
// in Quoted; the reply stays.
func TestHTMLQuotes(t *testing.T) {
	const reply = "<div dir=\"ltr\">Still 502 after clearing the cache.</div>"
	quotes := map[string]string{
		"gmail":           `<div class="gmail_quote"><div class="gmail_attr">On Mon, 2 Mar 2026 at 10:14, Ana &lt;ana@x.io&gt; wrote:<br></div><blockquote class="gmail_quote">Try clearing the cache.</blockquote></div>`,
		"apple":           `<div>On 2 Mar 2026, at 10:14, Ana &lt;ana@x.io&gt; wrote:</div><blockquote type="cite"><div>Try clearing the cache.</div></blockquote>`,
		"outlook web":     `<div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Ana<br><b>Sent:</b> Monday<br><b>To:</b> Bo<br><b>Subject:</b> Export</div><div>Try clearing the cache.</div>`,
		"outlook desktop": `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in"><p><b>From:</b> Ana<br><b>Sent:</b> Monday<br><b>To:</b> Bo<br><b>Subject:</b> Export</p></div><p>Try clearing the cache.</p>`,
		"yahoo":           `<div class="yahoo_quoted"><div>On Monday, Ana wrote:</div><div>Try clearing the cache.</div></div>`,
		"thunderbird":     `<div class="moz-cite-prefix">On 02.03.26 10:14, Ana wrote:<br></div><blockquote type="cite">Try clearing the cache.</blockquote>`,
	}
	for name, q := range quotes {
		t.Run(name, func(t *testing.T) {
			r := HTML("<html><body>" + reply + q + "</body></html>")
			if r.Text != "Still 502 after clearing the cache." {
				t.Errorf("Text = %q", r.Text)
			}
			if !strings.Contains(r.Quoted, "Try clearing the cache.") {
				t.Errorf("Quoted = %q", r.Quoted)
			}
		})
	}
}

func TestHTMLSignature(t *testing.T) {
	r := HTML(`<div>Refund of 49.00 EUR still missing.</div><div class="gmail_signature">Ana Lima | Acme</div>`)
	if r.Text != "Refund of 49.00 EUR still missing." || r.Signature != "Ana Lima | Acme" {
		t.Errorf("%+v", r)
	}
}
