package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/internal/testenv"
	"handoff/core/thread"
)

// TestZammadBundledTicket reads a German billing ticket with e-mail,
// phone and note articles and its history.
func TestZammadBundledTicket(t *testing.T) {
	th := restMustRead(t, "", restTicketDir(t, "zammad-doppelte-abbuchung")...)
	if th.Source != "zammad" || th.Ticket.ID != "1873" || len(th.Messages) != 7 || !th.Complete {
		t.Fatalf("ticket %s, %d messages, complete %v", th.Ticket.ID, len(th.Messages), th.Complete)
	}
	if th.Ticket.Assignee != "Anna Krüger" || th.Ticket.Group != "Abrechnung" || th.Ticket.Requester.Email != "j.weiss@baeckerei-sonnenschein.de" {
		t.Errorf("ticket = %+v", th.Ticket)
	}
	for _, m := range th.Messages {
		if m.Text == "" {
			t.Errorf("#%d has no text", m.N)
		}
		if strings.Contains(m.Author.Name, " via") {
			t.Errorf("#%d author %q", m.N, m.Author.Name)
		}
		// Zammad's signature marker: nothing after it stays in the text.
		if m.Channel == "email" && strings.Contains(m.Text, "Amtsgericht") {
			t.Errorf("#%d keeps the signature: %q", m.N, m.Text)
		}
	}
	// The customer's e-mail keeps every paragraph above the signature marker.
	if m := th.Messages[0]; !strings.Contains(m.Text, "Guten Tag") || !strings.Contains(m.Text, "Umsatzsteuer-Voranmeldung") ||
		strings.Contains(m.Text, "Geschäftsführer") || !strings.Contains(m.Quoted, "Geschäftsführer") {
		t.Errorf("#1 text %q, removed %q", m.Text, m.Quoted)
	}
	if m := th.Messages[2]; m.Visibility != thread.Internal || m.Channel != "note" || !strings.Contains(m.Text, "110,55 €") {
		t.Errorf("#3 = %+v", m)
	}
	if m := th.Messages[3]; m.Channel != "phone" || m.Author.Role != thread.Customer {
		t.Errorf("#4 = %+v", m)
	}
	if len(th.Events) != 5 || th.Events[0].To != "Anna Krüger" || th.Events[4].Kind != thread.TagsChange {
		t.Errorf("events = %+v", th.Events)
	}
}

// FuzzZammad mutates a ticket and its article list.
func FuzzZammad(f *testing.F) {
	dir := testenv.Testdata("tickets", "zammad-doppelte-abbuchung")
	ticket, _ := os.ReadFile(filepath.Join(dir, "ticket.json"))
	articles, _ := os.ReadFile(filepath.Join(dir, "articles.json"))
	f.Add(ticket, articles)
	f.Add([]byte(`{"id":1,"title":"t","customer_id":2,"number":"3","article_count":9}`),
		[]byte(`[{"ticket_id":1,"internal":false,"sender_id":2,"type_id":1,"content_type":"text/html","body":"a<span class=\"js-signatureMarker\"></span>b","from":"x via <y@z>"}]`))
	f.Fuzz(func(t *testing.T, ticket, articles []byte) {
		th, err := Read(Payload{Source: "zammad", Files: []File{{Name: "ticket.json", Body: ticket}, {Name: "articles.json", Body: articles}}})
		restCheckThread(t, th, err)
	})
}
