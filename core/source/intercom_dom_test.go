package source_test

import (
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/source"
)

func TestIntercomPlan(t *testing.T) {
	plans := map[string]string{
		"https://app.intercom.com/a/inbox/abc123/inbox/conversation/123456789":                      "123456789",
		"https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/123456789":           "123456789",
		"https://app.intercom.com/a/inbox/abc123/inbox/admin/4567/conversation/123456789?view=List": "123456789",
		"https://app.intercom.com/a/apps/abc123/inbox/inbox/all/conversations/123456789":            "123456789",
		"https://app.intercom.com/a/apps/abc123/inbox/inbox/4567/conversations/123456789/":          "123456789",
		"https://app.eu.intercom.com/a/inbox/abc123/inbox/conversation/215467829340120":             "215467829340120",
		"https://app.intercom.com/a/apps/abc123/home":                                               "",
		"https://app.intercom.com/a/inbox/abc123/inbox/shared/all":                                  "",
		"https://app.intercom.com/a/apps/abc123/settings/workspace/general":                         "",
		"https://app.intercom.com/a/apps/abc123/users/64f0/all-conversations":                       "",
		"https://app.intercom.com/a/apps/abc123/outbound/conversations/123":                         "",
		"https://www.intercom.com/a/inbox/abc123/inbox/conversation/123456789":                      "",
		"https://app.intercom.com.evil.example/a/inbox/abc123/inbox/conversation/1":                 "",
		"https://app.intercom.com/a/inbox/abc123/inbox/conversation/new":                            "",
	}
	fiCheckPlans(t, "intercom", plans, nil)
}

func TestIntercomDOM(t *testing.T) {
	page := []source.File{{Name: "page.html", Body: fiFixture(t, "intercom_page.html")}}
	if got := source.Detect(page); got != "intercom" {
		t.Fatalf("Detect = %q", got)
	}
	th, err := source.Read(source.Payload{Files: page})
	if err != nil {
		t.Fatal(err)
	}
	fiInvariants(t, th)
	if th.Ticket.ID != "215467990012" || th.Ticket.Subject != "Webhook deliveries delayed by hours" || th.Ticket.Requester.Name != "Ines Walther" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	want := []string{
		"src|customer|public|Ines Walther|chat",
		"9001|bot|public|Fin|chat",
		"9003|agent|public|Raj Iyer|chat",
		"9004|agent|internal|Raj Iyer|note",
		"9005|customer|public|Ines Walther|chat",
	}
	if len(th.Messages) != len(want) {
		t.Fatalf("%d messages, want %d", len(th.Messages), len(want))
	}
	for i, w := range want {
		if got := fiShape(th.Messages[i]); got != w {
			t.Errorf("#%d = %s, want %s", i+1, got, w)
		}
		if th.Messages[i].At.IsZero() {
			t.Errorf("#%d has no time", i+1)
		}
	}
	if a := th.Message(1).Attachments; len(a) != 1 || a[0] != "delivery-log.csv" {
		t.Errorf("#1 attachments = %v", a)
	}
	if !strings.Contains(th.Message(5).Text, "sub_8Qk2LmX") {
		t.Errorf("#5 = %q", th.Message(5).Text)
	}
	var evs []string
	for _, e := range th.Events {
		evs = append(evs, e.Kind+":"+e.To+":"+e.By)
	}
	if got := strings.Join(evs, " | "); got != "assignee:Platform Support:Fin | status:snoozed:Raj Iyer" {
		t.Errorf("events = %s", got)
	}
}

func TestIntercomDOMBadInput(t *testing.T) {
	_, err := source.Read(source.Payload{Source: "intercom", Files: []source.File{{Name: "page.html", Body: []byte(`<div class="conversation__stream"><p>no parts</p></div>`)}}})
	if errs.CodeOf(err) != errs.Format {
		t.Errorf("stream without parts: err = %v, want E_FORMAT", err)
	}
}

func FuzzIntercomDOM(f *testing.F) {
	f.Add(fiFixture(f, "intercom_page.html"))
	f.Add([]byte(`<div data-conversation-stream><div class="conversation__part o__note" data-part-type="assignment"><time datetime="99999999999999">x</time><div class="conversation__text">\xff</div>`))
	f.Fuzz(func(t *testing.T, body []byte) { fiFuzzPage(t, "intercom", body) })
}
