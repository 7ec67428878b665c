package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

// TestZendeskBundledTicket reads the README's default ticket: two cursor
// pages of comments, audits repeating them, side-loaded names.
func TestZendeskBundledTicket(t *testing.T) {
	th := restMustRead(t, "", restTicketDir(t, "zendesk-export-502")...)
	if th.Source != "zendesk" || len(th.Messages) != 14 || !th.Complete {
		t.Fatalf("source %s, %d messages, complete %v", th.Source, len(th.Messages), th.Complete)
	}
	internal, customer := 0, 0
	for _, m := range th.Messages {
		if m.Visibility == thread.Internal {
			internal++
		}
		if m.Author.Role == thread.Customer {
			customer++
			if m.Author.Name != "Priya Raman" {
				t.Errorf("#%d customer %q", m.N, m.Author.Name)
			}
		}
		if m.Text == "" {
			t.Errorf("#%d has no text", m.N)
		}
	}
	if internal != 4 || customer != 6 {
		t.Errorf("%d internal notes, %d customer messages; want 4 and 6", internal, customer)
	}
	if a := th.Messages[8].Attachments; len(a) != 2 || a[0] != "export-502.har" {
		t.Errorf("#9 attachments %v", a)
	}
	// An internal note is never cleaned as e-mail.
	if n := th.Messages[3]; n.Quoted != "" || !strings.Contains(n.Text, "status.acme-analytics.com") {
		t.Errorf("#4 note = %+v", n)
	}
	kinds := map[string]int{}
	for _, e := range th.Events {
		kinds[e.Kind]++
		if e.Kind == thread.MacroApplied && (e.To != "Request HAR file" || e.After != 8) {
			t.Errorf("macro event %+v", e)
		}
		if e.Kind == thread.GroupChange && (e.From != "Tier 1 Support" || e.To != "Tier 2 Support") {
			t.Errorf("group event %+v", e)
		}
	}
	if kinds[thread.MacroApplied] != 1 || kinds[thread.PriorityChange] != 1 || kinds[thread.StatusChange] < 6 {
		t.Errorf("event kinds %v", kinds)
	}
}

// TestZendeskPartialPages: with only the first cursor page the thread says
// more exists.
func TestZendeskPartialPages(t *testing.T) {
	var files []File
	for _, f := range restTicketDir(t, "zendesk-export-502") {
		if f.Name == "ticket.json" || f.Name == "comments.json" {
			files = append(files, f)
		}
	}
	th := restMustRead(t, "", files...)
	if th.Complete || th.Read != 10 {
		t.Errorf("complete %v read %d", th.Complete, th.Read)
	}
}

// FuzzZendesk mutates a ticket and a comments page.
func FuzzZendesk(f *testing.F) {
	dir := testenv.Testdata("tickets", "zendesk-export-502")
	ticket, _ := os.ReadFile(filepath.Join(dir, "ticket.json"))
	comments, _ := os.ReadFile(filepath.Join(dir, "comments-2.json"))
	f.Add(ticket, comments)
	f.Add([]byte(`{"ticket":{"id":1,"requester_id":2,"description":"x"}}`), []byte(`{"comments":[{"id":1,"author_id":-1,"public":false,"html_body":"<p>a"}],"count":3}`))
	f.Add([]byte(`{"audit":{"events":[{"type":"Change","field_name":"tags","value":["a"],"previous_value":null}]}}`), []byte(`{"comments":[{"id":"1","via":{"channel":"email"},"plain_body":"hi\n> q"}],"meta":{"has_more":true}}`))
	f.Fuzz(func(t *testing.T, ticket, comments []byte) {
		th, err := Read(Payload{Source: "zendesk", Files: []File{{Name: "ticket.json", Body: ticket}, {Name: "comments.json", Body: comments}}})
		restCheckThread(t, th, err)
	})
}
