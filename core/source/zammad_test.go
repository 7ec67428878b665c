package source

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

const zammadCorpus = "zammad-documentation-api"

// TestZammadCorpusIndex checks every article response the corpus INDEX.json
// describes: id, sender role, internal flag, channel and time.
func TestZammadCorpusIndex(t *testing.T) {
	dir := testenv.Corpora(t, zammadCorpus)
	b, err := os.ReadFile(filepath.Join(dir, "INDEX.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index struct {
		Files []struct {
			File, Kind, Endpoint string
			Facts                []map[string]any
		}
	}
	if err := json.Unmarshal(b, &index); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range index.Files {
		if f.Kind != "response" || !strings.Contains(f.Endpoint, "ticket_articles") {
			continue
		}
		th := restMustRead(t, "", restCorpus(t, zammadCorpus, f.File, "articles.json"))
		if len(th.Messages) != len(f.Facts) {
			t.Fatalf("%s: %d messages, want %d", f.File, len(th.Messages), len(f.Facts))
		}
		for i, fact := range f.Facts {
			m := th.Messages[i]
			wantVis := thread.Public
			if fact["internal"] == true {
				wantVis = thread.Internal
			}
			if m.ID != jsonNum(fact["id"]) || m.Visibility != wantVis || string(m.Author.Role) != strings.ToLower(fact["sender"].(string)) ||
				m.Channel != fact["type"] || m.At.Format("2006-01-02T15:04:05.000Z") != fact["created_at"] {
				t.Errorf("%s #%d = %+v, want %v", f.File, i+1, m, fact)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("checked %d articles; the corpus has 5", checked)
	}
}

func jsonNum(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestZammadCorpusTicket(t *testing.T) {
	th := restMustRead(t, "",
		restCorpus(t, zammadCorpus, "payloads/tickets_01_show_response.json", "ticket.json"),
		restCorpus(t, zammadCorpus, "payloads/articles_01_list_articles_by_ticket_response.json", "articles.json"))
	if th.Source != "zammad" || th.Ticket.ID != "3" || th.Ticket.Subject != "Order 787556" || th.Ticket.Status != "closed" || th.Ticket.Priority != "2 normal" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	// article_count 2, two read.
	if !th.Complete || th.Total != 2 {
		t.Errorf("complete %v total %d", th.Complete, th.Total)
	}
	if a := th.Messages[1].Author; a.Name != "Emma Taylor" || a.Email != "emma@chrispresso.com" {
		t.Errorf("agent via group address = %+v", a)
	}
	// Zammad's signature marker: the customer's name after it is not text.
	if m := th.Messages[0]; strings.HasSuffix(strings.TrimSpace(m.Text), "David Bell") || !strings.Contains(m.Quoted, "David Bell") {
		t.Errorf("signature marker not honoured: text %q quoted %q", m.Text, m.Quoted)
	}
}

func TestZammadCorpusNote(t *testing.T) {
	th := restMustRead(t, "", restCorpus(t, zammadCorpus, "payloads/articles_06_create_article_with_attached_files_response.json", "articles.json"))
	m := th.Messages[0]
	if m.Text != "Please see attached file..." || m.Visibility != thread.Internal || m.Author.Name != "Christopher Miller" ||
		len(m.Attachments) != 1 || m.Attachments[0] != "portal.txt" {
		t.Errorf("note = %+v", m)
	}
}

func TestZammadBadInput(t *testing.T) {
	_, err := Read(Payload{Source: "zammad", Files: []File{{Name: "articles.json", Body: []byte(`{"error":"Not authorized"}`)}}})
	if errs.CodeOf(err) != errs.Format || !strings.Contains(errs.MessageOf(err), "articles.json: not a Zammad articles response") {
		t.Errorf("err = %v", err)
	}
	_, err = Read(Payload{Source: "zammad", Files: []File{{Name: "articles.json", Body: []byte(`[]`)}}})
	if errs.CodeOf(err) != errs.Empty {
		t.Errorf("empty article list: err = %v", err)
	}
}

func TestZammadPlan(t *testing.T) {
	want := map[string]string{
		"ticket":   "https://acme.zammad.com/api/v1/tickets/9?expand=true",
		"articles": "https://acme.zammad.com/api/v1/ticket_articles/by_ticket/9",
		"history":  "https://acme.zammad.com/api/v1/ticket_history/9",
	}
	self := []Host{{Source: "zammad", Origin: "https://support.example.org"}}
	restCheckPlans(t, []restPlanCase{
		{url: "https://acme.zammad.com/#ticket/zoom/9", source: "zammad", id: "9", want: want},
		{url: "https://acme.zammad.com/#ticket/zoom/9/42", source: "zammad", id: "9", want: want},
		{url: "https://support.example.org/#ticket/zoom/9", hosts: self, source: "zammad", id: "9",
			want: map[string]string{"articles": "https://support.example.org/api/v1/ticket_articles/by_ticket/9"}},
		{url: "https://unknown.example.org/#ticket/zoom/9", source: "zammad"},
		{url: "https://acme.zammad.com/#dashboard", source: "zammad"},
		{url: "https://acme.zammad.com/#ticket/create", source: "zammad"},
		{url: "https://acme.zammad.com/#ticket/view/my_assigned", source: "zammad"},
		{url: "https://acme.zammad.com/ticket/zoom/9", source: "zammad"},
	})
}
