package draft

import (
	"fmt"
	"testing"

	"handoff/core/clean"
	"handoff/core/source"
	"handoff/core/thread"
)

// zendesk500 builds a Zendesk comments response of 500 comments with
// quoted e-mail replies, as the API returns it.
func zendesk500() []source.File {
	comments := ""
	for i := 0; i < 500; i++ {
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
			comments += ","
		}
		comments += fmt.Sprintf(`{"id":%d,"author_id":%d,"public":%v,"body":%q,"plain_body":%q,"created_at":"2026-03-%02dT%02d:%02d:00Z"}`, i+1, author, public, body, body, 2+i/100, (i/4)%24, i%60)
	}
	return []source.File{
		{Name: "ticket.json", Body: []byte(`{"ticket":{"id":9,"subject":"CSV export fails","status":"open","requester_id":1}}`)},
		{Name: "comments.json", Body: []byte(`{"comments":[` + comments + `],"users":[{"id":1,"name":"Ana","role":"end-user"},{"id":2,"name":"Tom","role":"agent"}],"next_page":null,"count":500}`)},
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
