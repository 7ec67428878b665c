package source

import (
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/thread"
)

const zdCorpus = "nukosuke-go-zendesk"

// The corpus facts below are those its EXPECTED.json records.
func TestZendeskCorpusTicketOnly(t *testing.T) {
	th := restMustRead(t, "", restCorpus(t, zdCorpus, "fixture/GET/ticket.json", "ticket.json"))
	if th.Source != "zendesk" || th.Ticket.ID != "2" || th.Ticket.Status != "solved" ||
		th.Ticket.Subject != "Mail to create fixture ticket for testing" {
		t.Fatalf("ticket = %+v", th.Ticket)
	}
	if r := th.Ticket.Requester; r.Email != "nukosuke@lavabit.com" || r.Name != "Yosuke Tamura" || r.Role != thread.Customer {
		t.Errorf("requester = %+v", r)
	}
	if th.Ticket.URL != "https://d3v-terraform-provider.zendesk.com/agent/tickets/2" {
		t.Errorf("url = %q", th.Ticket.URL)
	}
	// Only the description is known: it stands in as the first message.
	if len(th.Messages) != 1 || !strings.Contains(th.Messages[0].Text, "(●ↀ ω ↀ●)") || th.Messages[0].Author.Role != thread.Customer {
		t.Fatalf("messages = %+v", th.Messages)
	}
}

func TestZendeskCorpusCommentsCursor(t *testing.T) {
	th := restMustRead(t, "",
		restCorpus(t, zdCorpus, "fixture/GET/ticket.json", "ticket.json"),
		restCorpus(t, zdCorpus, "fixture/GET/ticket_comments.json", "comments.json"))
	var ids []string
	for _, m := range th.Messages {
		ids = append(ids, m.ID)
		if m.Visibility != thread.Public {
			t.Errorf("comment %s is %s, the corpus has all public", m.ID, m.Visibility)
		}
		// author_id is the ticket's requester: without users, a customer.
		if m.Author.Role != thread.Customer {
			t.Errorf("comment %s role %s", m.ID, m.Author.Role)
		}
	}
	if strings.Join(ids, ",") != "2,3" {
		t.Errorf("ids = %v, want 2,3", ids)
	}
	// meta.has_more is true: more pages exist than were read.
	if th.Complete {
		t.Error("complete despite meta.has_more")
	}
}

func TestZendeskCorpusAudit(t *testing.T) {
	for _, f := range []string{"fixture/GET/ticket_audit.json", "fixture/GET/ticket_audits.json"} {
		th := restMustRead(t, "", restCorpus(t, zdCorpus, f, "audits.json"))
		if len(th.Messages) != 1 || th.Messages[0].Visibility != thread.Internal ||
			!strings.Contains(th.Messages[0].Text, "This is a new private comment") {
			t.Fatalf("%s: messages = %+v", f, th.Messages)
		}
		if len(th.Events) != 1 {
			t.Fatalf("%s: events = %+v", f, th.Events)
		}
		e := th.Events[0]
		if e.Kind != thread.StatusChange || e.From != "new" || e.To != "open" || !strings.Contains(e.By, "Assign to first responder") {
			t.Errorf("%s: event = %+v", f, e)
		}
	}
}

func TestZendeskCorpusCreateResponse(t *testing.T) {
	th := restMustRead(t, "zendesk", restCorpus(t, zdCorpus, "fixture/POST/ticket.json", "response.json"))
	if th.Ticket.ID != "4" || th.Ticket.Priority != "urgent" || th.Ticket.Status != "new" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	if len(th.Messages) != 1 || th.Messages[0].Visibility != thread.Public || th.Messages[0].Author.Role != thread.Customer {
		t.Errorf("messages = %+v", th.Messages)
	}
	// Create events record initial values, not changes.
	if len(th.Events) != 0 {
		t.Errorf("events = %+v", th.Events)
	}
}

func TestZendeskCorpusUsersRoles(t *testing.T) {
	in := zdInput{people: zdPeople{users: map[string]zdUser{}, groups: map[string]string{}, orgs: map[string]string{}}}
	if err := in.add(restCorpus(t, zdCorpus, "fixture/GET/users.json", "users.json")); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]thread.Role{"369531345753": thread.Customer, "369537351454": thread.Agent} {
		if got := in.people.users[id]; zdRole(got.role) != want {
			t.Errorf("user %s: role %q", id, got.role)
		}
	}
}

func zdRole(r string) thread.Role {
	in := zdInput{people: zdPeople{users: map[string]zdUser{"1": {role: r}}}}
	return in.person(gjsonNumber("1")).Role
}

func TestZendeskBadInput(t *testing.T) {
	for _, c := range []struct {
		files []File
		code  string
		msg   string
	}{
		{[]File{{Name: "comments.json", Body: []byte(`{"ticket":{"id":1,"requester_id":2}}`)}}, errs.Format, `comments.json: not a Zendesk comments response (no "comments")`},
		{[]File{{Name: "ticket.json", Body: []byte(`{"ticket":`)}}, errs.Format, "ticket.json"},
		{[]File{{Name: "users.json", Body: []byte(`{"users":[]}`)}}, errs.Empty, ""},
		{[]File{{Name: "comments.json", Body: []byte(`{"comments":[{"id":1,"author_id":5,"body":"` + "\xff\xfe" + `bad utf8","created_at":"yesterday"}]}`)}}, "", ""},
	} {
		th, err := Read(Payload{Source: "zendesk", Files: c.files})
		if c.code == "" {
			if err != nil || !strings.Contains(th.Messages[0].Text, "bad utf8") {
				t.Errorf("%s: %v", c.files[0].Body, err)
			}
			continue
		}
		if errs.CodeOf(err) != c.code || !strings.Contains(errs.MessageOf(err), c.msg) {
			t.Errorf("%s: err = %v, want %s %q", c.files[0].Body, err, c.code, c.msg)
		}
	}
}

func TestZendeskPlan(t *testing.T) {
	api := "https://acme.zendesk.com/api/v2/tickets/123"
	want := map[string]string{
		"ticket":   api + ".json?include=users,groups,organizations",
		"comments": api + "/comments.json?include=users&page[size]=100",
		"audits":   api + "/audits.json",
	}
	restCheckPlans(t, []restPlanCase{
		{url: "https://acme.zendesk.com/agent/tickets/123", source: "zendesk", id: "123", want: want},
		{url: "https://acme.zendesk.com/agent/tickets/123/events", source: "zendesk", id: "123", want: want},
		{url: "https://support.example.com/agent/tickets/77", hosts: []Host{{Source: "zendesk", Origin: "https://support.example.com/"}},
			source: "zendesk", id: "77", want: map[string]string{"comments": "https://support.example.com/api/v2/tickets/77/comments.json?include=users&page[size]=100"}},
		{url: "https://support.example.com/agent/tickets/77", source: "zendesk"},
		{url: "https://acme.zendesk.com/agent/dashboard", source: "zendesk"},
		{url: "https://acme.zendesk.com/agent/tickets/new/1", source: "zendesk"},
		{url: "https://acme.zendesk.com/hc/en-us/requests/123", source: "zendesk"},
		{url: "https://zendesk.com/agent/tickets/1", source: "zendesk"},
		{url: "https://acme.zendesk.com.evil.io/agent/tickets/1", source: "zendesk"},
	})
	p, _ := PlanFor("https://acme.zendesk.com/agent/tickets/123", nil)
	if pg := p.Requests[1].Pager; pg == nil || pg.Style != "next" || pg.Next[0] != "links.next" || pg.More != "meta.has_more" {
		t.Errorf("comments pager = %+v", pg)
	}
	if !p.Requests[2].Optional || p.Requests[0].Optional {
		t.Error("only audits are optional")
	}
}
