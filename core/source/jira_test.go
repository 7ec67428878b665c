package source

import (
	"strings"
	"testing"
	"time"

	"handoff/core/errs"
	"handoff/core/thread"
)

const jiraCorpus = "andygrunwald-go-jira"

// The corpus facts below are those its EXPECTED.json records.
func TestJiraCorpusIssueWithComment(t *testing.T) {
	th := restMustRead(t, "", restCorpus(t, jiraCorpus, "payloads/issue_get_with_comment_worklog_attachment.json", "issue.json"))
	if th.Source != "jira" || th.Ticket.ID != "EX-1" || th.Ticket.URL != "http://www.example.com/jira/browse/EX-1" {
		t.Fatalf("ticket = %+v", th.Ticket)
	}
	if len(th.Messages) != 2 || th.Messages[0].Text != "example bug report" {
		t.Fatalf("messages = %+v", th.Messages)
	}
	c := th.Messages[1]
	if c.ID != "10000" || c.Author.Name != "Fred F. User" || c.Visibility != thread.Internal ||
		!c.At.Equal(time.Date(2016, 3, 16, 4, 22, 37, 356e6, time.UTC)) {
		t.Errorf("comment = %+v", c)
	}
	// The one attachment was uploaded by Fred right after his comment.
	if len(c.Attachments) != 1 || c.Attachments[0] != "picture.jpg" {
		t.Errorf("attachments = %v", c.Attachments)
	}
}

func TestJiraCorpusRenderedPreferred(t *testing.T) {
	th := restMustRead(t, "", restCorpus(t, jiraCorpus, "payloads/issue_get_rendered_fields.json", "issue.json"))
	c := th.Messages[len(th.Messages)-1]
	if !strings.Contains(c.Text, "HTML") || strings.Contains(c.Text, "Lorem") {
		t.Errorf("comment text %q: want the rendered body", c.Text)
	}
	if len(th.Ticket.Tags) != 1 || th.Ticket.Tags[0] != "test" {
		t.Errorf("labels = %v", th.Ticket.Tags)
	}
}

func TestJiraCorpusChangelogOnly(t *testing.T) {
	_, err := Read(Payload{Files: []File{restCorpus(t, jiraCorpus, "payloads/issue_get_changelog.json", "issue.json")}})
	if errs.CodeOf(err) != errs.Empty {
		t.Errorf("an issue without description or comments: err = %v, want E_EMPTY", err)
	}
}

func TestJiraCorpusSingleComments(t *testing.T) {
	th := restMustRead(t, "", restCorpus(t, jiraCorpus, "payloads/servicedesk_request_comment_response.json", "request-comments.json"))
	m := th.Messages[0]
	if m.ID != "1000" || m.Text != "Hello there" || m.Visibility != thread.Public || m.Author.Name != "Fred F. User" ||
		!m.At.Equal(time.Date(2015, 10, 9, 3, 22, 0, 0, time.UTC)) {
		t.Errorf("request comment = %+v", m)
	}
	th = restMustRead(t, "", restCorpus(t, jiraCorpus, "payloads/issue_add_comment_response.json", "comments.json"))
	if m := th.Messages[0]; m.ID != "10000" || m.Visibility != thread.Internal {
		t.Errorf("role-restricted comment = %+v", m)
	}
}

func TestJiraWikiText(t *testing.T) {
	for in, want := range map[string]string{
		"h3. Steps to reproduce":                             "Steps to reproduce",
		"It *still* fails with _every_ user":                 "It still fails with every user",
		"See [status page|https://status.example.com]":       "See status page (https://status.example.com)",
		"{code:java}login(){code}":                           "login()",
		"{noformat}\nSAML error 0x2a\n{noformat}":            "SAML error 0x2a",
		"!screenshot-1.png|thumbnail! attached":              "[screenshot-1.png] attached",
		"[~accountid:5b10a2844c20165700ede21g] please check": "@5b10a2844c20165700ede21g please check",
		"run {{idp-sync --dry-run}} first":                   "run idp-sync --dry-run first",
		"2*3 = 6 and a-b-c stay":                             "2*3 = 6 and a-b-c stay",
		"snake_case_name keeps its underscores":              "snake_case_name keeps its underscores",
	} {
		if got := jiraWikiText(in); got != want {
			t.Errorf("jiraWikiText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJiraPlan(t *testing.T) {
	api := "https://acme.atlassian.net/rest/api/2/issue/SUP-12"
	want := map[string]string{
		"issue":            api + "?expand=renderedFields,changelog",
		"comments":         api + "/comment?startAt=0&maxResults=100&expand=renderedBody",
		"request-comments": "https://acme.atlassian.net/rest/servicedeskapi/request/SUP-12/comment?start=0&limit=100",
	}
	dc := []Host{{Source: "jira", Origin: "https://jira.example.org"}, {Source: "jira", Origin: "https://intra.example.org"}}
	restCheckPlans(t, []restPlanCase{
		{url: "https://acme.atlassian.net/browse/SUP-12", source: "jira", id: "SUP-12", want: want},
		{url: "https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1/SUP-12", source: "jira", id: "SUP-12", want: want},
		{url: "https://acme.atlassian.net/jira/servicedesk/projects/SUP/issues/SUP-12?filter=all", source: "jira", id: "SUP-12", want: want},
		{url: "https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-12", source: "jira", id: "SUP-12", want: want},
		{url: "https://acme.atlassian.net/jira/software/projects/APP/boards/3?selectedIssue=APP-7", source: "jira", id: "APP-7",
			want: map[string]string{"issue": "https://acme.atlassian.net/rest/api/2/issue/APP-7?expand=renderedFields,changelog"}},
		{url: "https://jira.example.org/browse/OPS-5", hosts: dc, source: "jira", id: "OPS-5",
			want: map[string]string{"issue": "https://jira.example.org/rest/api/2/issue/OPS-5?expand=renderedFields,changelog"}},
		{url: "https://intra.example.org/jira/browse/OPS-5", hosts: dc, source: "jira", id: "OPS-5",
			want: map[string]string{"issue": "https://intra.example.org/jira/rest/api/2/issue/OPS-5?expand=renderedFields,changelog"}},
		{url: "https://jira.example.org/servicedesk/customer/portal/1/OPS-5", hosts: dc, source: "jira", id: "OPS-5",
			want: map[string]string{"request-comments": "https://jira.example.org/rest/servicedeskapi/request/OPS-5/comment?start=0&limit=100"}},
		{url: "https://jira.example.org/browse/OPS-5", source: "jira"},
		{url: "https://acme.atlassian.net/jira/your-work", source: "jira"},
		{url: "https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1", source: "jira"},
		{url: "https://acme.atlassian.net/wiki/spaces/SUP/pages/1", source: "jira"},
		{url: "https://acme.atlassian.net/browse/SUP", source: "jira"},
		{url: "https://acme.atlassian.net/jira/software/projects/APP/boards/3?selectedIssue=drop%20table", source: "jira"},
	})
	p, _ := PlanFor("https://acme.atlassian.net/browse/SUP-12", nil)
	if pg := p.Requests[1].Pager; pg == nil || pg.Style != "offset" || pg.Param != "startAt" || pg.Total != "total" || pg.Items != "comments" {
		t.Errorf("comments pager = %+v", pg)
	}
}
