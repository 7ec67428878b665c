package source_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"handoff/core/source"
)

// zendeskThread builds a Zendesk ticket of n e-mail comments, customer and
// agent in turn, each an HTML reply over a Gmail quote of the message
// before it and a signature, as the Support API returns them.
func zendeskThread(n int) []source.File {
	type user struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Email string `json:"email"`
		Role  string `json:"role"`
	}
	users := []user{{1, "Priya Raman", "priya@northwind.example", "end-user"}, {2, "Marco Silva", "marco@acme.example", "agent"}}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var comments []map[string]any
	prev := "The export of invoices fails with 502 since this morning."
	for i := range n {
		u := users[i%2]
		text := fmt.Sprintf("Reply %d: the CSV export still fails with 502 Bad Gateway after clearing the cache and trying Firefox %d. The report has %d rows.", i+1, 120+i%10, 40000+i)
		html := fmt.Sprintf(`<div dir="ltr"><p>Hi,</p><p>%s</p><p>Best regards,<br>%s</p></div><div class="gmail_quote"><div class="gmail_attr">On Mon, 2 Mar 2026 at 10:14, %s &lt;%s&gt; wrote:<br></div><blockquote class="gmail_quote"><p>%s</p><p>Kind regards,<br>%s</p></blockquote></div>`,
			text, u.Name, users[(i+1)%2].Name, users[(i+1)%2].Email, prev, users[(i+1)%2].Name)
		plain := fmt.Sprintf("Hi,\n\n%s\n\nBest regards,\n%s\n\nOn Mon, 2 Mar 2026 at 10:14, %s <%s> wrote:\n> %s\n", text, u.Name, users[(i+1)%2].Name, users[(i+1)%2].Email, prev)
		comments = append(comments, map[string]any{
			"id": 9000000 + i, "type": "Comment", "author_id": u.ID, "public": true,
			"body": plain, "plain_body": plain, "html_body": html,
			"via":        map[string]any{"channel": "email"},
			"created_at": start.Add(time.Duration(i) * 17 * time.Minute).Format(time.RFC3339),
		})
		prev = text
	}
	ticket, _ := json.Marshal(map[string]any{"ticket": map[string]any{
		"id": 48213, "subject": "CSV export fails with 502", "status": "open", "requester_id": 1,
		"created_at": start.Format(time.RFC3339), "via": map[string]any{"channel": "email"},
	}})
	page, _ := json.Marshal(map[string]any{"comments": comments, "users": users, "count": n})
	return []source.File{{Name: "ticket.json", Body: ticket}, {Name: "comments.json", Body: page}}
}

func benchRead(b *testing.B, files []source.File) {
	size := 0
	for _, f := range files {
		size += len(f.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := source.Read(source.Payload{Files: files}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkZendesk500 parses and cleans a 500-message Zendesk thread with
// quoted e-mail replies (target: at most 15 ms and 30 MB per op).
func BenchmarkZendesk500(b *testing.B) { benchRead(b, zendeskThread(500)) }

// BenchmarkZendesk5000 is the same thread ten times longer: ns/op and B/op
// should grow about tenfold.
func BenchmarkZendesk5000(b *testing.B) { benchRead(b, zendeskThread(5000)) }

// BenchmarkParse reads each helpdesk's bundled ticket grown to 500
// messages (entries of its message list repeated with fresh ids).
func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"zendesk", "freshdesk", "jira", "zammad", "intercom", "helpscout", "front"} {
		files := grow(b, growSpecs[name], 500)
		b.Run(name, func(b *testing.B) { benchRead(b, files) })
	}
}
