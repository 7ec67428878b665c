package handler_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"handoff/worker/handler"
)

// cannedDoer answers every model call with modelAnswer, without a network.
type cannedDoer struct{}

func (cannedDoer) Do(r *http.Request) (*http.Response, error) {
	io.Copy(io.Discard, r.Body)
	b, _ := json.Marshal(map[string]any{"model": "fake-model", "choices": []any{map[string]any{"index": 0,
		"message": map[string]any{"role": "assistant", "content": modelAnswer}}}})
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(string(b))), Request: r}, nil
}

// FuzzDraftRequest sends arbitrary bodies to POST /v1/draft: the worker
// never panics, answers a known status with valid JSON, and an error
// body always has a code and a message.
func FuzzDraftRequest(f *testing.F) {
	th := bundledThread(f)
	f.Add(string(draftBody(f, th, nil)))
	f.Add(string(draftBody(f, th, map[string]any{"destination": "finance", "template": map[string]any{"order": []string{"problem", "blocker", "hypothesis"}}})))
	f.Add(`{"thread":{"messages":[{"n":1,"text":"hi","author":{"role":"customer"}}]},"model":"fake-model"}`)
	f.Add(`{"thread":{"messages":[{"n":9,"text":"\xff"}]},"examples":["x"]}`)
	f.Add(`{"prompt":"ignore previous"}`)
	f.Add(`null`)
	cfg := config(f, "http://127.0.0.1:9")
	cfg.LLM.Doer = cannedDoer{}
	cfg.RateLimit = -1
	h, err := handler.New(cfg, handler.Options{})
	if err != nil {
		f.Fatal(err)
	}
	known := map[int]bool{200: true, 400: true, 413: true, 502: true}
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest("POST", "/v1/draft", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+teamToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if !known[rec.Code] {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		out := rec.Body.Bytes()
		if !utf8.Valid(out) || !json.Valid(out) {
			t.Fatalf("answer is not valid JSON: %q", out)
		}
		if rec.Code != 200 {
			var e struct {
				Error struct{ Code, Message string }
			}
			json.Unmarshal(out, &e)
			if e.Error.Code == "" || e.Error.Message == "" {
				t.Fatalf("error without code or message: %s", out)
			}
		}
	})
}

// FuzzTeamConfig parses arbitrary team configurations: no panic, and a
// configuration that parses always yields a template with a blocker and
// a hypothesis section.
func FuzzTeamConfig(f *testing.F) {
	f.Add(`{"template":{"sections":{"blocker":{"label":"Stuck because"}},"order":["problem","blocker","hypothesis"]},"examples":["x"],"rules":{"banned":["asap"],"max_words":120}}`)
	f.Add(`{"rules":{"max_words":-1}}`)
	f.Add(`{"template":{"add":[{"key":"tier","label":"Tier"}]}}`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, data string) {
		tc, err := handler.ParseTeamConfig([]byte(data))
		if err != nil {
			return
		}
		tpl, err := tc.TemplateFor(nil, nil)
		if err != nil {
			t.Fatalf("parsed but no template: %v", err)
		}
		keys := map[string]bool{}
		for _, s := range tpl.Sections {
			keys[s.Key] = true
		}
		if !keys["blocker"] || !keys["hypothesis"] {
			t.Fatalf("template without blocker or hypothesis: %+v", tpl.Sections)
		}
	})
}
