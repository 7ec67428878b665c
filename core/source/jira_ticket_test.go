package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

// TestJiraBundledTicket reads a JSM ticket whose issue embeds the first 5
// of 9 comments; comments.json and the request comments add the rest.
func TestJiraBundledTicket(t *testing.T) {
	th := restMustRead(t, "", restTicketDir(t, "jira-sso-lockout")...)
	if th.Source != "jira" || th.Ticket.ID != "SUP-2317" || len(th.Messages) != 10 || !th.Complete {
		t.Fatalf("ticket %s, %d messages, complete %v", th.Ticket.ID, len(th.Messages), th.Complete)
	}
	roles := map[thread.Role]int{}
	internal := 0
	for _, m := range th.Messages {
		roles[m.Author.Role]++
		if m.Visibility == thread.Internal {
			internal++
		}
		if strings.Contains(m.Text, "*AUTHN") || strings.Contains(m.Text, "h3.") {
			t.Errorf("#%d keeps wiki markup: %q", m.N, m.Text)
		}
	}
	if roles[thread.Customer] != 5 || roles[thread.Agent] != 4 || roles[thread.Bot] != 1 || internal != 3 {
		t.Errorf("roles %v, %d internal", roles, internal)
	}
	if a := th.Messages[4].Attachments; len(a) != 1 || a[0] != "kestrel-okta-metadata-2026.xml" {
		t.Errorf("#5 attachments %v", a)
	}
	var statuses []string
	for _, e := range th.Events {
		if e.Kind == thread.StatusChange {
			statuses = append(statuses, e.To)
		}
	}
	if strings.Join(statuses, ",") != "In Progress,Escalated" {
		t.Errorf("status changes %v", statuses)
	}
}

// TestJiraPartialComments: the issue alone says 9 comments exist but
// embeds 5, so the thread is incomplete.
func TestJiraPartialComments(t *testing.T) {
	for _, f := range restTicketDir(t, "jira-sso-lockout") {
		if f.Name != "issue.json" {
			continue
		}
		th := restMustRead(t, "", f)
		if th.Complete || th.Read != 6 || th.Total != 10 {
			t.Errorf("complete %v read %d total %d", th.Complete, th.Read, th.Total)
		}
	}
}

// FuzzJira mutates an issue and a comments page.
func FuzzJira(f *testing.F) {
	dir := testenv.Testdata("tickets", "jira-sso-lockout")
	issue, _ := os.ReadFile(filepath.Join(dir, "issue.json"))
	comments, _ := os.ReadFile(filepath.Join(dir, "request-comments.json"))
	f.Add(issue, comments)
	f.Add([]byte(`{"key":"A-1","fields":{"description":"h1. x *y*","comment":{"comments":[{"id":"1","body":"{code}","author":{"displayName":"b"},"visibility":{"type":"group"}}],"total":4}}}`),
		[]byte(`{"values":[{"id":"1","public":false,"body":"[a|b]","author":{"displayName":"c"},"created":{"iso8601":"2020-01-01T00:00:00+0100"}}]}`))
	f.Fuzz(func(t *testing.T, issue, comments []byte) {
		th, err := Read(Payload{Source: "jira", Files: []File{{Name: "issue.json", Body: issue}, {Name: "request-comments.json", Body: comments}}})
		restCheckThread(t, th, err)
	})
}
