package source

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

var _ = testenv.DefineUpdate()

// hfFiles reads files of testdata (or a bundled ticket directory) as a payload.
func hfFiles(t testing.TB, paths ...string) []File {
	t.Helper()
	var out []File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, File{Name: filepath.Base(p), Body: b})
	}
	return out
}

func hfTicket(t testing.TB, name string) []File {
	t.Helper()
	dir := testenv.Testdata("tickets", name)
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ps []string
	for _, e := range es {
		ps = append(ps, filepath.Join(dir, e.Name()))
	}
	return hfFiles(t, ps...)
}

// hfInvariants are what every thread must satisfy, fuzzed or not.
func hfInvariants(t testing.TB, th *thread.Thread) {
	t.Helper()
	for i, m := range th.Messages {
		if m.N != i+1 {
			t.Fatalf("message %d numbered %d", i+1, m.N)
		}
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Author.Name) || !utf8.ValidString(m.Quoted) {
			t.Fatalf("#%d invalid UTF-8", m.N)
		}
		if m.Visibility != thread.Public && m.Visibility != thread.Internal {
			t.Fatalf("#%d visibility %q", m.N, m.Visibility)
		}
		switch m.Author.Role {
		case thread.Customer, thread.Agent, thread.System, thread.Bot, thread.Unknown:
		default:
			t.Fatalf("#%d role %q", m.N, m.Author.Role)
		}
	}
	if th.Read != len(th.Messages) || th.Total < th.Read {
		t.Fatalf("read %d total %d for %d messages", th.Read, th.Total, len(th.Messages))
	}
}

// hfDetectRead checks that files are detected as src, reads them and
// checks the thread's shape (see hfShape).
func hfDetectRead(t *testing.T, src string, files []File, shape string) *thread.Thread {
	t.Helper()
	if got := Detect(files); got != src {
		t.Fatalf("detected %q, want %q", got, src)
	}
	th := hfRead(t, "", files)
	if got := hfShape(th); got != shape {
		t.Errorf("shape\n got %s\nwant %s", got, shape)
	}
	return th
}

// hfShape is "role/visibility" per message, e.g. "customer/public".
func hfShape(th *thread.Thread) string {
	var s []string
	for _, m := range th.Messages {
		s = append(s, string(m.Author.Role)+"/"+string(m.Visibility))
	}
	return strings.Join(s, " ")
}

func hfRead(t *testing.T, src string, files []File) *thread.Thread {
	t.Helper()
	th, err := Read(Payload{Source: src, Files: files})
	if err != nil {
		t.Fatal(err)
	}
	hfInvariants(t, th)
	return th
}

// hfGolden compares a thread's JSON with testdata/name.golden.json. The
// golden file records what the reader decides (ticket, order, ids,
// authors, roles, visibility, times, attachments, events); message text is
// the cleaner's business and is tested there, so it is left out here.
func hfGolden(t *testing.T, name string, th *thread.Thread) {
	t.Helper()
	shape := *th
	shape.Messages = append([]thread.Message(nil), th.Messages...)
	for i := range shape.Messages {
		shape.Messages[i].Text, shape.Messages[i].Quoted = "", ""
	}
	got, err := json.MarshalIndent(shape, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	testenv.Golden(t, filepath.Join("testdata", name+".golden.json"), got)
}

// The generic reader on helpdesks it was not written for (fixtures in the
// shapes DOM_STRUCTURE.md describes).
func TestGenericHTMLOtherHelpdesks(t *testing.T) {
	cases := []struct {
		file, shape, authors string
		events               int
		timed                bool
	}{
		{"generic-zammad.html", "customer/public agent/internal agent/public customer/public", "Jana Novák,Lukas Berger,Lukas Berger,Jana Novák", 0, true},
		// Chatwoot names only agents (avatar tooltip) and marks roles by
		// styling alone; the lock icon still marks the private note.
		{"generic-chatwoot.html", "unknown/public unknown/public unknown/public agent/internal unknown/public", ",,Amal Haddad,,", 0, false},
		// FreeScout is newest first: read back into chronological order;
		// the line item is an event; the reply's author is an agent
		// because the same person wrote the internal note.
		{"generic-freescout.html", "customer/public agent/internal agent/public customer/public", "Oskar Lind,Mette Dahl,Mette Dahl,Oskar Lind", 1, true},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			files := hfFiles(t, filepath.Join("testdata", c.file))
			if got := Detect(files); got == "helpscout" || got == "front" {
				t.Fatalf("detected as %s", got)
			}
			th := hfRead(t, "html", files)
			if got := hfShape(th); got != c.shape {
				t.Errorf("shape\n got %s\nwant %s", got, c.shape)
			}
			var names []string
			for _, m := range th.Messages {
				names = append(names, m.Author.Name)
				if m.Text == "" {
					t.Errorf("#%d empty text", m.N)
				}
				if c.timed && m.At.IsZero() {
					t.Errorf("#%d has no time", m.N)
				}
			}
			if got := strings.Join(names, ","); got != c.authors {
				t.Errorf("authors %q, want %q", got, c.authors)
			}
			if len(th.Events) != c.events {
				t.Errorf("%d events, want %d: %+v", len(th.Events), c.events, th.Events)
			}
		})
	}
}

func TestGenericHTMLBundledTicket(t *testing.T) {
	th := hfDetectRead(t, "html", hfTicket(t, "html-invoice-export-504"),
		"customer/public agent/public customer/public agent/internal customer/public")
	if !strings.Contains(th.Ticket.Subject, "504") || th.Messages[0].ID != "e-88412" {
		t.Errorf("subject %q id %q", th.Ticket.Subject, th.Messages[0].ID)
	}
	if m := th.Messages[2]; !strings.Contains(m.Quoted, "one month at a time") || strings.Contains(m.Text, "one month at a time") {
		t.Errorf("#3 quote not set aside: text %q quoted %q", m.Text, m.Quoted)
	}
	if len(th.Events) != 1 || th.Events[0].After != 4 || !strings.Contains(th.Events[0].To, "Escalation pending") {
		t.Errorf("events %+v", th.Events)
	}
	if want := time.Date(2026, 2, 26, 9, 4, 0, 0, time.UTC); !th.Messages[0].At.Equal(want) {
		t.Errorf("#1 at %v", th.Messages[0].At)
	}
	hfGolden(t, "html-invoice-export-504", th)
}

func TestGenericHTMLParagraphFallback(t *testing.T) {
	page := `<div><h2>Printer</h2><p>It stopped printing on Monday.</p><p>We restarted it twice.</p></div>`
	th := hfRead(t, "html", []File{{Name: "page.html", Body: []byte(page)}})
	if len(th.Messages) != 3 || th.Messages[1].Text != "It stopped printing on Monday." {
		t.Fatalf("messages %+v", th.Messages)
	}
	// A repeated group wins over paragraphs: two posts, each with two
	// paragraphs, are two messages.
	posts := `<div><div class="post"><p>One.</p><p>Two.</p></div><div class="post"><p>Three.</p><p>Four.</p></div></div>`
	th = hfRead(t, "html", []File{{Name: "page.html", Body: []byte(posts)}})
	if len(th.Messages) != 2 {
		t.Fatalf("%d messages: %+v", len(th.Messages), th.Messages)
	}
}

// A whole page: the navigation menu and the sidebar repeat too, but the
// conversation's blocks carry authors, times and more text.
func TestGenericHTMLWholePage(t *testing.T) {
	var nav strings.Builder
	for _, s := range []string{"Inbox", "Mine", "Unassigned", "All tickets", "Reports", "Customers", "Settings", "Help"} {
		nav.WriteString(`<li class="menu-item"><a href="#">` + s + `</a></li>`)
	}
	page := `<html><head><title>Ticket 4411 – Desk</title></head><body><header><ul class="menu">` + nav.String() + `</ul></header>
	<aside><div class="widget">Open: 12</div><div class="widget">Pending: 3</div><div class="widget">SLA: 4h</div></aside>
	<main><h1>Login loop on iPad app 3.2</h1>
	<div class="entry"><b class="sender-name">Kai Müller</b> <span class="stamp">2026-03-01 09:15</span><div>After updating to 3.2 the iPad app returns to the login screen right after signing in.</div></div>
	<div class="entry"><b class="sender-name">Rosa (Support)</b> <span class="stamp">2026-03-01 10:02</span><div>Could you delete and reinstall the app, then sign in again?</div></div>
	<div class="entry"><b class="sender-name">Kai Müller</b> <span class="stamp">2026-03-01 13:40</span><div>Reinstalled twice, same loop.</div></div>
	</main></body></html>`
	th := hfRead(t, "html", []File{{Name: "page.html", Body: []byte(page)}})
	if len(th.Messages) != 3 || th.Messages[1].Author.Name != "Rosa (Support)" || th.Messages[2].At.IsZero() || th.Ticket.Subject != "Login loop on iPad app 3.2" {
		t.Fatalf("ticket %+v messages %+v", th.Ticket, th.Messages)
	}
	if strings.Contains(th.Messages[0].Text, "Kai Müller") || strings.Contains(th.Messages[0].Text, "09:15") {
		t.Errorf("#1 text keeps author or time: %q", th.Messages[0].Text)
	}
}

func TestGenericHTMLBadInput(t *testing.T) {
	for _, body := range []string{"", "<div></div>", "<html><body><script>var a=1</script></body></html>"} {
		_, err := Read(Payload{Source: "html", Files: []File{{Name: "page.html", Body: []byte(body)}}})
		var e *errs.Error
		if !errors.As(err, &e) || (e.Code != errs.Empty && e.Code != errs.Format) {
			t.Errorf("%q: err %v", body, err)
		}
	}
}

func TestLooseTime(t *testing.T) {
	want := time.Date(2026, 3, 5, 11, 30, 0, 0, time.UTC)
	for _, s := range []string{"2026-03-05T11:30:00Z", "2026-03-05T12:30:00+01:00", "Mar 5, 2026 11:30", "March 5, 2026 at 11:30 AM",
		"5 March 2026 11:30", "05.03.2026 11:30", "Thu, 5 Mar 2026 11:30:00 +0000", "2026-03-05 11:30 UTC"} {
		if got, ok := looseTime(s); !ok || !got.Equal(want) {
			t.Errorf("%q = %v %v", s, got, ok)
		}
	}
	for _, s := range []string{"yesterday", "Mar 5, 11:30 AM", "vor 2 Tagen", "1,100 rows", "", "12:30"} {
		if got, ok := looseTime(s); ok {
			t.Errorf("%q parsed as %v", s, got)
		}
	}
}

func TestHasMarker(t *testing.T) {
	doc, _ := parseHTML([]byte(`<div id=a class="thread-type-note"></div><div id=b class="footnotes"></div>` +
		`<div id=c data-internal="false"></div><div id=d class="isPrivate"></div><div id=e class="line-item"></div>`))
	get := func(id string) bool {
		n := findFirst(doc, byAttr("id", id))
		return hasMarker(n, "note", "private", "internal", "lineitem")
	}
	for id, want := range map[string]bool{"a": true, "b": false, "c": false, "d": true, "e": true} {
		if get(id) != want {
			t.Errorf("%s: got %v", id, !want)
		}
	}
}

func FuzzGenericHTML(f *testing.F) {
	for _, p := range []string{"testdata/generic-zammad.html", "testdata/generic-chatwoot.html", "testdata/generic-freescout.html",
		filepath.Join(testenv.Testdata("tickets", "html-invoice-export-504"), "page.html")} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<ul><li class="m note"><b class="author">A</b><time datetime="x">1</time>hi</li><li class="m">yo</li></ul>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		th, err := Read(Payload{Source: "html", Files: []File{{Name: "page.html", Body: b}}})
		if err != nil {
			var e *errs.Error
			if !errors.As(err, &e) || e.Code == errs.Internal {
				t.Fatalf("uncoded or internal error: %v", err)
			}
			return
		}
		hfInvariants(t, th)
	})
}
