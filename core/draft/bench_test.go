package draft

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"handoff/core/clean"
	"handoff/core/source"
	"handoff/core/thread"
)

// zendesk500 builds a Zendesk comments response of 500 comments with
// quoted e-mail replies, as the API returns it.
func zendesk500() []source.File { return zendeskN(500) }

// zendeskN is zendesk500 with n comments, one every 15 minutes.
func zendeskN(n int) []source.File {
	var comments strings.Builder
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		author, public := 1, true
		body := fmt.Sprintf("Export still fails with HTTP 502 on run %d, same error as before. We need it by Friday.\n\nOn Mon, 2 Mar 2026, Support <s@x.io> wrote:\n> Could you clear your cache and try again?\n> Thanks", i)
		if i%2 == 1 {
			author = 2
			body = fmt.Sprintf("Could you clear your cache and try another browser? Attempt %d.", i)
		}
		if i%10 == 9 {
			public = false
			body = "Logs show a server error on the export worker; escalating to engineering."
		}
		if i > 0 {
			comments.WriteString(",")
		}
		at := start.Add(time.Duration(i) * 15 * time.Minute).Format(time.RFC3339)
		fmt.Fprintf(&comments, `{"id":%d,"author_id":%d,"public":%v,"body":%q,"plain_body":%q,"created_at":%q}`, i+1, author, public, body, body, at)
	}
	return []source.File{
		{Name: "ticket.json", Body: []byte(`{"ticket":{"id":9,"subject":"CSV export fails","status":"open","requester_id":1}}`)},
		{Name: "comments.json", Body: []byte(`{"comments":[` + comments.String() + `],"users":[{"id":1,"name":"Ana","role":"end-user"},{"id":2,"name":"Tom","role":"agent"}],"next_page":null,"count":` + fmt.Sprint(n) + `}`)},
	}
}

// BenchmarkOffline5000 is BenchmarkOffline500 on ten times the thread:
// its time per op should be about ten times as long (linear growth).
func BenchmarkOffline5000(b *testing.B) {
	files := zendeskN(5000)
	b.ReportAllocs()
	for b.Loop() {
		th, err := source.Read(source.Payload{Source: "zendesk", Files: files})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Offline(th, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOffline500 is the whole path for a 500-message thread: parse,
// clean, facts, note, guard (Offline runs the guard).
func BenchmarkOffline500(b *testing.B) {
	files := zendesk500()
	var th *thread.Thread
	b.ReportAllocs()
	for b.Loop() {
		var err error
		th, err = source.Read(source.Payload{Source: "zendesk", Files: files})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Offline(th, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	_ = clean.Text
	if len(th.Messages) != 500 {
		b.Fatalf("%d messages", len(th.Messages))
	}
}
