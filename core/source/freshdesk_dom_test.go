package source_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/source"
	"handoff/core/thread"
)

func TestFreshdeskPlan(t *testing.T) {
	hosts := []source.Host{{Source: "freshdesk", Origin: "https://support.acme.com"}}
	plans := map[string]string{
		"https://acme.freshdesk.com/a/tickets/45":                        "45",
		"https://acme.freshdesk.com/a/tickets/45/":                       "45",
		"https://acme.freshdesk.com/a/tickets/45?tab=conversations#x":    "45",
		"https://acme.freshdesk.com/helpdesk/tickets/45":                 "45",
		"https://support.acme.com/a/tickets/9001":                        "9001",
		"https://acme.freshdesk.com/a/dashboard/default":                 "",
		"https://acme.freshdesk.com/a/tickets":                           "",
		"https://acme.freshdesk.com/a/tickets/filters/all_tickets":       "",
		"https://acme.freshdesk.com/a/admin/ticket_fields":               "",
		"https://acme.freshdesk.com/support/tickets/45":                  "",
		"https://acme.freshdesk.com/a/tickets/45/edit":                   "",
		"https://freshdesk.com.evil.example/a/tickets/45":                "",
		"https://other.example.com/a/tickets/45":                         "",
		"https://acme.freshdesk.com/a/solutions/articles/45":             "",
		"https://acme.freshdesk.com/a/contacts/45":                       "",
		"https://acme.freshdesk.com/a/tickets/45abc":                     "",
		"https://acme.freshdesk.com/a/tickets/45/../../admin/tickets/45": "",
	}
	fiCheckPlans(t, "freshdesk", plans, hosts)
}

// fiCheckPlans checks a table of URL → ticket id ("" for pages that are no
// ticket view) against src's "dom" plans.
func fiCheckPlans(t *testing.T, src string, plans map[string]string, hosts []source.Host) {
	t.Helper()
	for u, want := range plans {
		p, err := source.PlanFor(u, hosts)
		if want == "" {
			if err == nil && p.Source == src {
				t.Errorf("%s: got a %s plan for a page that is no ticket view", u, src)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		if p.Source != src || p.TicketID != want || p.Kind != "dom" || p.Capture == nil ||
			p.Capture.File != "page.html" || p.Capture.Verified || len(p.Capture.Containers) == 0 {
			t.Errorf("%s: plan %+v %+v", u, p, p.Capture)
		}
	}
}

func fiFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFreshdeskDOM(t *testing.T) {
	page := []source.File{{Name: "page.html", Body: fiFixture(t, "freshdesk_page.html")}}
	if got := source.Detect(page); got != "freshdesk" {
		t.Fatalf("Detect = %q", got)
	}
	th, err := source.Read(source.Payload{Files: page})
	if err != nil {
		t.Fatal(err)
	}
	fiInvariants(t, th)
	if th.Ticket.ID != "7731" || !strings.HasPrefix(th.Ticket.Subject, "SSO login loops") || th.Ticket.Requester.Name != "Tomás Ferreira" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	want := []string{
		"7731|customer|public|Tomás Ferreira|",
		"5003348811|agent|public|Lena Brandt|",
		"5003348907|agent|internal|Lena Brandt|note",
		"5003351220|customer|public|Tomás Ferreira|",
	}
	if len(th.Messages) != len(want) {
		t.Fatalf("%d messages, want %d", len(th.Messages), len(want))
	}
	for i, w := range want {
		if got := fiShape(th.Messages[i]); got != w {
			t.Errorf("#%d = %s, want %s", i+1, got, w)
		}
	}
	if m := th.Message(1); m.Author.Email != "tomas.ferreira@quintal.pt" || len(m.Attachments) != 1 || !strings.Contains(m.Text, "85 users") || m.At.IsZero() {
		t.Errorf("#1 = %+v", m)
	}
	if !strings.Contains(th.Message(3).Text, "signature_mismatch") || !strings.Contains(th.Message(4).Text, "same loop") {
		t.Errorf("bodies: %q / %q", th.Message(3).Text, th.Message(4).Text)
	}
}

// TestPageDetectionDoesNotSteal checks that each helpdesk's page reader
// claims only its own captures.
func TestPageDetectionDoesNotSteal(t *testing.T) {
	own := map[string]string{"freshdesk_page.html": "freshdesk", "intercom_page.html": "intercom"}
	es, _ := os.ReadDir("testdata")
	for _, e := range es {
		if !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		got := source.Detect([]source.File{{Name: "page.html", Body: fiFixture(t, e.Name())}})
		if want, ok := own[e.Name()]; ok && got != want {
			t.Errorf("%s detected as %q, want %q", e.Name(), got, want)
		}
		if _, ok := own[e.Name()]; !ok && (got == "freshdesk" || got == "intercom") {
			t.Errorf("%s (another helpdesk's page) detected as %q", e.Name(), got)
		}
	}
	for _, body := range []string{
		`<div class="zd-comment" data-comment-id="1"><p>conversation item</p></div>`,
		`<ul class="conversation-list"><li class="conversation-item">hi</li></ul>`,
	} {
		if got := source.Detect([]source.File{{Name: "page.html", Body: []byte(body)}}); got == "freshdesk" || got == "intercom" {
			t.Errorf("%q detected as %q", body, got)
		}
	}
}

func TestFreshdeskDOMBadInput(t *testing.T) {
	_, err := source.Read(source.Payload{Source: "freshdesk", Files: []source.File{{Name: "page.html", Body: []byte(`<div class="ticket-details-conversation"></div>`)}}})
	if errs.CodeOf(err) != errs.Format {
		t.Errorf("empty container: err = %v, want E_FORMAT", err)
	}
}

func FuzzFreshdeskDOM(f *testing.F) {
	f.Add(fiFixture(f, "freshdesk_page.html"))
	f.Add([]byte(`<div class="ticket-details-conversation"><div class="conversation-item private-note"><div class="conversation-body"><p>x<div class="conversation-item">`))
	f.Fuzz(func(t *testing.T, body []byte) { fiFuzzPage(t, "freshdesk", body) })
}

// fiFuzzPage reads body as src's page capture and checks the invariants.
func fiFuzzPage(t *testing.T, src string, body []byte) {
	th, err := source.Read(source.Payload{Source: src, Files: []source.File{{Name: "page.html", Body: body}}})
	if err != nil {
		if c := errs.CodeOf(err); c == errs.Internal || c == "" {
			t.Fatalf("uncoded or internal error: %v", err)
		}
		return
	}
	fiInvariants(t, th)
	for _, m := range th.Messages {
		if m.Visibility == thread.Internal && m.Author.Role == thread.Customer {
			t.Fatalf("#%d: a customer's internal note", m.N)
		}
	}
}
