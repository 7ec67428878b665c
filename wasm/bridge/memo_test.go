package bridge_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"handoff/core/note"
	"handoff/wasm/bridge"
)

// A re-draft of the same ticket answers from the kept thread; other
// options draft anew, and a thread dropped from the store is read again.
func TestRepeatedRequests(t *testing.T) {
	call := func(name string, req any) string {
		t.Helper()
		b, _ := json.Marshal(req)
		out, err := bridge.Call(name, b, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return string(out)
	}
	p := payload(t)
	first, again := call("parse", p), call("parse", p)
	if first != again {
		t.Fatalf("the same payload parsed twice answered differently:\n%s\n%s", first, again)
	}
	var th struct {
		Handle string `json:"handle"`
	}
	json.Unmarshal([]byte(first), &th)
	auto := call("draft", map[string]any{"handle": th.Handle})
	if call("draft", map[string]any{"handle": th.Handle}) != auto {
		t.Fatal("the same draft request answered differently")
	}
	var n note.Note
	finance := call("draft", map[string]any{"handle": th.Handle, "destination": "finance"})
	json.Unmarshal([]byte(finance), &n)
	if n.Destination != "finance" || n.Section("amounts") == nil {
		t.Fatalf("another destination answered the kept note: %+v", n)
	}
	// It reuses the thread's facts and index: the note is the one a thread
	// read afresh gives.
	var full struct {
		Thread json.RawMessage `json:"thread"`
	}
	json.Unmarshal([]byte(call("parse", map[string]any{"url": p["url"], "files": p["files"], "include_thread": true})), &full)
	if fresh := call("draft", map[string]any{"thread": full.Thread, "destination": "finance"}); fresh != finance {
		t.Fatalf("the finance note from the kept facts differs from a fresh one:\n%s\n%s", finance, fresh)
	}
	for i := range 9 { // more threads than the store keeps: the first is dropped
		call("parse", map[string]any{"source": "thread", "files": []map[string]string{{"name": "t.json", "text": fmt.Sprintf(
			`{"source":"zendesk","ticket":{"id":"%d"},"messages":[{"author":{"name":"A","role":"customer"},"visibility":"public","text":"Export fails with 502 (%d)."}]}`, i, i)}}})
	}
	if _, err := bridge.Call("draft", []byte(fmt.Sprintf(`{"handle":%q}`, th.Handle)), nil); err == nil {
		t.Fatal("a dropped thread still answered")
	}
	if call("parse", p) != first {
		t.Fatal("the payload read again after its thread was dropped answered differently")
	}
	if call("draft", map[string]any{"handle": th.Handle}) != auto {
		t.Fatal("the note drafted from the thread read again differs")
	}
}
