package source

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"handoff/core/internal/testenv"
)

func TestParseMailDate(t *testing.T) {
	utc := func(y, mo, d, h, mi int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC) }
	cases := []struct {
		in   string
		want time.Time
	}{
		{"Mon, 2 Mar 2026 09:14:03 +0100", time.Date(2026, 3, 2, 8, 14, 3, 0, time.UTC)},
		{"2 March 2026 at 09:14", utc(2026, 3, 2, 9, 14)},
		{"03/02/2026 9:14 AM", utc(2026, 3, 2, 9, 14)},
		{"03/02/2026 9:14 PM", utc(2026, 3, 2, 21, 14)},
		{"12/02/2026 12:05 AM", utc(2026, 12, 2, 0, 5)},
		{"02/03/2026 09:14", utc(2026, 3, 2, 9, 14)},
		{"02.03.2026 09:14", utc(2026, 3, 2, 9, 14)},
		{"Montag, 2. März 2026 09:14", utc(2026, 3, 2, 9, 14)},
		{"le lun. 2 mars 2026 à 09:14", utc(2026, 3, 2, 9, 14)},
		{"mar. 3 mars 2026 à 09:14", utc(2026, 3, 3, 9, 14)},
		{"2 de marzo de 2026, 9:14", utc(2026, 3, 2, 9, 14)},
		{"Thursday, July 7, 2016 at 3:10 PM", utc(2016, 7, 7, 15, 10)},
		{"2017-01-09 11:59:39", time.Date(2017, 1, 9, 11, 59, 39, 0, time.UTC)},
		{"ti 18. huhtik. 2017 klo 13.09", utc(2017, 4, 18, 13, 9)},
		{"27 grudnia 2016 12:08", utc(2016, 12, 27, 12, 8)},
		{"ср, 30 апр. 2025 г. в 15:19", utc(2025, 4, 30, 15, 19)},
		{"Wednesday, 17 November 2021, 3:32 PM +0300", time.Date(2021, 11, 17, 12, 32, 0, 0, time.UTC)},
		{"Monday, December 15, 2024, at 3:45:32 PM EST", time.Date(2024, 12, 15, 20, 45, 32, 0, time.UTC)},
		{"04.07.2024  17.45  (GMT+01:00)", time.Date(2024, 7, 4, 16, 45, 0, 0, time.UTC)},
		{"10 de julho de 2017 às 16:32:35", time.Date(2017, 7, 10, 16, 32, 35, 0, time.UTC)},
	}
	for _, c := range cases {
		got := ParseMailDate(c.in)
		if !got.Equal(c.want) {
			t.Errorf("ParseMailDate(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"", "Thursday", "On Dec 9", "31 February 2026", "99/99/2026", "tomorrow at 10", "25:99 2026-13-40"} {
		if got := ParseMailDate(bad); !got.IsZero() {
			t.Errorf("ParseMailDate(%q) = %v, want zero", bad, got)
		}
	}
}

func TestSplitChain(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		bodies []string // newest first
		emails []string
		names  []string
	}{{
		name:   "gmail reply with quote",
		in:     "Still broken.\n\nOn Mon, 2 Mar 2026 at 09:14, Ana Lima <ana@shop.example> wrote:\n> Export gives a 502.\n> Since Monday.\n",
		bodies: []string{"Still broken.", "Export gives a 502.\nSince Monday."},
		emails: []string{"", "ana@shop.example"},
		names:  []string{"", "Ana Lima"},
	}, {
		name:   "nested quotes, three levels",
		in:     "C\n\nOn 3 Mar 2026 10:00, Bo <bo@acme.example> wrote:\n> B\n>\n> On 2 Mar 2026 09:00, Ana <ana@shop.example> wrote:\n>> A\n",
		bodies: []string{"C", "B", "A"},
		emails: []string{"", "bo@acme.example", "ana@shop.example"},
	}, {
		name:   "outlook block without quote markers",
		in:     "Thanks.\n\n________________________________\nFrom: Ana Lima <ana@shop.example>\nSent: Monday, March 2, 2026 9:14 AM\nTo: Support <support@acme.example>\nSubject: Export\n\nExport gives a 502.",
		bodies: []string{"Thanks.", "Export gives a 502."},
		emails: []string{"", "ana@shop.example"},
	}, {
		name:   "german outlook",
		in:     "Danke.\n\n-----Ursprüngliche Nachricht-----\nVon: Max Muster <max@beispiel.de>\nGesendet: Montag, 2. März 2026 09:14\nAn: support@acme.example\nBetreff: Export\n\nDer Export bricht ab.",
		bodies: []string{"Danke.", "Der Export bricht ab."},
		emails: []string{"", "max@beispiel.de"},
		names:  []string{"", "Max Muster"},
	}, {
		name:   "wrapped french reply line",
		in:     "Merci.\n\nLe lun. 2 mars 2026 à 09:14, Support Acme <support@acme.example>\na écrit :\n> Pouvez-vous réessayer ?",
		bodies: []string{"Merci.", "Pouvez-vous réessayer ?"},
		emails: []string{"", "support@acme.example"},
	}, {
		name:   "inline answer is not split",
		in:     "On Mon, 2 Mar 2026 at 09:14, Ana <ana@shop.example> wrote:\n> Which browser?\n\nFirefox.\n\n> Which version?\n\n128.",
		bodies: []string{"On Mon, 2 Mar 2026 at 09:14, Ana <ana@shop.example> wrote:\n> Which browser?\n\nFirefox.\n\n> Which version?\n\n128."},
	}, {
		name:   "sentences that look like headers",
		in:     "On the other hand, it works.\nThe data comes From: our database.\nSee https://x.example/someone-wrote-this",
		bodies: []string{"On the other hand, it works.\nThe data comes From: our database.\nSee https://x.example/someone-wrote-this"},
	}, {
		name:   "pasted chain starting with a header block",
		in:     "From: Bo <bo@acme.example>\nDate: 3 Mar 2026 10:00\nSubject: RE: Export\n\nB\n\nFrom: Ana <ana@shop.example>\nDate: 2 Mar 2026 09:00\nSubject: Export\n\nA",
		bodies: []string{"", "B", "A"},
		emails: []string{"", "bo@acme.example", "ana@shop.example"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parts := splitChain(c.in)
			if len(parts) != len(c.bodies) {
				t.Fatalf("got %d parts, want %d: %+v", len(parts), len(c.bodies), parts)
			}
			for i, p := range parts {
				if p.Body != c.bodies[i] {
					t.Errorf("part %d body %q, want %q", i, p.Body, c.bodies[i])
				}
				if c.emails != nil && p.Email != c.emails[i] {
					t.Errorf("part %d email %q, want %q", i, p.Email, c.emails[i])
				}
				if c.names != nil && p.Name != c.names[i] {
					t.Errorf("part %d name %q, want %q", i, p.Name, c.names[i])
				}
			}
		})
	}
}

// FuzzTextChain: any text splits without panic, the header that
// introduced a part never shows up again as a line of its body, bodies
// stay valid UTF-8 when the input is, and Read numbers messages 1..N.
func FuzzTextChain(f *testing.F) {
	for _, p := range emailSeeds(f, "txt") {
		f.Add(string(p))
	}
	f.Add("Hi\n\nOn Mon, 2 Mar 2026, Ana <a@b.c> wrote:\n> x\n>> On 1 Mar 2026, B <b@c.d> wrote:\n>>> y")
	f.Add("From: a@b.c\nDate: 2 Mar 2026\n\nx\n-----Original Message-----\nFrom: b@c.d\nSent: 1 Mar 2026\n\ny")
	f.Fuzz(func(t *testing.T, s string) {
		parts := splitChain(s)
		if len(parts) == 0 {
			t.Fatal("no parts")
		}
		for i, p := range parts {
			checkHeaderNotInBody(t, i, p)
			if utf8.ValidString(s) && !utf8.ValidString(p.Body) {
				t.Fatalf("part %d body is not valid UTF-8", i)
			}
		}
		checkRead(t, "chain.txt", []byte(s))
	})
}

func checkHeaderNotInBody(t *testing.T, i int, p chainPart) {
	t.Helper()
	if p.Header == "" {
		return
	}
	body := map[string]bool{}
	for _, l := range strings.Split(p.Body, "\n") {
		body[strings.TrimSpace(l)] = true
	}
	first := strings.TrimSpace(strings.SplitN(p.Header, "\n", 2)[0])
	if len(first) > 12 && body[first] {
		t.Fatalf("part %d body holds its own header line %q:\n%s", i, first, p.Body)
	}
}

// emailSeeds reads testdata/email* and the e-mail corpora (when present).
func emailSeeds(tb testing.TB, ext string) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob(filepath.Join("testdata", "email*."+ext))
	tickets, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "tickets", "email-*."+ext))
	files = append(files, tickets...)
	if ext == "txt" {
		for _, dir := range []string{"github-email_reply_parser/emails", "zapier-email-reply-parser/emails", "crisp-oss-email-reply-parser/fixtures"} {
			more, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpora", dir, "*.txt"))
			files = append(files, more...)
		}
	}
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && len(b) < 16<<10 {
			out = append(out, b)
		}
	}
	return out
}

// TestSplitCorpora runs the e-mail corpora: every file splits without
// panic; where the fixture's reply header names someone, the split finds
// the quoted message and its author (the facts below are read from the
// fixtures' header lines); and where a crisp case states the reply's first
// fragment, the split never cuts into it.
func TestSplitCorpora(t *testing.T) {
	known := []struct{ file, who string }{
		{"crisp-oss-email-reply-parser/fixtures/email_10.txt", "questions@company.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_14.txt", "questions@company.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_16.txt", "questions@company.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_18.txt", "john@hellolucy.io"},
		{"crisp-oss-email-reply-parser/fixtures/email_22.txt", "s.rewrre34r34reere.i@saas.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_24.txt", "john@doe.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_7.txt", "questions@mycompany.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_8.txt", "questions@company.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_9.txt", "questions@company.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_custom_quote_header.txt", "Gyõrvári Eszter"},
		{"crisp-oss-email-reply-parser/fixtures/email_en_multiline_2.txt", "john@acme.supportcorp.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_finnish.txt", "s.testtesttest.i@test.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_fr_multiline.txt", "john@acme.supportcorp.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_french_2.txt", "chris@mail.support.crisp.chat"},
		{"crisp-oss-email-reply-parser/fixtures/email_german.txt", "s.test.i@mail.stripe.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_german_2.txt", "service@example.de"},
		{"crisp-oss-email-reply-parser/fixtures/email_german_outlook.txt", "max.m@beispiel.de"},
		{"crisp-oss-email-reply-parser/fixtures/email_gmail_split_line_from.txt", "a-really-long-automated-email+1234556@humanresources.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_ios_outlook.txt", "job-applicant-incoming-text+65701@hiringenginemail.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_italian.txt", "s.test.i@mail.stripe.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_msn.txt", "job-applicant-inbound+65560@hiringenginemail.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_norwegian_gmail.txt", "test@example.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_portuguese.txt", "contact@stripe.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_russian.txt", "doe@example.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_tricky_5_mixed_languages.txt", "pierre@example.fr"},
		{"crisp-oss-email-reply-parser/fixtures/email_tricky_15_original_message_variations.txt", "sender@example.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_tricky_17_forward_header.txt", "john@example.com"},
		{"crisp-oss-email-reply-parser/fixtures/email_zoho.txt", "john@gmail.com"},
		{"github-email_reply_parser/emails/email_1_3.txt", "Russell Brown"},
		{"github-email_reply_parser/emails/email_1_4.txt", "reply@reply.github.com"},
		{"github-email_reply_parser/emails/email_1_6.txt", "reply@reply.github.com"},
		{"github-email_reply_parser/emails/email_2_1.txt", "mail-noreply@google.com"},
		{"github-email_reply_parser/emails/pathological.txt", "notifications@github.com"},
		{"zapier-email-reply-parser/emails/email_gmail.txt", "@"},
		{"zapier-email-reply-parser/emails/email_headers_no_delimiter.txt", "user@host.com"},
	}
	root := filepath.Dir(testenv.Corpora(t, "crisp-oss-email-reply-parser"))
	found := 0
	for _, k := range known {
		b, err := os.ReadFile(filepath.Join(root, k.file))
		if err != nil {
			t.Errorf("%s: %v", k.file, err)
			continue
		}
		parts := splitChain(string(b))
		ok := len(parts) > 1 && (strings.Contains(parts[1].Email, k.who) || strings.Contains(parts[1].Name, k.who))
		if !ok {
			t.Errorf("%s: want the quoted message by %q, got %d parts: %+v", k.file, k.who, len(parts), parts)
			continue
		}
		found++
	}
	t.Logf("known reply headers: %d/%d split with their author", found, len(known))

	cases, _ := filepath.Glob(filepath.Join(root, "crisp-oss-email-reply-parser", "cases", "*.json"))
	checked, kept := 0, 0
	for _, c := range cases {
		var cs struct {
			InputFile string `json:"input_file"`
			Expected  struct {
				First map[string]string `json:"fragment_trimmed_exact"`
			} `json:"expected"`
		}
		raw, _ := os.ReadFile(c)
		if json.Unmarshal(raw, &cs) != nil || cs.InputFile == "" || cs.Expected.First["0"] == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, "crisp-oss-email-reply-parser", cs.InputFile))
		if err != nil {
			continue
		}
		checked++
		want := strings.TrimSpace(strings.ReplaceAll(cs.Expected.First["0"], "\r\n", "\n"))
		got := splitChain(string(b))[0].Body
		if strings.HasPrefix(got, want) {
			kept++
		} else {
			t.Errorf("%s: the top message lost part of the reply:\n got %q\nwant %q", filepath.Base(c), got, want)
		}
	}
	t.Logf("crisp first fragments kept whole in the top message: %d/%d", kept, checked)

	for _, dir := range []string{"github-email_reply_parser/emails", "zapier-email-reply-parser/emails", "crisp-oss-email-reply-parser/fixtures"} {
		files, _ := filepath.Glob(filepath.Join(root, dir, "*.txt"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			for i, p := range splitChain(string(b)) {
				checkHeaderNotInBody(t, i, p)
			}
		}
	}
}
