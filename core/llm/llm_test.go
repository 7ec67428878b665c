package llm_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"handoff/core/errs"
	"handoff/core/llm"
	"handoff/core/llm/llmtest"
)

const key = "sk-test-not-a-real-key-0000"

func client(t *testing.T, srv *llmtest.Server, mutate func(*llm.Config)) (*llm.Client, *[]time.Duration) {
	t.Helper()
	var waits []time.Duration
	cfg := llm.Config{BaseURL: srv.URL + "/v1", Model: "test-model", APIKey: key, Timeout: 2 * time.Second,
		Sleep: func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }}
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := llm.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, &waits
}

func TestCompleteSendsSchemaAndKey(t *testing.T) {
	srv := llmtest.New(llmtest.Answer(`{"ok":true}`))
	defer srv.Close()
	c, _ := client(t, srv, nil)
	resp, err := c.Complete(context.Background(), llm.Request{System: "sys", User: "user",
		Schema: json.RawMessage(`{"type":"object"}`), SchemaName: "handoff_note"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Content != `{"ok":true}` || resp.Usage.TotalTokens != 1500 || resp.Model != "test-model" {
		t.Errorf("response = %+v", resp)
	}
	req := srv.Requests()[0]
	if req.Path != "/v1/chat/completions" || req.Headers.Get("Authorization") != "Bearer "+key {
		t.Errorf("request path %s, auth %q", req.Path, req.Headers.Get("Authorization"))
	}
	rf, _ := req.Body["response_format"].(map[string]any)
	if rf["type"] != "json_schema" {
		t.Errorf("response_format = %v", req.Body["response_format"])
	}
}

func TestRetriesHonourRetryAfter(t *testing.T) {
	srv := llmtest.New(llmtest.Status(429, "3"), llmtest.Status(503, ""), llmtest.Answer("fine"))
	defer srv.Close()
	c, waits := client(t, srv, nil)
	resp, err := c.Complete(context.Background(), llm.Request{User: "u"})
	if err != nil || resp.Content != "fine" {
		t.Fatalf("got %+v, %v", resp, err)
	}
	if len(*waits) != 2 || (*waits)[0] != 3*time.Second || (*waits)[1] != time.Second {
		t.Errorf("waits = %v, want [3s 1s] (Retry-After, then backoff)", *waits)
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestErrorsAreCodedAndNeverEchoTheKey(t *testing.T) {
	cases := []struct {
		name  string
		reply llmtest.Reply
		code  string
		says  string
	}{
		{"unauthorized", llmtest.Status(401, ""), errs.Auth, "OPENAI_API_KEY"},
		{"not found", llmtest.Status(404, ""), errs.Upstream, "OPENAI_MODEL"},
		{"server error", llmtest.Status(500, ""), errs.Upstream, "after retries"},
		{"rate limited", llmtest.Status(429, "0"), errs.Upstream, "rate limiting"},
		{"context length", llmtest.ContextLength(), errs.TooLarge, "context window"},
		{"empty answer", llmtest.Answer("  "), errs.Model, "empty"},
		{"hang", llmtest.Hang(3 * time.Second), errs.Timeout, "in time"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := llmtest.New(tc.reply)
			defer srv.Close()
			c, _ := client(t, srv, func(c *llm.Config) { c.Timeout = 300 * time.Millisecond })
			_, err := c.Complete(context.Background(), llm.Request{User: "u"})
			if errs.CodeOf(err) != tc.code || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("got %v, want %s mentioning %q", err, tc.code, tc.says)
			}
			if strings.Contains(err.Error(), key) {
				t.Fatal("the error echoes the API key")
			}
		})
	}
}

func TestAzureURLForm(t *testing.T) {
	srv := llmtest.New(llmtest.Answer("ok"))
	defer srv.Close()
	c, _ := client(t, srv, func(c *llm.Config) {
		c.BaseURL, c.APIType, c.APIVersion, c.Model = srv.URL, "azure", "2024-06-01", "handoff-gpt4o"
	})
	if _, err := c.Complete(context.Background(), llm.Request{User: "u"}); err != nil {
		t.Fatal(err)
	}
	req := srv.Requests()[0]
	if req.Path != "/openai/deployments/handoff-gpt4o/chat/completions" || req.Query != "api-version=2024-06-01" {
		t.Errorf("Azure request went to %s?%s", req.Path, req.Query)
	}
	if req.Headers.Get("api-key") != key || req.Headers.Get("Authorization") != "" {
		t.Errorf("Azure auth headers: api-key %q, Authorization %q", req.Headers.Get("api-key"), req.Headers.Get("Authorization"))
	}
}

func TestConfigChecks(t *testing.T) {
	for name, cfg := range map[string]llm.Config{
		"no key":        {},
		"azure w/o ver": {APIKey: "k", APIType: "azure"},
		"unknown type":  {APIKey: "k", APIType: "bedrock"},
	} {
		if _, err := llm.New(cfg); errs.CodeOf(err) != errs.Usage {
			t.Errorf("%s: got %v, want E_USAGE", name, err)
		}
	}
	env := map[string]string{"OPENAI_API_KEY": "k", "OPENAI_MODEL": "m", "OPENAI_TIMEOUT": "5"}
	cfg := llm.ConfigFromEnv(func(k string) string { return env[k] })
	if cfg.APIKey != "k" || cfg.Model != "m" || cfg.Timeout != 5*time.Second {
		t.Errorf("ConfigFromEnv = %+v", cfg)
	}
}
