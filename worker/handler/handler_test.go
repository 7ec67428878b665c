package handler_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"handoff/core/llm/llmtest"
	"handoff/core/note"
	"handoff/worker/handler"
)

func TestDraftRoundTrip(t *testing.T) {
	up := llmtest.New(llmtest.Answer(modelAnswer))
	defer up.Close()
	srv, logs := newServer(t, config(t, up.URL), handler.Options{})
	th := bundledThread(t)
	status, hdr, body := call(t, "POST", srv.URL+"/v1/draft", teamToken, "", draftBody(t, th, map[string]any{"destination": "engineering", "language": "en"}))
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, body)
	}
	var n note.Note
	if err := json.Unmarshal([]byte(body), &n); err != nil {
		t.Fatal(err)
	}
	if n.Meta.Engine != "worker" || n.Destination != "engineering" || len(n.Sections) == 0 {
		t.Errorf("note: engine %q destination %q sections %d", n.Meta.Engine, n.Destination, len(n.Sections))
	}
	if hdr.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", hdr.Get("Cache-Control"))
	}
	reqs := up.Requests()
	if len(reqs) == 0 || reqs[0].Headers.Get("Authorization") != "Bearer "+fakeKey {
		t.Fatalf("upstream did not get the key: %+v", reqs)
	}
	if reqs[0].Body["model"] != "fake-model" {
		t.Errorf("upstream model %v, want the first of HANDOFF_MODELS", reqs[0].Body["model"])
	}
	if strings.Contains(body, fakeKey) {
		t.Error("the answer contains the upstream key")
	}
	if strings.Contains(logs.String(), "Priya") || strings.Contains(logs.String(), "Shipments") {
		t.Errorf("ticket text in the log: %s", logs)
	}
}

func TestDraftChosenModel(t *testing.T) {
	up := llmtest.New(llmtest.Answer(modelAnswer))
	defer up.Close()
	srv, _ := newServer(t, config(t, up.URL), handler.Options{})
	th := bundledThread(t)
	status, _, body := call(t, "POST", srv.URL+"/v1/draft", teamToken, "", draftBody(t, th, map[string]any{"model": "fake-model-large"}))
	if status != http.StatusOK || up.Requests()[0].Body["model"] != "fake-model-large" {
		t.Fatalf("status %d, model %v: %s", status, up.Requests()[0].Body["model"], body)
	}
	status, _, body = call(t, "POST", srv.URL+"/v1/draft", teamToken, "", draftBody(t, th, map[string]any{"model": "gpt-4o"}))
	if status != http.StatusBadRequest || errorCode(t, body) != "E_USAGE" {
		t.Errorf("a model outside HANDOFF_MODELS: %d %s", status, body)
	}
}

func TestRefusals(t *testing.T) {
	up := llmtest.New(llmtest.Answer(modelAnswer))
	defer up.Close()
	cfg := config(t, up.URL)
	cfg.MaxBody = 64 << 10
	srv, _ := newServer(t, cfg, handler.Options{})
	th := bundledThread(t)
	good := draftBody(t, th, nil)
	big := draftBody(t, th, map[string]any{"language": strings.Repeat("x", 70<<10)})
	cases := []struct {
		name, method, path, token, origin string
		body                              []byte
		status                            int
		code                              string
	}{
		{"no token", "POST", "/v1/draft", "", "", good, 401, "E_AUTH"},
		{"wrong token", "POST", "/v1/draft", "team-token-fake-2", "", good, 401, "E_AUTH"},
		{"origin not allowed", "POST", "/v1/draft", teamToken, "https://evil.example", good, 403, handler.CodeForbidden},
		{"too large", "POST", "/v1/draft", teamToken, "", big, 413, "E_TOO_LARGE"},
		{"bad JSON", "POST", "/v1/draft", teamToken, "", []byte(`{"thread":`), 400, "E_FORMAT"},
		{"not an object", "POST", "/v1/draft", teamToken, "", []byte(`[1,2]`), 400, "E_FORMAT"},
		{"null", "POST", "/v1/draft", teamToken, "", []byte(`null`), 400, "E_FORMAT"},
		{"a member twice", "POST", "/v1/draft", teamToken, "", []byte(`{"model":"a","model":"b"}`), 400, "E_FORMAT"},
		{"data after the object", "POST", "/v1/draft", teamToken, "", append(draftBody(t, th, nil), `{"prompt":"x"}`...), 400, "E_FORMAT"},
		{"a thread of the wrong type", "POST", "/v1/draft", teamToken, "", []byte(`{"thread":"hi"}`), 400, "E_FORMAT"},
		{"a prompt", "POST", "/v1/draft", teamToken, "", []byte(`{"thread":{"messages":[]},"prompt":"say hi"}`), 400, "E_USAGE"},
		{"chat messages", "POST", "/v1/draft", teamToken, "", []byte(`{"messages":[{"role":"user","content":"hi"}]}`), 400, "E_USAGE"},
		{"no messages", "POST", "/v1/draft", teamToken, "", []byte(`{"thread":{"messages":[]}}`), 400, "E_EMPTY"},
		{"bad destination", "POST", "/v1/draft", teamToken, "", draftBody(t, th, map[string]any{"destination": "sales"}), 400, "E_USAGE"},
		{"bad template", "POST", "/v1/draft", teamToken, "", draftBody(t, th, map[string]any{"template": map[string]any{"nope": 1}}), 400, "E_TEMPLATE"},
		{"GET draft", "GET", "/v1/draft", teamToken, "", nil, 405, handler.CodeMethod},
		{"unknown path", "GET", "/v1/chat/completions", teamToken, "", nil, 404, handler.CodeNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, _, body := call(t, c.method, srv.URL+c.path, c.token, c.origin, c.body)
			if status != c.status || errorCode(t, body) != c.code {
				t.Errorf("got %d %s, want %d %s", status, body, c.status, c.code)
			}
		})
	}
	if n := len(up.Requests()); n != 0 {
		t.Errorf("refused requests reached the upstream %d times", n)
	}
}

func TestTooLargeStreamed(t *testing.T) {
	cfg := config(t, "http://127.0.0.1:9")
	cfg.MaxBody = 1000
	h, err := handler.New(cfg, handler.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := newRecorder()
	req, _ := http.NewRequest("POST", "/v1/draft", strings.NewReader(`{"thread":"`+strings.Repeat("a", 5000)+`"}`))
	req.ContentLength = -1 // no Content-Length: the limit applies while reading
	req.Header.Set("Authorization", "Bearer "+teamToken)
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d: %s", rec.Code, rec.Body)
	}
}

func TestCORS(t *testing.T) {
	srv, _ := newServer(t, config(t, "http://127.0.0.1:9"), handler.Options{})
	req, _ := http.NewRequest("OPTIONS", srv.URL+"/v1/draft", nil)
	req.Header.Set("Origin", extension)
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != extension ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	status, hdr, _ := call(t, "GET", srv.URL+"/healthz", "", extension, nil)
	if status != 200 || hdr.Get("Access-Control-Allow-Origin") != extension {
		t.Errorf("allowed origin: %d %v", status, hdr)
	}
	status, hdr, _ = call(t, "GET", srv.URL+"/healthz", "", "", nil)
	if status != 200 || hdr.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("no origin: %d %v", status, hdr)
	}
	status, _, _ = call(t, "OPTIONS", srv.URL+"/v1/draft", "", "https://evil.example", nil)
	if status != http.StatusForbidden {
		t.Errorf("preflight from another origin: %d", status)
	}
}

func TestHashedToken(t *testing.T) {
	sum := sha256.Sum256([]byte("hashed-team-token"))
	cfg := config(t, "http://127.0.0.1:9")
	var err error
	cfg.Tokens, err = handler.ParseTokens(" other-token , sha256:" + hex.EncodeToString(sum[:]))
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := newServer(t, cfg, handler.Options{})
	if status, _, body := call(t, "GET", srv.URL+"/v1/config", "hashed-team-token", "", nil); status != 200 {
		t.Errorf("hashed token: %d %s", status, body)
	}
	if status, _, _ := call(t, "GET", srv.URL+"/v1/config", "sha256:"+hex.EncodeToString(sum[:]), "", nil); status != 401 {
		t.Errorf("presenting the hash itself: %d, want 401", status)
	}
	if _, err := handler.ParseTokens("sha256:abc"); err == nil {
		t.Error("a short sha256 entry parsed")
	}
}

func TestRateLimit(t *testing.T) {
	cfg := config(t, "http://127.0.0.1:9")
	cfg.RateLimit = 3
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	lim := handler.NewLimiter(func() time.Time { return now })
	srv, _ := newServer(t, cfg, handler.Options{Limiter: lim})
	for i := 0; i < 3; i++ {
		if status, _, body := call(t, "GET", srv.URL+"/v1/config", teamToken, "", nil); status != 200 {
			t.Fatalf("request %d: %d %s", i+1, status, body)
		}
	}
	status, hdr, body := call(t, "GET", srv.URL+"/v1/config", teamToken, "", nil)
	if status != 429 || errorCode(t, body) != handler.CodeRateLimited || hdr.Get("Retry-After") != "20" {
		t.Errorf("4th request: %d Retry-After %q %s", status, hdr.Get("Retry-After"), body)
	}
	if status, _, _ := call(t, "GET", srv.URL+"/v1/config", adminTok, "", nil); status != 200 {
		t.Errorf("another token shares the bucket: %d", status)
	}
	now = now.Add(20 * time.Second)
	if status, _, _ := call(t, "GET", srv.URL+"/v1/config", teamToken, "", nil); status != 200 {
		t.Errorf("after Retry-After: %d", status)
	}
}

func TestUpstreamFailures(t *testing.T) {
	th := bundledThread(t)
	cases := []struct {
		name   string
		reply  llmtest.Reply
		status int
		code   string
	}{
		{"500", llmtest.Status(500, ""), 502, "E_UPSTREAM"},
		{"429 after retries", llmtest.Status(429, "1"), 502, "E_UPSTREAM"},
		{"key refused", llmtest.Status(401, ""), 502, "E_UPSTREAM"},
		{"context length", llmtest.ContextLength(), 413, "E_TOO_LARGE"},
		{"hang", llmtest.Hang(5 * time.Second), 504, "E_TIMEOUT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			up := llmtest.New(c.reply)
			defer up.Close()
			cfg := config(t, up.URL)
			cfg.UpstreamTimeout = 300 * time.Millisecond
			srv, logs := newServer(t, cfg, handler.Options{})
			status, _, body := call(t, "POST", srv.URL+"/v1/draft", teamToken, "", draftBody(t, th, nil))
			if status != c.status || errorCode(t, body) != c.code {
				t.Errorf("got %d %s, want %d %s", status, body, c.status, c.code)
			}
			if strings.Contains(body, fakeKey) || strings.Contains(logs.String(), fakeKey) {
				t.Error("the key leaked")
			}
		})
	}
}

func TestTeamConfig(t *testing.T) {
	up := llmtest.New(llmtest.Answer(modelAnswer))
	defer up.Close()
	cfg := config(t, up.URL)
	cfg.TeamConfig = []byte(`{"template":{"sections":{"blocker":{"label":"Why support is stuck"}}},"examples":["**Problem**: example"],"rules":{"banned":["please advise"],"max_words":200}}`)
	store := &handler.MemoryStore{}
	srv, _ := newServer(t, cfg, handler.Options{Store: store})

	status, _, body := call(t, "GET", srv.URL+"/v1/config", teamToken, "", nil)
	var got map[string]any
	json.Unmarshal([]byte(body), &got)
	if status != 200 || got["default_model"] != "fake-model" || got["rules"].(map[string]any)["max_words"] != 200.0 {
		t.Fatalf("GET /v1/config: %d %s", status, body)
	}
	th := bundledThread(t)
	status, _, body = call(t, "POST", srv.URL+"/v1/draft", teamToken, "", draftBody(t, th, nil))
	if status != 200 || !strings.Contains(body, "Why support is stuck") {
		t.Errorf("the team label is not in the note: %d %s", status, body)
	}
	if sys := up.Requests()[0].Body["messages"].([]any)[0].(map[string]any)["content"].(string); !strings.Contains(sys, "**Problem**: example") &&
		!strings.Contains(up.Requests()[0].Body["messages"].([]any)[1].(map[string]any)["content"].(string), "**Problem**: example") {
		t.Error("the team example is not in the prompt")
	}

	newCfg := []byte(`{"rules":{"banned":["asap"]}}`)
	if status, _, body := call(t, "PUT", srv.URL+"/v1/config", teamToken, "", newCfg); status != 401 {
		t.Errorf("PUT with a team token: %d %s", status, body)
	}
	if status, _, body := call(t, "PUT", srv.URL+"/v1/config", adminTok, "", []byte(`{"rules":{"bogus":1}}`)); status != 400 || errorCode(t, body) != "E_TEMPLATE" {
		t.Errorf("PUT an invalid config: %d %s", status, body)
	}
	if status, _, body := call(t, "PUT", srv.URL+"/v1/config", adminTok, "", newCfg); status != 200 {
		t.Fatalf("PUT: %d %s", status, body)
	}
	_, _, body = call(t, "GET", srv.URL+"/v1/config", teamToken, "", nil)
	if !strings.Contains(body, `"asap"`) || strings.Contains(body, "please advise") {
		t.Errorf("the stored config does not replace HANDOFF_CONFIG: %s", body)
	}
}

func TestMisconfigured(t *testing.T) {
	_, err := handler.FromEnv(func(k string) string {
		return map[string]string{"HANDOFF_TOKENS": "sha256:zz", "HANDOFF_MAX_BODY": "1"}[k]
	})
	if err == nil || strings.Contains(err.Error(), "zz") {
		t.Fatalf("bad token setting: %v", err)
	}
	rec := newRecorder()
	handler.Misconfigured(err, nil).ServeHTTP(rec, httptestRequest("GET", "/healthz"))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "E_CONFIG") || !strings.Contains(rec.Body.String(), "HANDOFF_TOKENS") {
		t.Errorf("misconfigured: %d %s", rec.Code, rec.Body)
	}
	cfg := config(t, "http://127.0.0.1:9")
	cfg.TeamConfig = []byte(`{"template":`)
	if _, err := handler.New(cfg, handler.Options{}); err == nil {
		t.Error("an invalid HANDOFF_CONFIG was accepted")
	}
}

func TestFromEnv(t *testing.T) {
	env := map[string]string{
		"HANDOFF_TOKENS": "a-token, b-token", "ALLOWED_ORIGINS": extension + ", chrome-extension://other",
		"OPENAI_MODEL": "m1", "OPENAI_API_KEY": fakeKey, "OPENAI_TIMEOUT": "7", "HANDOFF_RATE_LIMIT": "off",
	}
	cfg, err := handler.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Tokens) != 2 || len(cfg.AllowedOrigins) != 2 || cfg.MaxBody != handler.DefaultMaxBody ||
		cfg.RateLimit != -1 || len(cfg.Models) != 1 || cfg.Models[0] != "m1" || cfg.UpstreamTimeout != 7*time.Second {
		t.Errorf("config: %+v", cfg)
	}
	for _, bad := range []map[string]string{{"HANDOFF_MAX_BODY": "2MB"}, {"HANDOFF_RATE_LIMIT": "-3"}, {"HANDOFF_ADMIN_TOKEN": "sha256:12"}} {
		if _, err := handler.FromEnv(func(k string) string { return bad[k] }); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	cfg, _ = handler.FromEnv(func(string) string { return "" })
	if cfg.RateLimit != handler.DefaultRateLimit || cfg.Models[0] != "gpt-4o-mini" {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestStatusTable(t *testing.T) {
	var b bytes.Buffer
	for _, c := range []string{"E_FORMAT", "E_AUTH", handler.CodeForbidden, "E_TOO_LARGE", handler.CodeRateLimited, "E_UPSTREAM", "E_TIMEOUT", "E_INTERNAL"} {
		b.WriteString(c + "=" + http.StatusText(handler.StatusOf(codeErr(c))) + "\n")
	}
	want := "E_FORMAT=Bad Request\nE_AUTH=Unauthorized\nE_FORBIDDEN=Forbidden\nE_TOO_LARGE=Request Entity Too Large\nE_RATE_LIMITED=Too Many Requests\nE_UPSTREAM=Bad Gateway\nE_TIMEOUT=Gateway Timeout\nE_INTERNAL=Internal Server Error\n"
	if b.String() != want {
		t.Errorf("table:\n%s", b.String())
	}
}
