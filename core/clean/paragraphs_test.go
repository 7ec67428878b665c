package clean

import (
	"strings"
	"testing"
)

// TestHTMLLineBreaks: <br> ends a line, and on an empty line adds an
// empty line, as a browser shows it; so paragraphs written as one <div>
// each with <div><br></div> between them, or as text with <br><br>, keep
// their blank line.
func TestHTMLLineBreaks(t *testing.T) {
	cases := map[string]string{
		"a<br><br>b": "a\n\nb",
		"a<br>b":     "a\nb",
		"<div>a</div><div><br></div><div>b</div>":          "a\n\nb",
		"<div>a<br></div><div>b</div>":                     "a\nb",
		"<div>a<br><br></div><div>b</div>":                 "a\n\nb",
		"<div>one</div><div>two</div>":                     "one\ntwo",
		"<p>a</p><p>b</p>":                                 "a\n\nb",
		"<br><br>lead":                                     "lead",
		"<div>Hi,</div><div><br></div><div>text</div><br>": "Hi,\n\ntext",
	}
	for in, want := range cases {
		if got := HTMLToText(in); got != want {
			t.Errorf("HTMLToText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBodyEndingInSignature: bodies whose paragraphs end in a closing, a
// "--" signature and a disclaimer keep every paragraph above them as
// text — in HTML (paragraphs split by <br><br> or by <div>s) and in plain
// text with no blank lines at all.
func TestBodyEndingInSignature(t *testing.T) {
	const para1, para2 = "Our renewal went through twice on 1 Feb.", "Can you please refund the second one?"
	const disclaimer = "This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error please notify the sender."
	bodies := map[string]string{
		"html br":    "<div>Hello,<br><br>" + para1 + "<br><br>" + para2 + "<br><br>Thanks,<br>Priya<br><br>--<br>Priya Raghunathan<br>Operations Lead<br>+44 20 7946 0311<br><br><span>" + disclaimer + "</span></div>",
		"html divs":  "<div>Hello,</div><div><br></div><div>" + para1 + "</div><div><br></div><div>" + para2 + "</div><div><br></div><div>--</div><div>Priya Raghunathan</div><div>" + disclaimer + "</div>",
		"text dense": "Hello,\n" + para1 + "\n" + para2 + "\nPriya Raghunathan\n+44 20 7946 0311\n" + disclaimer,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			var r Result
			if strings.HasPrefix(body, "<") {
				r = HTML(body)
			} else {
				r = Text(body)
			}
			if !strings.Contains(r.Text, para1) || !strings.Contains(r.Text, para2) {
				t.Errorf("Text = %q, want both paragraphs", r.Text)
			}
			if strings.Contains(r.Text, "confidential") {
				t.Errorf("Text = %q keeps the disclaimer", r.Text)
			}
		})
	}
}

// TestGreetingIsNoSignature: a greeting line over text holding dates and
// amounts is not a name line opening a contact block, in any language.
func TestGreetingIsNoSignature(t *testing.T) {
	const body = "\n\nwe were charged twice:\n– 588,00 € on 02.04.2026 (invoice RE-2026-04418)\n– 412,35 € on 03.04.2026 (invoice RE-2026-04431)\n\nPlease refund the difference."
	for _, greeting := range []string{"Guten Tag,", "Good Morning,", "Bonjour Madame,", "Buenas Tardes,", "Goedemiddag Team,", "Dear Support Team,", "Hello Ana,", "Добрый день,"} {
		r := Text(greeting + body)
		if !strings.HasPrefix(r.Text, greeting) || !strings.Contains(r.Text, "Please refund") || r.Signature != "" {
			t.Errorf("%s: Text = %q, Signature = %q", greeting, r.Text, r.Signature)
		}
	}
}

// TestDatesAreNoPhones: dates do not count as the phone lines of a
// contact block; a real phone number still does.
func TestDatesAreNoPhones(t *testing.T) {
	for l, want := range map[string]bool{
		"on 02.04.2026 and 03.04.2026": false,
		"from 2026-04-02":              false,
		"Tel 0351 4407 213":            true,
		"+44 20 7946 0311":             true,
		"4/2/26 then 12/31/2026":       false,
	} {
		if got := phoneLine(l); got != want {
			t.Errorf("phoneLine(%q) = %v, want %v", l, got, want)
		}
	}
}

// TestSignatureMarker: everything after Zammad's signature marker is the
// signature.
func TestSignatureMarker(t *testing.T) {
	r := HTML(`<div>Bitte prüfen Sie die Rechnung.</div><span class="js-signatureMarker"></span><br>Jürgen Weiß<br>Bäckerei Sonnenschein GmbH`)
	if r.Text != "Bitte prüfen Sie die Rechnung." || !strings.Contains(r.Signature, "Jürgen Weiß") {
		t.Errorf("%+v", r)
	}
}
