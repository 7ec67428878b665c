package source_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/internal/testenv"
	"handoff/core/source"
)

// A grown ticket: a bundled ticket whose message list (at path in file)
// is repeated with fresh ids up to n entries.
type growSpec struct {
	ticket, file, path string
}

// growSpecs name each helpdesk's message list in its bundled ticket.
var growSpecs = map[string]growSpec{
	"zendesk":   {"zendesk-export-502", "comments.json", "comments"},
	"freshdesk": {"freshdesk-double-charge-refund", "conversations.json", ""},
	"jira":      {"jira-sso-lockout", "comments.json", "comments"},
	"zammad":    {"zammad-doppelte-abbuchung", "articles.json", ""},
	"intercom":  {"intercom-pinned-jobs-overwritten", "conversation.json", "conversation_parts.conversation_parts"},
	"helpscout": {"helpscout-sso-lockout", "threads.json", "_embedded.threads"},
	"front":     {"front-refund-over-policy", "messages.json", "_results"},
}

// grow returns the ticket's files with the message list at spec.path
// repeated to n entries (n 0: as it is), each copy with a fresh id;
// further pages of that list are left out.
func grow(tb testing.TB, spec growSpec, n int) []source.File {
	tb.Helper()
	dir := testenv.Testdata("tickets", spec.ticket)
	es, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	stem := strings.TrimSuffix(spec.file, ".json")
	var files []source.File
	for _, e := range es {
		if strings.HasPrefix(e.Name(), stem+"-") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		if e.Name() == spec.file && n > 0 {
			b = growList(tb, b, spec.path, n)
		}
		files = append(files, source.File{Name: e.Name(), Body: b})
	}
	return files
}

func growList(tb testing.TB, b []byte, path string, n int) []byte {
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		tb.Fatal(err)
	}
	get := func() []any {
		v := doc
		for _, k := range strings.Split(path, ".") {
			if k != "" {
				v = v.(map[string]any)[k]
			}
		}
		return v.([]any)
	}
	seed := get()
	list := make([]any, 0, n)
	for i := 0; len(list) < n; i++ {
		src := seed[i%len(seed)].(map[string]any)
		c := make(map[string]any, len(src))
		for k, v := range src {
			c[k] = v
		}
		switch id := c["id"].(type) {
		case float64:
			c["id"] = id + float64(i)*1e7
		case string:
			c["id"] = fmt.Sprintf("%s-%d", id, i)
		}
		list = append(list, c)
	}
	if path == "" {
		doc = list
	} else {
		keys := strings.Split(path, ".")
		m := doc.(map[string]any)
		for _, k := range keys[:len(keys)-1] {
			m = m[k].(map[string]any)
		}
		m[keys[len(keys)-1]] = list
	}
	out, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestLargeTickets: every helpdesk reads a 5,000-message ticket, numbered
// 1..N, and a ticket grown to about 20 MB.
func TestLargeTickets(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for name, spec := range growSpecs {
		t.Run(name, func(t *testing.T) {
			th, err := source.Read(source.Payload{Files: grow(t, spec, 8000)}) // some entries are events
			if err != nil {
				t.Fatal(err)
			}
			if th.Source != name || len(th.Messages) < 5000 {
				t.Fatalf("source %s, %d messages, want %s with at least 5000", th.Source, len(th.Messages), name)
			}
			for i, m := range th.Messages {
				if m.N != i+1 {
					t.Fatalf("message %d numbered %d", i+1, m.N)
				}
			}
		})
	}
	files := grow(t, growSpecs["zendesk"], 14000)
	size := 0
	for _, f := range files {
		size += len(f.Body)
	}
	if size < 20<<20 {
		t.Fatalf("grown Zendesk ticket is %d MB, want 20", size>>20)
	}
	if _, err := source.Read(source.Payload{Files: files}); err != nil {
		t.Errorf("%d MB Zendesk ticket: %v", size>>20, err)
	}
}

// TestTooLarge: above MaxInputBytes or MaxMessages, Read fails with
// E_TOO_LARGE and says the limit.
func TestTooLarge(t *testing.T) {
	big := []source.File{{Name: "comments.json", Body: make([]byte, source.MaxInputBytes+1)}}
	if _, err := source.Read(source.Payload{Files: big}); errs.CodeOf(err) != errs.TooLarge || !strings.Contains(err.Error(), "limit") {
		t.Errorf("input over MaxInputBytes: %v", err)
	}
	if testing.Short() {
		return
	}
	files := grow(t, growSpecs["zammad"], source.MaxMessages+1)
	if _, err := source.Read(source.Payload{Files: files}); errs.CodeOf(err) != errs.TooLarge {
		t.Errorf("%d messages: %v", source.MaxMessages+1, err)
	}
}
