package source

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

var _ = testenv.DefineUpdate()

func readEmailFile(t *testing.T, path string) *thread.Thread {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	th, err := Read(Payload{Files: []File{{Name: filepath.Base(path), Body: b}}})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if th.Source != "email" {
		t.Fatalf("%s detected as %q, want email", path, th.Source)
	}
	return th
}

func TestEMLMultipartQuotedPrintable(t *testing.T) {
	th := readEmailFile(t, filepath.Join("testdata", "email-multipart-qp.eml"))
	if got, want := th.Ticket.Subject, "Double prélèvement facture FA-2026-0311"; got != want {
		t.Errorf("subject %q, want %q", got, want)
	}
	if len(th.Messages) != 3 {
		t.Fatalf("got %d messages, want 3", len(th.Messages))
	}
	want := []struct {
		name, email string
		role        thread.Role
		at          time.Time
		text        string
	}{
		{"Élodie Marchand", "elodie@boulangerie-marchand.example", thread.Customer, time.Date(2026, 2, 27, 18, 40, 0, 0, time.UTC), "Nous avons été prélevés deux fois de 149,00 €"},
		{"Service client Acme", "support@acme-billing.example", thread.Agent, time.Date(2026, 3, 2, 14, 5, 0, 0, time.UTC), "Nous confirmons le double prélèvement"},
		{"Élodie Marchand", "elodie@boulangerie-marchand.example", thread.Customer, time.Date(2026, 3, 14, 8, 12, 31, 0, time.UTC), "Le remboursement de 149,00 € pour la facture FA-2026-0311 n'apparaît toujours pas"},
	}
	for i, w := range want {
		m := th.Messages[i]
		if m.N != i+1 || m.Author.Name != w.name || m.Author.Email != w.email || m.Author.Role != w.role {
			t.Errorf("#%d author %+v (n=%d), want %s <%s> %s", i+1, m.Author, m.N, w.name, w.email, w.role)
		}
		if !m.At.Equal(w.at) {
			t.Errorf("#%d at %v, want %v", i+1, m.At, w.at)
		}
		if !strings.Contains(m.Text, w.text) {
			t.Errorf("#%d text %q does not contain %q", i+1, m.Text, w.text)
		}
		if strings.Contains(m.Text, "Message d'origine") {
			t.Errorf("#%d text holds a reply header: %q", i+1, m.Text)
		}
	}
	top := th.Messages[2]
	if top.ID != "CAE7x1@mail.boulangerie-marchand.example" {
		t.Errorf("top id %q", top.ID)
	}
	if strings.Join(top.Attachments, ",") != "relevé mars 2026.pdf" {
		t.Errorf("attachments %q, want the PDF only (the inline image is a signature picture)", top.Attachments)
	}
	if th.Ticket.Requester.Email != "elodie@boulangerie-marchand.example" {
		t.Errorf("requester %+v", th.Ticket.Requester)
	}
}

func TestEMLHTMLOnlyAndCharsets(t *testing.T) {
	eml := "From: \"Lima, Ana\" <ana@shop.example>\r\nTo: help@acme.example\r\nDate: Tue, 3 Mar 2026 10:00:00 +0000\r\n" +
		"Subject: =?utf-8?B?RXhwb3J0IGJyaWNodCBhYg==?=\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=iso-8859-1\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" +
		"PHA+R3L832UgLSBzdGlsbCBicm9rZW4uPC9wPg==\r\n"
	th, err := Read(Payload{Files: []File{{Name: "a.eml", Body: []byte(eml)}}})
	if err != nil {
		t.Fatal(err)
	}
	m := th.Messages[0]
	if th.Ticket.Subject != "Export bricht ab" || m.Author.Name != "Lima, Ana" || m.Author.Role != thread.Customer {
		t.Errorf("subject %q author %+v", th.Ticket.Subject, m.Author)
	}
	if !strings.Contains(m.Text, "Grüße") {
		t.Errorf("latin-1 base64 html body decoded as %q", m.Text)
	}
}

func TestDecodeCharset(t *testing.T) {
	if got := decodeCharset("windows-1252", []byte{0x80, ' ', 0x93, 'x', 0x94, ' ', 0xe9}); got != "€ “x” é" {
		t.Errorf("cp1252: %q", got)
	}
	if got := decodeCharset("ISO-8859-1", []byte{0xe4, 0xf6}); got != "äö" {
		t.Errorf("latin-1: %q", got)
	}
	if got := decodeCharset("x-unknown", []byte("naïve")); got != "naïve" {
		t.Errorf("unknown utf-8: %q", got)
	}
}

func TestEmailRoles(t *testing.T) {
	p := func(name, email string) thread.Message {
		return thread.Message{Author: thread.Person{Name: name, Email: email}}
	}
	cases := []struct {
		name    string
		ms      []thread.Message
		replyTo []string
		want    []thread.Role
	}{
		{"support mailbox and its domain", []thread.Message{p("Ana", "ana@shop.example"), p("Acme Support", "support@acme.example"), p("Bo", "bo@acme.example"), p("Cy", "cy@shop.example")}, nil,
			[]thread.Role{thread.Customer, thread.Agent, thread.Agent, thread.Customer}},
		{"most shared other domain is support's", []thread.Message{p("Ana", "ana@gmail.com"), p("Bo", "bo@acme.example"), p("Di", "di@acme.example"), p("Ana", "ana@gmail.com")}, nil,
			[]thread.Role{thread.Customer, thread.Agent, thread.Agent, thread.Customer}},
		{"no-reply is system, reply-to marks support", []thread.Message{p("", "no-reply@acme.example"), p("Ana", "ana@shop.example"), p("Bo", "bo@acme.example")}, []string{"care@acme.example"},
			[]thread.Role{thread.System, thread.Customer, thread.Agent}},
		{"name only takes the role of the same name", []thread.Message{p("Ana", "ana@shop.example"), p("Ana", "")}, nil,
			[]thread.Role{thread.Customer, thread.Customer}},
		{"the same full name from a second address", []thread.Message{p("Siobhan Murphy", "treasurer@club.example"), p("Lukas", "support@acme.example"), p("Siobhan Murphy", "s.murphy@firm.example"), p("Bo", "bo@other.example")}, nil,
			[]thread.Role{thread.Customer, thread.Agent, thread.Customer, thread.Unknown}},
		{"nothing tells", []thread.Message{p("", ""), p("", "")}, nil,
			[]thread.Role{thread.Unknown, thread.Unknown}},
	}
	for _, c := range cases {
		assignRoles(c.ms, c.replyTo)
		for i, m := range c.ms {
			if m.Author.Role != c.want[i] {
				t.Errorf("%s: #%d %+v role %s, want %s", c.name, i+1, m.Author, m.Author.Role, c.want[i])
			}
		}
	}
}

func TestEmailFolderOfMails(t *testing.T) {
	first := "From: Ana <ana@shop.example>\r\nTo: support@acme.example\r\nDate: Mon, 2 Mar 2026 09:14:00 +0100\r\n" +
		"Message-ID: <a1@shop.example>\r\nSubject: Export fails\r\n\r\nExport gives a 502 since Monday.\r\n"
	second := "From: Acme Support <support@acme.example>\r\nTo: ana@shop.example\r\nDate: Mon, 2 Mar 2026 11:00:00 +0100\r\n" +
		"Message-ID: <s1@acme.example>\r\nSubject: Re: Export fails\r\n\r\nPlease clear the cache.\r\n\r\n" +
		"On Mon, 2 Mar 2026 at 09:14, Ana <ana@shop.example> wrote:\r\n> Export gives a 502 since Monday.\r\n"
	th, err := Read(Payload{Files: []File{{Name: "1.eml", Body: []byte(first)}, {Name: "2.eml", Body: []byte(second)}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(th.Messages) != 2 || th.Messages[0].ID != "a1@shop.example" || th.Messages[1].Author.Role != thread.Agent {
		t.Fatalf("want Ana's mail once (its own copy, not the quoted one) then support's reply, got %+v", th.Messages)
	}
}

func TestEmailDetect(t *testing.T) {
	for _, c := range []struct {
		body string
		want bool
	}{
		{`{"messages":[]}`, false},
		{"<html><body>From: a@b.c<br>Date: x</body></html>", false},
		{"Just a note without any header.", false},
		{"From: a@b.c\nDate: Mon, 2 Mar 2026 09:14:03 +0100\nSubject: x\n\nbody", true},
		{"Thanks\n\nOn Mon, 2 Mar 2026 at 09:14, Ana <ana@x.io> wrote:\n> hi", true},
	} {
		if got := detectEmail([]File{{Name: "x", Body: []byte(c.body)}}); got != c.want {
			t.Errorf("detectEmail(%.40q) = %v, want %v", c.body, got, c.want)
		}
	}
	_, err := Read(Payload{Source: "email", Files: []File{{Name: "x.eml", Body: []byte("   \n")}}})
	if errs.CodeOf(err) != errs.Empty {
		t.Errorf("empty file: %v", err)
	}
}

// TestEmailTickets reads the bundled e-mail tickets and compares their
// normalized threads, without the cleaner's text, with golden files
// (go test -run TestEmailTickets -update).
func TestEmailTickets(t *testing.T) {
	files, _ := filepath.Glob(testenv.Testdata("tickets", "email-*"))
	golden, _ := filepath.Glob(filepath.Join("testdata", "email-*.eml"))
	golden = append(golden, files...)
	if len(files) < 2 {
		t.Fatalf("want at least 2 bundled e-mail tickets, found %v", files)
	}
	for _, f := range golden {
		t.Run(filepath.Base(f), func(t *testing.T) {
			th := readEmailFile(t, f)
			for _, m := range th.Messages {
				if m.Author.Role == thread.Unknown && m.Author.Email != "" && !m.Forwarded {
					t.Errorf("#%d %s has an address but no role", m.N, m.Author.Email)
				}
			}
			// Text and Quoted come from the cleaner, which evolves on its
			// own: the golden file records the split (who, when, order,
			// attachments), and every message must keep some text.
			for i := range th.Messages {
				if strings.TrimSpace(th.Messages[i].Text) == "" {
					t.Errorf("#%d has no text", i+1)
				}
				th.Messages[i].Text, th.Messages[i].Quoted = "", ""
			}
			got, _ := json.MarshalIndent(th, "", "  ")
			testenv.Golden(t, filepath.Join("testdata", "email-golden", filepath.Base(f)+".json"), got)
		})
	}
}

// FuzzEML: any bytes parse as an e-mail without panic, fail with a coded
// error or give messages numbered 1..N whose text holds no header line
// that introduced them.
func FuzzEML(f *testing.F) {
	for _, b := range emailSeeds(f, "eml") {
		f.Add(b)
	}
	f.Add([]byte("From: a@b.c\r\nDate: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!\r\n--b--"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !isEML(b) {
			return
		}
		checkRead(t, "fuzz.eml", b)
	})
}

func checkRead(t *testing.T, name string, b []byte) {
	t.Helper()
	th, err := Read(Payload{Source: "email", Files: []File{{Name: name, Body: b}}})
	if err != nil {
		if errs.CodeOf(err) == errs.Internal {
			t.Fatalf("internal error: %v", err)
		}
		return
	}
	for i, m := range th.Messages {
		if m.N != i+1 {
			t.Fatalf("message %d numbered %d", i+1, m.N)
		}
	}
}

// TestEmailEscalationRoles: the customer writing once from her work
// address (same full name, another address) is still the customer.
func TestEmailEscalationRoles(t *testing.T) {
	th := readEmailFile(t, testenv.Testdata("escalations", "eml-double-charge", "thread.eml"))
	for _, m := range th.Messages {
		if m.Author.Role == thread.Unknown {
			t.Errorf("#%d %s <%s>: role unknown", m.N, m.Author.Name, m.Author.Email)
		}
		if m.Author.Name == "Siobhan Murphy" && m.Author.Role != thread.Customer {
			t.Errorf("#%d <%s>: role %s, want customer", m.N, m.Author.Email, m.Author.Role)
		}
	}
}
