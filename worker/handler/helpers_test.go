package handler_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"handoff/core/llm"
	"handoff/core/thread"
	"handoff/worker/handler"
)

// Obviously fake credentials.
const (
	fakeKey   = "sk-fake-upstream-key-0000"
	teamToken = "team-token-fake-1"
	adminTok  = "admin-token-fake-1"
	extension = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
)

// bundledThread is the repository's bundled Zendesk ticket as normalized
// thread JSON (made with "handoff thread testdata/tickets/zendesk-export-502").
func bundledThread(t testing.TB) *thread.Thread {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "thread.json"))
	if err != nil {
		t.Fatal(err)
	}
	var th thread.Thread
	if err := json.Unmarshal(b, &th); err != nil {
		t.Fatal(err)
	}
	return &th
}

// modelAnswer is a small, well-formed note answer citing message 1.
const modelAnswer = `{"destination":"engineering","sections":[
{"key":"problem","items":[{"text":"CSV export of the Shipments by Carrier report fails with 502 Bad Gateway (#1).","cites":[1]}]},
{"key":"blocker","items":[{"text":"Support cannot change the export timeout (#1).","cites":[1]}]},
{"key":"hypothesis","items":[{"text":"We suspect a gateway timeout on long exports because the 502 comes after a long wait (#1); first move: check the export logs.","cites":[1]}]}]}`

// config is a worker configuration against an upstream at baseURL.
func config(t testing.TB, baseURL string) handler.Config {
	t.Helper()
	tokens, err := handler.ParseTokens(teamToken)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := handler.ParseToken(adminTok)
	if err != nil {
		t.Fatal(err)
	}
	return handler.Config{
		Tokens:         tokens,
		AdminToken:     admin,
		AllowedOrigins: []string{extension},
		Models:         []string{"fake-model", "fake-model-large"},
		LLM: llm.Config{BaseURL: baseURL + "/v1", APIKey: fakeKey, MaxRetries: -1,
			Doer: http.DefaultClient},
	}
}

// newServer starts the handler over httptest.
func newServer(t testing.TB, cfg handler.Config, o handler.Options) (*httptest.Server, *logs) {
	t.Helper()
	l := &logs{}
	if o.Log == nil {
		o.Log = l.add
	}
	h, err := handler.New(cfg, o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, l
}

type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, s)
}

func (l *logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// call sends one request and returns status, headers and body.
func call(t testing.TB, method, url, token, origin string, body []byte) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func draftBody(t testing.TB, th *thread.Thread, extra map[string]any) []byte {
	t.Helper()
	m := map[string]any{"thread": th}
	for k, v := range extra {
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// errorCode reads {"error":{"code"}}.
func errorCode(t testing.TB, body string) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("not an error body: %s", body)
	}
	return e.Error.Code
}
