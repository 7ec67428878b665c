package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"handoff/core/llm"
	"handoff/core/llm/llmtest"
	"handoff/worker/handler"
)

const workerAnswer = `{"destination":"engineering","sections":[
{"key":"problem","items":[{"text":"CSV export of the Shipments by Carrier report fails with 502 Bad Gateway (#1).","cites":[1]}]},
{"key":"blocker","items":[{"text":"Support cannot change the export timeout (#1).","cites":[1]}]},
{"key":"hypothesis","items":[{"text":"We suspect a gateway timeout on long exports because the 502 comes after a long wait (#1); first move: check the export logs.","cites":[1]}]}]}`

// TestDraftViaWorker runs "handoff draft --worker URL" against the
// worker's handler (httptest) over a fake model API: the CLI prints the
// note the worker returns, and a worker refusal is one coded line.
func TestDraftViaWorker(t *testing.T) {
	up := llmtest.New(llmtest.Answer(workerAnswer))
	defer up.Close()
	tokens, _ := handler.ParseTokens("team-token-fake-cli")
	h, err := handler.New(handler.Config{Tokens: tokens, Models: []string{"fake-model"},
		LLM: llm.Config{BaseURL: up.URL + "/v1", APIKey: "sk-fake-cli", MaxRetries: -1, Doer: http.DefaultClient}}, handler.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	t.Setenv("HANDOFF_TOKEN", "team-token-fake-cli")
	out, errOut, code := runCLI("draft", "--worker", srv.URL, "--format", "json", "--destination", "engineering", ticket)
	if code != 0 || !strings.Contains(out, `"engine": "worker"`) && !strings.Contains(out, `"engine":"worker"`) || !strings.Contains(out, "Shipments by Carrier") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	out, _, code = runCLI("draft", "--worker", srv.URL, ticket)
	if code != 0 || !strings.Contains(out, "Shipments by Carrier") {
		t.Errorf("markdown: exit %d: %s", code, out)
	}
	if len(up.Requests()) == 0 || up.Requests()[0].Headers.Get("Authorization") != "Bearer sk-fake-cli" {
		t.Error("the model API did not get the worker's key")
	}

	t.Setenv("HANDOFF_TOKEN", "team-token-wrong")
	_, errOut, code = runCLI("draft", "--worker", srv.URL, ticket)
	if code == 0 || !strings.Contains(errOut, "E_AUTH") {
		t.Errorf("wrong token: exit %d, stderr %q", code, errOut)
	}
}
