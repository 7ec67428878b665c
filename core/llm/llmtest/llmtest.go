// Package llmtest is a scripted fake of an OpenAI-compatible chat
// completions API for tests: each request gets the next reply of the
// script (the last one repeats), and every request is recorded.
//
//	srv := llmtest.New(llmtest.Answer(`{"sections":[]}`), llmtest.Status(429, "1"))
//	defer srv.Close()
//	// point llm.Config.BaseURL at srv.URL + "/v1"
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Reply is one scripted answer.
type Reply struct {
	Status     int           // HTTP status; 0 means 200
	Content    string        // the assistant message for a 200
	Body       string        // a raw body instead of a generated one
	RetryAfter string        // Retry-After header
	Delay      time.Duration // wait before answering (a hang: longer than the client's timeout)
}

// Answer is a 200 with content as the assistant's message.
func Answer(content string) Reply { return Reply{Content: content} }

// Status is an error answer with an OpenAI-style error body.
func Status(code int, retryAfter string) Reply {
	return Reply{Status: code, RetryAfter: retryAfter,
		Body: fmt.Sprintf(`{"error":{"message":"scripted %d","type":"server_error","code":null}}`, code)}
}

// ContextLength is OpenAI's answer to a prompt over the context window.
func ContextLength() Reply {
	return Reply{Status: 400, Body: `{"error":{"message":"This model's maximum context length is 128000 tokens. However, your messages resulted in 210000 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}`}
}

// Hang answers after d (use more than the client's timeout).
func Hang(d time.Duration) Reply { return Reply{Delay: d, Content: "{}"} }

// Request is one recorded request.
type Request struct {
	Path    string
	Query   string
	Headers http.Header
	Body    map[string]any
}

// Server is the running fake.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	script   []Reply
	requests []Request
}

// New starts a fake on loopback.
func New(script ...Reply) *Server {
	s := &Server{script: script}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Requests returns what was received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	json.Unmarshal(raw, &body)
	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, Request{Path: r.URL.Path, Query: r.URL.RawQuery, Headers: r.Header.Clone(), Body: body})
	reply := Reply{Content: "{}"}
	if len(s.script) > 0 {
		reply = s.script[min(n, len(s.script)-1)]
	}
	s.mu.Unlock()
	if reply.Delay > 0 {
		select {
		case <-time.After(reply.Delay):
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	if reply.RetryAfter != "" {
		w.Header().Set("Retry-After", reply.RetryAfter)
	}
	status := reply.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if reply.Body != "" {
		io.WriteString(w, reply.Body)
		return
	}
	model, _ := body["model"].(string)
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": 1767225600, "model": model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": reply.Content}}},
		"usage": map[string]any{"prompt_tokens": 1200, "completion_tokens": 300, "total_tokens": 1500},
	})
}
