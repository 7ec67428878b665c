package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"handoff/core/draft"
	"handoff/core/thread"
)

// TestEvalViaWorker drafts the sample batch through a loopback worker that
// answers with the offline draft: the report names the worker engine and
// scores the same as offline; a failing worker fails every case with its
// code while the report is still printed.
func TestEvalViaWorker(t *testing.T) {
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Thread *thread.Thread `json:"thread"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || r.Header.Get("Authorization") != "Bearer t0k" {
			http.Error(w, `{"error":{"code":"E_AUTH","message":"bad request"}}`, http.StatusUnauthorized)
			return
		}
		n, err := draft.Offline(req.Thread, draft.Options{})
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		json.NewEncoder(w).Encode(n)
	}))
	defer ok.Close()
	t.Setenv("HANDOFF_TOKEN", "t0k")
	viaWorker, errOut, code := runCLI("eval", "--format", "json", "--worker", ok.URL, sampleBatch)
	if code != 0 {
		t.Fatalf("eval --worker: exit %d: %s", code, errOut)
	}
	offline, _, _ := runCLI("eval", "--format", "json", sampleBatch)
	if !strings.Contains(viaWorker, `"engine": "worker"`) ||
		strings.Replace(viaWorker, `"engine": "worker"`, `"engine": "offline"`, 1) != offline {
		t.Error("the worker's report differs from the offline one beyond its engine")
	}

	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"error":{"code":"E_UPSTREAM","message":"model unavailable"}}`))
	}))
	defer down.Close()
	out, errOut, code := runCLI("eval", "--worker", down.URL, sampleBatch)
	if code != 2 || !strings.Contains(errOut, "E_UPSTREAM") || !strings.Contains(out, "0 evaluated, 6 with errors") {
		t.Errorf("failing worker: exit %d, stderr %q\n%s", code, errOut, out)
	}
}
