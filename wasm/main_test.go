//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall/js"
	"testing"
)

// call invokes api[name](req) and waits for its Promise to resolve.
func call(t *testing.T, api js.Value, name string, req any) map[string]any {
	t.Helper()
	b, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	v, err := await(api.Call(name, string(b)))
	if err != nil {
		t.Fatalf("%s rejected: %v", name, err)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(v.String()), &out); err != nil {
		t.Fatalf("%s: answer is not JSON: %v", name, err)
	}
	return out
}

// rejection returns the Error a call rejects with.
func rejection(api js.Value, name string, args ...any) js.Value {
	ch := make(chan js.Value, 1)
	ok := js.FuncOf(func(js.Value, []js.Value) any { ch <- js.Null(); return nil })
	fail := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- a[0]; return nil })
	defer ok.Release()
	defer fail.Release()
	api.Call(name, args...).Call("then", ok, fail)
	return <-ch
}

func bundled(t *testing.T) []map[string]string {
	dir := filepath.Join("..", "testdata", "tickets", "zendesk-export-502")
	var files []map[string]string
	for _, n := range []string{"ticket.json", "comments.json", "comments-2.json", "audits.json"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, map[string]string{"name": n, "text": string(b)})
	}
	return files
}

func TestBridgeUnderNode(t *testing.T) {
	api, release := register(func() {})
	defer release()

	plan := call(t, api, "plan", map[string]any{"url": "https://acme.zendesk.com/agent/tickets/123"})
	if plan["source"] != "zendesk" || plan["kind"] != "api" {
		t.Fatalf("plan = %v", plan)
	}
	th := call(t, api, "parse", map[string]any{"url": "https://acme-analytics.zendesk.com/agent/tickets/48213", "files": bundled(t)})
	if th == nil || th["source"] != "zendesk" || len(th["messages"].([]any)) != 14 {
		t.Fatalf("parse = %v", th)
	}
	handle := th["handle"].(string)
	n := call(t, api, "draft", map[string]any{"handle": handle})
	if n == nil || len(n["sections"].([]any)) < 6 {
		t.Fatalf("draft = %v", n)
	}
	md := call(t, api, "render", map[string]any{"note": n, "format": "md"})
	if !strings.Contains(md["text"].(string), "Handoff note "+n["id"].(string)) {
		t.Fatalf("render lacks the marker: %v", md)
	}
	lint := call(t, api, "lint", map[string]any{"handle": handle, "note": "### Problem\nCSV export fails with HTTP 503 (#1).\n"})
	if lint == nil || lint["ready"] != false || len(lint["findings"].([]any)) == 0 {
		t.Fatalf("lint of a note without blocker and with an ungrounded 503 = %v", lint)
	}

	// finish with a bad answer asks the JS repair function once.
	asked := 0
	repair := js.FuncOf(func(_ js.Value, a []js.Value) any {
		asked++
		if !strings.Contains(a[0].String(), `"system"`) {
			t.Errorf("repair got %q", a[0].String())
		}
		return promise.Call("resolve", "still not json")
	})
	defer repair.Release()
	e := rejection(api, "finish", `{"handle":"`+handle+`","answer":"not json"}`, repair)
	if asked != 1 || e.IsNull() || e.Get("code").String() != "E_MODEL" {
		t.Fatalf("finish: repair asked %d times, rejection %v", asked, e)
	}
}

func TestBadInputRejectsWithCode(t *testing.T) {
	api, release := register(func() {})
	defer release()
	for _, c := range []struct {
		name string
		args []any
		code string
	}{
		{"parse", []any{"{"}, "E_USAGE"},
		{"parse", []any{`{"files":[{"name":"comments.json","text":"{\"comments\":[]}"}]}`}, ""},
		{"draft", []any{`{"handle":"hn_gone"}`}, "E_EMPTY"},
		{"plan", []any{`{"url":"https://example.org/nothing"}`}, "E_UNSUPPORTED"},
		{"template", []any{`{"template":{"order":["nope"]}}`}, "E_TEMPLATE"},
		{"render", []any{42}, "E_USAGE"},
	} {
		e := rejection(api, c.name, c.args...)
		if e.IsNull() || e.Get("code").Type() != js.TypeString || !strings.HasPrefix(e.Get("code").String(), "E_") {
			t.Errorf("%s%v: want a rejection with a code, got %v", c.name, c.args, e)
			continue
		}
		if c.code != "" && e.Get("code").String() != c.code {
			t.Errorf("%s%v: code %s, want %s", c.name, c.args, e.Get("code"), c.code)
		}
		if !e.InstanceOf(jsError) {
			t.Errorf("%s: rejection is not an Error", c.name)
		}
	}
}
