package handler_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"handoff/worker/handler"
)

// BenchmarkDraft is one POST /v1/draft of the bundled thread through the
// handler with a canned model answer: the core's own work per draft
// (offline facts, prompt, parse, guard), without network or workerd.
func BenchmarkDraft(b *testing.B) {
	cfg := config(b, "http://127.0.0.1:9")
	cfg.LLM.Doer = cannedDoer{}
	cfg.RateLimit = -1
	h, err := handler.New(cfg, handler.Options{})
	if err != nil {
		b.Fatal(err)
	}
	body := string(draftBody(b, bundledThread(b), nil))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("POST", "/v1/draft", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+teamToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
}
