package bridge_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handoff/core/errs"
	"handoff/core/note"
	"handoff/wasm/bridge"
)

func payload(t testing.TB) map[string]any {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "tickets", "zendesk-export-502")
	var files []map[string]string
	for _, n := range []string{"ticket.json", "comments.json", "comments-2.json", "audits.json"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, map[string]string{"name": n, "text": string(b)})
	}
	return map[string]any{"url": "https://acme-analytics.zendesk.com/agent/tickets/48213", "files": files}
}

func do(t testing.TB, name string, req any, v any) {
	t.Helper()
	b, _ := json.Marshal(req)
	out, err := bridge.Call(name, b, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func TestParseDraftLintRender(t *testing.T) {
	var th struct {
		Handle   string           `json:"handle"`
		Read     int              `json:"read"`
		Messages []map[string]any `json:"messages"`
		Thread   *json.RawMessage `json:"thread"`
	}
	do(t, "parse", payload(t), &th)
	if th.Handle == "" || th.Read != len(th.Messages) || th.Thread != nil {
		t.Fatalf("parse: handle %q, read %d of %d messages, thread included: %v", th.Handle, th.Read, len(th.Messages), th.Thread != nil)
	}
	for i, m := range th.Messages {
		if int(m["n"].(float64)) != i+1 || m["text"] != nil {
			t.Fatalf("message %d: %v (numbered 1..N, no text)", i, m)
		}
	}
	var n note.Note
	do(t, "draft", map[string]any{"handle": th.Handle, "destination": "engineering"}, &n)
	if n.Destination != "engineering" || n.Section("environment") == nil {
		t.Fatalf("draft for engineering: %+v", n)
	}
	// The agent empties the blocker: the lint blocks; putting it back clears it.
	blocker := n.Section("blocker").Text
	n.Section("blocker").SetText("")
	var l struct {
		Ready    bool           `json:"ready"`
		Findings []note.Finding `json:"findings"`
	}
	do(t, "lint", map[string]any{"handle": th.Handle, "note": n}, &l)
	if l.Ready || !hasRule(l.Findings, "blocker.missing") {
		t.Fatalf("lint without blocker: %+v", l)
	}
	n.Section("blocker").SetText(blocker)
	do(t, "lint", map[string]any{"handle": th.Handle, "note": n}, &l)
	if hasRule(l.Findings, "blocker.missing") {
		t.Fatalf("lint with blocker still reports it missing: %+v", l)
	}
	for _, f := range []string{"md", "text", "html", "json"} {
		var r struct{ Text string }
		do(t, "render", map[string]any{"note": n, "format": f}, &r)
		if !strings.Contains(r.Text, n.ID) {
			t.Errorf("render %s lacks the note id", f)
		}
	}
}

func TestThreadInlineAndPrompt(t *testing.T) {
	var th struct {
		Thread json.RawMessage `json:"thread"`
	}
	req := payload(t)
	req["include_thread"] = true
	do(t, "parse", req, &th)
	var p struct{ System, User string }
	do(t, "prompt", map[string]any{"thread": th.Thread, "destination": "auto"}, &p)
	if p.System == "" || !strings.Contains(p.User, "502") {
		t.Fatalf("prompt from an inline thread: %+v", p)
	}
}

func TestErrorsCarryCodes(t *testing.T) {
	for _, c := range []struct{ name, in, code string }{
		{"nope", `{}`, errs.Usage},
		{"parse", `[`, errs.Usage},
		{"parse", `{"files":[]}`, errs.Empty},
		{"draft", `{"handle":"hn_000000000000"}`, errs.Empty},
		{"lint", `{"thread":{"messages":[{"text":"hi"}]}}`, errs.Usage},
		{"render", `{"note":{"sections":[{"key":"problem","text":"x"}]},"format":"pdf"}`, errs.Usage},
		{"template", `{"template":"{\"add\":[{\"key\":\"Bad Key\",\"label\":\"x\"}]}"}`, errs.Template},
		{"plan", `{"url":"not a url"}`, errs.Usage},
	} {
		_, err := bridge.Call(c.name, []byte(c.in), nil)
		if errs.CodeOf(err) != c.code {
			t.Errorf("%s %s: %v, want %s", c.name, c.in, err, c.code)
		}
	}
}

func hasRule(fs []note.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// FuzzCall: any request to any call answers JSON or a coded error, never
// a panic.
func FuzzCall(f *testing.F) {
	b, _ := json.Marshal(payload(f))
	f.Add(uint8(0), string(b))
	for _, s := range []string{`{"url":"https://acme.zendesk.com/agent/tickets/1"}`, `{"thread":{"messages":[{"text":"Export 502 (#1)"}]},"note":"### Blocker\nx"}`, `{"note":{"sections":[]},"format":"md"}`, `{"template":"{}"}`} {
		f.Add(uint8(1), s)
	}
	names := bridge.Names()
	f.Fuzz(func(t *testing.T, which uint8, in string) {
		name := names[int(which)%len(names)]
		out, err := bridge.Call(name, []byte(in), nil)
		if err != nil {
			if !strings.HasPrefix(errs.CodeOf(err), "E_") {
				t.Fatalf("%s: uncoded error %v", name, err)
			}
			return
		}
		if !json.Valid(out) {
			t.Fatalf("%s: answer is not JSON: %q", name, out)
		}
	})
}
