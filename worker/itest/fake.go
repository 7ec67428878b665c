// Package itest runs the worker bundle in workerd (wrangler dev on
// loopback) against a fake OpenAI server: the integration test and the
// benchmarks. Both are guarded by environment variables that
// "make test-worker" and "make bench-worker" set, because they need the
// built bundle and worker/node_modules.
package itest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Upstream is a fake OpenAI-compatible server whose behaviour follows the
// requested model, so one worker process can be driven into every case:
//
//	fake-ok    a well-formed note answer
//	fake-500   HTTP 500 every time
//	fake-hang  never answers (until the caller gives up)
type Upstream struct {
	*httptest.Server
	mu   sync.Mutex
	auth []string // Authorization headers received
	last []byte   // the last request body received
}

// LastBody returns the body of the last request received.
func (u *Upstream) LastBody() []byte {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.last
}

// NewUpstream starts the fake on loopback.
func NewUpstream() *Upstream {
	u := &Upstream{}
	u.Server = httptest.NewServer(http.HandlerFunc(u.serve))
	return u
}

// Auth returns the Authorization headers received so far.
func (u *Upstream) Auth() []string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]string(nil), u.auth...)
}

func (u *Upstream) serve(w http.ResponseWriter, r *http.Request) {
	var body struct{ Model string }
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	json.Unmarshal(raw, &body)
	u.mu.Lock()
	u.auth = append(u.auth, r.Header.Get("Authorization"))
	u.last = raw
	u.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch body.Model {
	case "fake-500":
		w.WriteHeader(500)
		io.WriteString(w, `{"error":{"message":"scripted failure","type":"server_error","code":null}}`)
	case "fake-hang":
		<-r.Context().Done()
	default:
		json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion", "created": 1767225600, "model": body.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": ModelAnswer}}},
			"usage": map[string]any{"prompt_tokens": 1200, "completion_tokens": 300, "total_tokens": 1500},
		})
	}
}

// ModelAnswer is a small, well-formed note answer citing message 1.
var ModelAnswer = strings.TrimSpace(`{"destination":"engineering","sections":[
{"key":"problem","items":[{"text":"CSV export of the Shipments by Carrier report fails with 502 Bad Gateway (#1).","cites":[1]}]},
{"key":"blocker","items":[{"text":"Support cannot change the export timeout (#1).","cites":[1]}]},
{"key":"hypothesis","items":[{"text":"We suspect a gateway timeout on long exports because the 502 comes after a long wait (#1); first move: check the export logs.","cites":[1]}]}]}`)
