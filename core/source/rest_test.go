package source

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

// restCorpus reads one file of a shared corpus under the name the CLI's
// directory layout would give it.
func restCorpus(t testing.TB, corpus, rel, as string) File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testenv.Corpora(t, corpus), rel))
	if err != nil {
		t.Fatal(err)
	}
	return File{Name: as, Body: b}
}

// restTicketDir reads a bundled ticket directory under testdata/tickets.
func restTicketDir(t testing.TB, name string) []File {
	t.Helper()
	dir := testenv.Testdata("tickets", name)
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var fs []File
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, File{Name: e.Name(), Body: b})
	}
	return fs
}

func restMustRead(t *testing.T, src string, files ...File) *thread.Thread {
	t.Helper()
	th, err := Read(Payload{Source: src, Files: files})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return th
}

// restCheckThread is what every parser's fuzz target asserts: a
// coded error that is not a crash, or messages numbered 1..N with valid
// UTF-8 text and a known role and visibility.
func restCheckThread(t *testing.T, th *thread.Thread, err error) {
	t.Helper()
	if err != nil {
		if c := errs.CodeOf(err); c == errs.Internal || c == "" {
			t.Fatalf("crash or uncoded error: %v", err)
		}
		return
	}
	if len(th.Messages) == 0 || th.Read != len(th.Messages) || th.Total < th.Read {
		t.Fatalf("counts: %d messages, read %d, total %d", len(th.Messages), th.Read, th.Total)
	}
	for i, m := range th.Messages {
		if m.N != i+1 {
			t.Fatalf("message %d numbered %d", i+1, m.N)
		}
		if !utf8.ValidString(m.Text) || !utf8.ValidString(m.Quoted) || !utf8.ValidString(m.Author.Name) {
			t.Fatalf("message %d: invalid UTF-8", m.N)
		}
		if m.Visibility != thread.Public && m.Visibility != thread.Internal {
			t.Fatalf("message %d: visibility %q", m.N, m.Visibility)
		}
		if m.Author.Role == "" {
			t.Fatalf("message %d: no role", m.N)
		}
	}
}

func TestRestAddress(t *testing.T) {
	for _, c := range []struct{ in, name, email string }{
		{"David Bell <david@example.com>", "David Bell", "david@example.com"},
		{"Emma Taylor via <order@chrispresso.com>", "Emma Taylor", "order@chrispresso.com"},
		{`"Weiß, Jürgen" <j.weiss@example.de>`, "Weiß, Jürgen", "j.weiss@example.de"},
		{"david@example.com", "", "david@example.com"},
		{"Christopher Miller", "Christopher Miller", ""},
		{"broken <no-end", "broken <no-end", ""},
		{"", "", ""},
	} {
		n, e := restAddress(c.in)
		if n != c.name || e != c.email {
			t.Errorf("restAddress(%q) = %q, %q; want %q, %q", c.in, n, e, c.name, c.email)
		}
	}
}

func TestRestTime(t *testing.T) {
	for in, want := range map[string]string{
		"2019-06-03T02:23:47Z":         "2019-06-03T02:23:47Z",
		"2016-03-16T04:22:37.356+0000": "2016-03-16T04:22:37.356Z",
		"2018-06-20T16:50:35.000+0300": "2018-06-20T13:50:35Z",
		"2015-10-09T10:22:00+0700":     "2015-10-09T03:22:00Z",
		"2021-08-02T11:57:18.068Z":     "2021-08-02T11:57:18.068Z",
		"2 hours ago":                  "0001-01-01T00:00:00Z",
		"2026-13-45T99:00:00Z":         "0001-01-01T00:00:00Z",
	} {
		if got := restTime(in).Format("2006-01-02T15:04:05.999Z07:00"); got != want {
			t.Errorf("restTime(%q) = %s, want %s", in, got, want)
		}
	}
}

// restPlanCase is one row of a fetch-plan table: a page URL and the requests
// (name → URL) the plan must hold, or none when it is no ticket view.
type restPlanCase struct {
	url    string
	hosts  []Host
	source string
	id     string
	want   map[string]string
}

func restCheckPlans(t *testing.T, cases []restPlanCase) {
	t.Helper()
	for _, c := range cases {
		p, err := PlanFor(c.url, c.hosts)
		if c.want == nil {
			if err == nil && p.Source == c.source {
				t.Errorf("%s: got a %s plan, want none", c.url, p.Source)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if p.Source != c.source || p.TicketID != c.id || p.Kind != "api" {
			t.Errorf("%s: source %q id %q kind %q", c.url, p.Source, p.TicketID, p.Kind)
		}
		got := map[string]string{}
		for _, r := range p.Requests {
			got[r.Name] = r.URL
			if r.Pager != nil && r.Pager.MaxPages <= 0 {
				t.Errorf("%s: %s pager without a page limit", c.url, r.Name)
			}
		}
		for name, u := range c.want {
			if got[name] != u {
				t.Errorf("%s: request %s = %q, want %q", c.url, name, got[name], u)
			}
		}
	}
}

func gjsonNumber(s string) gjson.Result { return gjson.Parse(s) }
