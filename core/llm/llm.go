// Package llm talks to OpenAI-compatible chat completion APIs (OpenAI,
// Azure OpenAI, Cloudflare Workers AI's compatible endpoint, local
// servers). It is the only package that imports go-openai.
//
//	c, err := llm.New(llm.Config{BaseURL: "http://127.0.0.1:8080/v1", Model: "gpt-4o-mini", APIKey: "x"})
//	resp, err := c.Complete(ctx, llm.Request{System: sys, User: user, Schema: schema, SchemaName: "handoff_note"})
//	// resp.Content is the model's text; resp.Usage its token counts
//
// Failures come back as coded errors: E_AUTH (401/403), E_UPSTREAM (404,
// 5xx after retries, rate limited after retries), E_TIMEOUT, E_TOO_LARGE
// (context length exceeded), E_MODEL (an empty answer). 429 and 5xx are
// retried with backoff, honouring Retry-After.
//
// The HTTP client is given explicitly (Config.Doer) so the same code runs
// natively and inside a Cloudflare Worker, where net/http's transport does
// not work; go-openai's DefaultConfig is never used, which also keeps
// crypto/tls out of the worker bundle.
package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"handoff/core/errs"
	"handoff/core/note"
)

// Doer sends one HTTP request. *http.Client satisfies it natively; the
// worker passes one over the Workers fetch API.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

// Config says which API to call and how.
type Config struct {
	BaseURL    string        // e.g. https://api.openai.com/v1; Azure: https://NAME.openai.azure.com
	Model      string        // model name; on Azure the deployment name
	APIKey     string        // sent as a Bearer token, or as api-key on Azure
	APIType    string        // "openai" (default) or "azure"
	APIVersion string        // required for Azure, e.g. 2024-06-01
	Timeout    time.Duration // whole call including retries; default 60 s
	MaxRetries int           // retries on 429 and 5xx; default 2; -1 for none
	Doer       Doer          // default: a native net/http client (not available in js/wasm)
	// Sleep waits between retries; tests replace it. Default honours ctx.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Default settings.
const (
	DefaultBaseURL = "https://api.openai.com/v1"
	DefaultModel   = "gpt-4o-mini"
	DefaultTimeout = 60 * time.Second
)

// Request is one chat completion with a structured answer.
type Request struct {
	System     string
	User       string
	Schema     json.RawMessage // JSON schema of the answer; nil for free text
	SchemaName string
	MaxTokens  int
}

// Response is the model's answer.
type Response struct {
	Content string
	Model   string
	Usage   note.Usage
}

// Client is a configured API client. It is safe for concurrent use.
type Client struct {
	cfg Config
	api *openai.Client
}

// New checks cfg and returns a client. A missing key, model or base URL,
// or Azure without an API version, fails with E_USAGE.
func New(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = 2
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Doer == nil {
		cfg.Doer = nativeDoer()
		if cfg.Doer == nil {
			return nil, errs.New(errs.Usage, "", "no HTTP client for the model API on this platform")
		}
	}
	if strings.TrimSpace(cfg.APIKey) == "" {
		return nil, errs.New(errs.Usage, "", "no API key: set OPENAI_API_KEY")
	}
	oc := openai.ClientConfig{
		BaseURL:            strings.TrimRight(cfg.BaseURL, "/"),
		APIType:            openai.APITypeOpenAI,
		AssistantVersion:   "v2",
		EmptyMessagesLimit: 300,
		HTTPClient:         &retryDoer{next: authDoer{next: cfg.Doer, key: cfg.APIKey, azure: false}, max: cfg.MaxRetries, sleep: cfg.Sleep},
	}
	switch strings.ToLower(cfg.APIType) {
	case "", "openai", "open_ai":
	case "azure":
		if cfg.APIVersion == "" {
			return nil, errs.New(errs.Usage, "", "Azure OpenAI needs OPENAI_API_VERSION")
		}
		oc.APIType = openai.APITypeAzure
		oc.APIVersion = cfg.APIVersion
		oc.AzureModelMapperFunc = func(model string) string { return model }
		oc.HTTPClient = &retryDoer{next: authDoer{next: cfg.Doer, key: cfg.APIKey, azure: true}, max: cfg.MaxRetries, sleep: cfg.Sleep}
	default:
		return nil, errs.New(errs.Usage, "", "unknown API type %q (openai or azure)", cfg.APIType)
	}
	return &Client{cfg: cfg, api: openai.NewClientWithConfig(oc)}, nil
}

// Model returns the model the client asks for.
func (c *Client) Model() string { return c.cfg.Model }

// Complete sends one chat completion and returns the first choice.
func (c *Client) Complete(ctx context.Context, r Request) (Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req := openai.ChatCompletionRequest{
		Model: c.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: r.System},
			{Role: openai.ChatMessageRoleUser, Content: r.User},
		},
		MaxTokens:   r.MaxTokens,
		Temperature: 0.2,
	}
	if len(r.Schema) > 0 {
		name := r.SchemaName
		if name == "" {
			name = "answer"
		}
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type:       openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: name, Schema: r.Schema, Strict: false},
		}
	}
	resp, err := c.api.CreateChatCompletion(ctx, req)
	if err != nil {
		return Response{}, classify(ctx, err)
	}
	if len(resp.Choices) == 0 || strings.TrimSpace(resp.Choices[0].Message.Content) == "" {
		return Response{}, errs.New(errs.Model, "", "the model returned an empty answer")
	}
	return Response{
		Content: resp.Choices[0].Message.Content,
		Model:   resp.Model,
		Usage: note.Usage{
			PromptTokens:     resp.Usage.PromptTokens,
			CompletionTokens: resp.Usage.CompletionTokens,
			TotalTokens:      resp.Usage.TotalTokens,
		},
	}, nil
}

// classify turns go-openai's errors into coded errors with advice, never
// echoing the key or the request.
func classify(ctx context.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded {
		return errs.New(errs.Timeout, "", "the model API did not answer in time")
	}
	if errors.Is(err, context.Canceled) {
		return errs.New(errs.Timeout, "", "the model call was cancelled")
	}
	status, code, msg := 0, "", ""
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		status, msg = apiErr.HTTPStatusCode, apiErr.Message
		if s, ok := apiErr.Code.(string); ok {
			code = s
		}
	case errors.As(err, &reqErr):
		status, msg = reqErr.HTTPStatusCode, string(reqErr.Body)
	default:
		return errs.New(errs.Upstream, "", "could not reach the model API: %v", err)
	}
	lower := strings.ToLower(code + " " + msg)
	switch {
	case code == "context_length_exceeded" || strings.Contains(lower, "context length") || strings.Contains(lower, "maximum context") || strings.Contains(lower, "too many tokens"):
		return errs.New(errs.TooLarge, "", "the thread is longer than the model's context window (HTTP %d)", status)
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return errs.New(errs.Auth, "", "the model API rejected the key (HTTP %d): check OPENAI_API_KEY", status)
	case status == http.StatusNotFound:
		return errs.New(errs.Upstream, "", "model or endpoint not found (HTTP 404): check OPENAI_BASE_URL and OPENAI_MODEL")
	case status == http.StatusTooManyRequests:
		return errs.New(errs.Upstream, "", "the model API is rate limiting (HTTP 429) after retries")
	case status >= 500:
		return errs.New(errs.Upstream, "", "the model API failed (HTTP %d) after retries", status)
	}
	return errs.New(errs.Upstream, "", "the model API refused the request (HTTP %d): %s", status, truncate(msg, 200))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// String describes the configuration without the key.
func (c Config) String() string {
	return fmt.Sprintf("%s model=%s type=%s", c.BaseURL, c.Model, c.APIType)
}
