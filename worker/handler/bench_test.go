package handler_test

import (
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"handoff/worker/handler"
)

// BenchmarkDraft is one POST /v1/draft of the bundled thread through the
// handler with a canned model answer: the core's own work per draft
// (offline facts, prompt, parse, guard), without network or workerd.
// Besides ns/op it reports each stage's share (Options.Trace) as
// "<stage>-ms/op"; "model-ms/op" is the model client's own encoding and
// decoding, since the canned answer costs no network. The same benchmark
// runs as wasm under node (see README: Measured), V8 as in workerd:
//
//	GOOS=js GOARCH=wasm go test -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run '^$' -bench Draft ./worker/handler
func BenchmarkDraft(b *testing.B) {
	var mu sync.Mutex
	stages := map[string]time.Duration{}
	cfg := config(b, "http://127.0.0.1:9")
	cfg.LLM.Doer = cannedDoer{}
	cfg.RateLimit = -1
	h, err := handler.New(cfg, handler.Options{Trace: func(stage string, d time.Duration) {
		mu.Lock()
		stages[stage] += d
		mu.Unlock()
	}})
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
	b.StopTimer()
	for stage, d := range stages {
		b.ReportMetric(float64(d)/float64(time.Millisecond)/float64(b.N), stage+"-ms/op")
	}
}
