package source

import (
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

func TestHelpScoutBundledTicket(t *testing.T) {
	// The API lists threads newest first; the thread is chronological,
	// line items are events and the unsent draft is left out.
	th := hfDetectRead(t, "helpscout", hfTicket(t, "helpscout-sso-lockout"),
		"customer/public agent/public customer/public agent/internal agent/public agent/internal agent/public customer/public")
	for i := 1; i < len(th.Messages); i++ {
		if th.Messages[i].At.Before(th.Messages[i-1].At) {
			t.Errorf("#%d before #%d", i+1, i)
		}
	}
	for _, m := range th.Messages {
		if m.ID == "6120030456" {
			t.Error("draft thread read as a message")
		}
	}
	if m := th.Messages[2]; strings.Join(m.Attachments, ",") != "okta-saml-trace.har,SSO-4012-login-error.png" ||
		!strings.Contains(m.Quoted, "wrote:") || strings.Contains(m.Text, "wrote:") {
		t.Errorf("#3 attachments %v, quoted %q", m.Attachments, m.Quoted)
	}
	if m := th.Messages[6]; m.Channel != "phone" || !strings.Contains(m.Text, "46 users") {
		t.Errorf("#7 %+v", m)
	}
	var kinds []string
	for _, e := range th.Events {
		kinds = append(kinds, e.Kind+":"+e.To)
	}
	if got := strings.Join(kinds, " | "); got != "assignee:Tomás Ferreira | macro:Tomás ran the workflow Escalate to Security | status:pending | status:active" {
		t.Errorf("events %s", got)
	}
	tk := th.Ticket
	if tk.ID != "2219384756" || tk.Requester.Email != "priya.raman@larkfield-logistics.com" || tk.Assignee != "Tomás Ferreira" ||
		strings.Join(tk.Tags, ",") != "sso,p1-outage" || tk.URL != "https://secure.helpscout.net/conversation/2219384756/48213" {
		t.Errorf("ticket %+v", tk)
	}
	if !th.Complete || th.Total != 8 {
		t.Errorf("complete %v total %d", th.Complete, th.Total)
	}
	hfGolden(t, "helpscout-sso-lockout", th)
}

// A conversation fetched with ?embed=threads is one file holding it all.
func TestHelpScoutEmbeddedThreads(t *testing.T) {
	files := hfTicket(t, "helpscout-sso-lockout")
	var conv, page map[string]any
	for _, f := range files {
		switch f.Name {
		case "conversation.json":
			_ = json.Unmarshal(f.Body, &conv)
		case "threads.json":
			_ = json.Unmarshal(f.Body, &page)
		}
	}
	conv["_embedded"] = page["_embedded"]
	b, _ := json.Marshal(conv)
	th := hfRead(t, "", []File{{Name: "2219384756.json", Body: b}})
	if len(th.Messages) != 8 || th.Ticket.Subject == "" {
		t.Errorf("%d messages, subject %q", len(th.Messages), th.Ticket.Subject)
	}
}

func TestHelpScoutPagesIncomplete(t *testing.T) {
	page := `{"_embedded":{"threads":[
	  {"id":3,"type":"customer","createdAt":"2026-03-02T11:00:00Z","createdBy":{"type":"user","first":"Ana"},
	   "customer":{"first":"Cy","email":"c@x.io"},"body":"<p>Logged from a call: still broken</p>"},
	  {"id":2,"type":"message","createdAt":"2026-03-02T10:00:00Z","createdBy":{"type":"user","first":"Ana"},"body":"<p>Try again</p>"},
	  {"id":1,"type":"customer","createdAt":"2026-03-02T09:00:00Z","createdBy":{"type":"customer","email":"c@x.io"},"body":"<p>Broken</p>"}]},
	  "page":{"size":3,"totalElements":5,"totalPages":3,"number":1}}`
	th := hfRead(t, "helpscout", []File{{Name: "threads.json", Body: []byte(page)}})
	if th.Complete || th.Read != 3 || th.Total != 5 {
		t.Errorf("complete %v read %d total %d", th.Complete, th.Read, th.Total)
	}
	if th.Messages[0].Author.Role != thread.Customer || th.Messages[0].Author.Email != "c@x.io" {
		t.Errorf("#1 %+v", th.Messages[0].Author)
	}
	// A customer thread an agent logged is still the customer's.
	if a := th.Messages[2].Author; a.Role != thread.Customer || a.Name != "Cy" {
		t.Errorf("#3 %+v", a)
	}
}

func TestHelpScoutBadInput(t *testing.T) {
	hfCheckBad(t, "helpscout", []hfBadCase{
		{"threads.json", `not json`, errs.Format},
		{"threads.json", `{"comments":[]}`, errs.Format},
		{"conversation.json", `{"id":1,"number":2,"mailboxId":3,"subject":"x","threads":4}`, errs.Empty},
	})
}

func TestHelpScoutPage(t *testing.T) {
	th := hfDetectRead(t, "helpscout", hfFiles(t, filepath.Join("testdata", "helpscout-page.html")),
		"customer/public agent/internal agent/public customer/public")
	last := th.Messages[3]
	if last.Author.Name != "Elena Costa" || strings.Join(last.Attachments, ",") != "INV-2026-0311.pdf" ||
		!strings.Contains(last.Quoted, "switch the company country") || strings.Contains(last.Text, "wrote:") {
		t.Errorf("#4 %+v", last)
	}
	if len(th.Events) != 1 || th.Events[0].To != "Marcus marked as Pending" || th.Events[0].After != 3 {
		t.Errorf("events %+v", th.Events)
	}
	if th.Ticket.Subject != "Invoices PDF export shows wrong VAT rate" {
		t.Errorf("subject %q", th.Ticket.Subject)
	}
}

func TestHelpScoutPlan(t *testing.T) {
	hfCheckPlans(t, planHelpScout, []hfPlanCase{
		{"https://secure.helpscout.net/conversation/123456789/42", "123456789"},
		{"https://secure.helpscout.net/conversation/123456789/42/?folderId=7", "123456789"},
		{"https://secure.helpscout.net/conversation/123456789/42#thread-987", "123456789"},
		{"https://secure.helpscout.net/mailbox/5f1c2/", ""},
		{"https://secure.helpscout.net/conversation/new", ""},
		{"https://secure.helpscout.net.evil.io/conversation/1/2", ""},
		{"https://example.com/conversation/123/4", ""},
	})
	if p, err := PlanFor("https://secure.helpscout.net/conversation/123456789/42", nil); err != nil || p.Source != "helpscout" {
		t.Errorf("PlanFor: %+v %v", p, err)
	}
}

// hfPlanCase is a page URL and the ticket id its plan must carry ("" when
// the URL is no ticket view).
type hfPlanCase struct{ url, id string }

func hfCheckPlans(t *testing.T, plan func(*url.URL, []Host) *FetchPlan, cases []hfPlanCase) {
	t.Helper()
	for _, c := range cases {
		u, _ := url.Parse(c.url)
		p := plan(u, nil)
		if c.id == "" {
			if p != nil {
				t.Errorf("%s: plan %+v", c.url, p)
			}
			continue
		}
		if p == nil || p.TicketID != c.id || p.Kind != "dom" || p.Capture == nil || p.Capture.Verified || p.Capture.File != "page.html" {
			t.Errorf("%s: plan %+v", c.url, p)
		}
	}
}

// hfBadCase is one bad file and the code reading it must fail with.
type hfBadCase struct{ name, body, code string }

func hfCheckBad(t *testing.T, src string, cases []hfBadCase) {
	t.Helper()
	for _, c := range cases {
		_, err := Read(Payload{Source: src, Files: []File{{Name: c.name, Body: []byte(c.body)}}})
		if errs.CodeOf(err) != c.code || (c.code == errs.Format && !strings.Contains(err.Error(), c.name)) {
			t.Errorf("%s %q: %v, want %s", c.name, c.body, err, c.code)
		}
	}
}

func hfFuzzSeeds(f *testing.F, ticket string, pages ...string) {
	dir := testenv.Testdata("tickets", ticket)
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			f.Add(e.Name(), b)
		}
	}
	for _, p := range pages {
		if b, err := os.ReadFile(filepath.Join("testdata", p)); err == nil {
			f.Add("page.html", b)
		}
	}
}

func hfFuzzRead(t *testing.T, src, name string, b []byte) {
	th, err := Read(Payload{Source: src, Files: []File{{Name: name, Body: b}}})
	if err != nil {
		var e *errs.Error
		if !errors.As(err, &e) || e.Code == errs.Internal {
			t.Fatalf("uncoded or internal error: %v", err)
		}
		return
	}
	hfInvariants(t, th)
}

func FuzzHelpScout(f *testing.F) {
	hfFuzzSeeds(f, "helpscout-sso-lockout")
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		if !strings.HasSuffix(name, ".json") {
			name = "threads.json"
		}
		hfFuzzRead(t, "helpscout", name, b)
	})
}

func FuzzHelpScoutPage(f *testing.F) {
	hfFuzzSeeds(f, "none", "helpscout-page.html")
	f.Fuzz(func(t *testing.T, _ string, b []byte) {
		hfFuzzRead(t, "helpscout", "page.html", b)
	})
}

// Each page selector must find what the fixture holds, so a change to a
// selector shows up here (the fixtures are the project's reading of the
// UIs, not live captures).
func TestPageSelectorCounts(t *testing.T) {
	cases := []struct {
		file  string
		items func(*html.Node) bool
		rules pageRules
		want  [4]int // items, authors, bodies, attachments
		box   string // the capture's first container, as attribute=value
	}{
		{"helpscout-page.html", isHelpScoutItem, helpScoutRules, [4]int{5, 4, 4, 1}, "data-cy=ThreadList"},
		{"front-page.html", isFrontItem, frontRules, [4]int{5, 4, 4, 1}, "data-testid=conversation-timeline"},
	}
	for _, c := range cases {
		doc, _ := parseHTML(hfFiles(t, filepath.Join("testdata", c.file))[0].Body)
		got := [4]int{len(findAll(doc, c.items)), len(findAll(doc, c.rules.author)), len(findAll(doc, c.rules.body)), len(findAll(doc, c.rules.attachment))}
		if got != c.want {
			t.Errorf("%s: items, authors, bodies, attachments = %v, want %v", c.file, got, c.want)
		}
		k, v, _ := strings.Cut(c.box, "=")
		if findFirst(doc, byAttr(k, v)) == nil {
			t.Errorf("%s: no capture container %s", c.file, c.box)
		}
	}
	if !strings.Contains(helpScoutCapture().Containers[0], "ThreadList") || !strings.Contains(frontCapture().Containers[0], "conversation-timeline") {
		t.Error("capture containers and fixtures disagree")
	}
}
