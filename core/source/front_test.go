package source

import (
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/errs"
)

func TestFrontBundledTicket(t *testing.T) {
	// Two message pages (newest first) and the comments, interleaved by
	// time; the draft reply is left out.
	th := hfDetectRead(t, "front", hfTicket(t, "front-refund-over-policy"),
		"customer/public agent/public customer/public agent/internal agent/public agent/internal customer/public")
	var ids []string
	for _, m := range th.Messages {
		ids = append(ids, m.ID)
	}
	if got := strings.Join(ids, ","); got != "msg_1a7f2k1,msg_1a7h9c4,msg_1a7k3z8,com_3k9a1,msg_1a7p5w2,com_3k9c7,msg_1a7t0b6" {
		t.Errorf("ids %s", got)
	}
	first := th.Messages[0]
	if first.Author.Name != "Markus Lehmann" || first.Author.Email != "m.lehmann@brightwave-studio.de" ||
		len(first.Attachments) != 2 || !strings.Contains(first.Text, "€4,788.00") {
		t.Errorf("#1 %+v", first)
	}
	if m := th.Messages[1]; m.Author.Name != "Sofia Alvarez" || m.Author.Email != "sofia.alvarez@tallyboard.app" {
		t.Errorf("#2 author %+v", m.Author)
	}
	// The German reply header and its quote are set aside.
	if m := th.Messages[2]; !strings.Contains(m.Quoted, "schrieb") || strings.Contains(m.Text, "schrieb") {
		t.Errorf("#3 text %q quoted %q", m.Text, m.Quoted)
	}
	if m := th.Messages[5]; m.Author.Name != "Dev Patel" || !strings.Contains(m.Text, "€500") {
		t.Errorf("#6 %+v", m)
	}
	if got := th.Messages[0].At.Format("2006-01-02T15:04:05.000Z07:00"); got != "2026-02-19T11:10:10.214Z" {
		t.Errorf("#1 at %s", got)
	}
	tk := th.Ticket
	if tk.ID != "cnv_7k2m9x" || tk.Status != "assigned" || strings.Join(tk.Tags, ",") != "refund,chargeback-risk" ||
		tk.Requester.Email != "m.lehmann@brightwave-studio.de" || tk.Assignee != "Sofia Alvarez" || tk.URL != "" {
		t.Errorf("ticket %+v", tk)
	}
	if !th.Complete {
		t.Error("incomplete although the last page has no next")
	}
	hfGolden(t, "front-refund-over-policy", th)
}

func TestFrontNextPageMissing(t *testing.T) {
	var files []File
	for _, f := range hfTicket(t, "front-refund-over-policy") {
		if f.Name != "messages-2.json" {
			files = append(files, f)
		}
	}
	th := hfRead(t, "", files)
	if th.Complete {
		t.Error("complete although messages.json has a _pagination.next and no page 2 was read")
	}
}

func TestFrontBadInput(t *testing.T) {
	hfCheckBad(t, "front", []hfBadCase{
		{"messages.json", `{"_results":`, errs.Format},
		{"comments.json", `{"results":[]}`, errs.Format},
		{"conversation.json", `{"id":"cnv_1","subject":"x"}`, errs.Empty},
	})
}

func TestFrontPage(t *testing.T) {
	th := hfDetectRead(t, "front", hfFiles(t, filepath.Join("testdata", "front-page.html")),
		"customer/public agent/internal agent/public customer/public")
	if m := th.Messages[0]; m.Author.Name != "Noor Aziz" || strings.Join(m.Attachments, ",") != "catalog-march.csv" {
		t.Errorf("#1 %+v", m)
	}
	if len(th.Events) != 1 || th.Events[0].After != 1 || !strings.HasPrefix(th.Events[0].To, "Ravi Shah assigned") {
		t.Errorf("events %+v", th.Events)
	}
}

func TestFrontPlan(t *testing.T) {
	hfCheckPlans(t, planFront, []hfPlanCase{
		{"https://app.frontapp.com/open/cnv_abc123", "cnv_abc123"},
		{"https://app.frontapp.com/inboxes/teammates/8841/inbox/open/0/cnv_55ff2a", "cnv_55ff2a"},
		{"https://app.frontapp.com/inboxes/shared/support/open/12/cnv_9z", "cnv_9z"},
		{"https://acme.frontapp.com/open/cnv_abc123?tab=comments", "cnv_abc123"},
		{"https://app.frontapp.com/inboxes/teammates/8841/inbox", ""},
		{"https://app.frontapp.com/settings/cnv_abc123", ""},
		{"https://api2.frontapp.com/conversations/cnv_abc123", ""},
		{"https://frontapp.com.evil.io/open/cnv_abc123", ""},
		{"https://app.frontapp.com/open/cnv_", ""},
	})
}

func FuzzFront(f *testing.F) {
	hfFuzzSeeds(f, "front-refund-over-policy")
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		if !strings.HasSuffix(name, ".json") {
			name = "messages.json"
		}
		hfFuzzRead(t, "front", name, b)
	})
}

func FuzzFrontPage(f *testing.F) {
	hfFuzzSeeds(f, "none", "front-page.html")
	f.Fuzz(func(t *testing.T, _ string, b []byte) {
		hfFuzzRead(t, "front", "page.html", b)
	})
}
