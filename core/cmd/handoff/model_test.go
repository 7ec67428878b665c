package main

import (
	"encoding/json"
	"strings"
	"testing"

	"handoff/core/llm/llmtest"
)

// TestDraftWithOpenAICompatibleServer is issue 4's "done when": the CLI
// drafts through any OpenAI-compatible server named by OPENAI_BASE_URL.
func TestDraftWithOpenAICompatibleServer(t *testing.T) {
	answer := `{"destination":"engineering","ready":true,"sections":[
	 {"key":"problem","items":[{"text":"CSV export of reports over roughly 10,000 rows fails with 502 Bad Gateway since Feb 26 (#1).","cites":[1]}]},
	 {"key":"tried","items":[{"text":"Cleared cache and cookies, re-logged in (#2) → same 502 (#3)","cites":[2,3]}]},
	 {"key":"blocker","items":[{"text":"The load balancer cuts synchronous exports at 60 s; support cannot change it (#7, #10).","cites":[7,10]}]},
	 {"key":"hypothesis","items":[{"text":"We suspect the gateway timeout because the 502 comes at 60 s (#10); ruled out cache (#3); first move: check the export path's timeout (#10).","cites":[10,3]}]}]}`
	srv := llmtest.New(llmtest.Answer(answer))
	defer srv.Close()
	t.Setenv("OPENAI_BASE_URL", srv.URL+"/v1")
	t.Setenv("OPENAI_API_KEY", "x")
	t.Setenv("OPENAI_MODEL", "local-test-model")
	out, errOut, code := runCLI("draft", "--model", "openai", "--format", "json", "--language", "en", ticket)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var n struct {
		Meta struct {
			Engine, Model string
			Usage         *struct {
				TotalTokens int `json:"total_tokens"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &n); err != nil {
		t.Fatal(err)
	}
	if n.Meta.Engine != "openai" || n.Meta.Model != "local-test-model" || n.Meta.Usage == nil || n.Meta.Usage.TotalTokens == 0 {
		t.Errorf("meta = %+v", n.Meta)
	}
	if !strings.Contains(out, "load balancer cuts synchronous exports") {
		t.Error("the model's note is not in the output")
	}
	if got := srv.Requests()[0].Headers.Get("Authorization"); got != "Bearer x" {
		t.Errorf("Authorization = %q", got)
	}
}
