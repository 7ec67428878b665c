package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"handoff/core/errs"
	"handoff/core/note"
	"handoff/core/thread"
)

// workerRequest is the body of POST /v1/draft on a team worker.
type workerRequest struct {
	Thread      *thread.Thread  `json:"thread"`
	Template    json.RawMessage `json:"template,omitempty"`
	Destination string          `json:"destination,omitempty"`
	Language    string          `json:"language,omitempty"`
}

// draftViaWorker sends the thread to a team worker and returns its note.
// Worker errors keep their code: {"error":{"code","message"}}.
func draftViaWorker(ctx context.Context, base, token string, req workerRequest) (*note.Note, error) {
	u, err := url.Parse(strings.TrimRight(base, "/") + "/v1/draft")
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, errs.New(errs.Usage, "worker", "not a worker URL: %q", base)
	}
	if token == "" {
		return nil, errs.New(errs.Usage, "worker", "set HANDOFF_TOKEN to the team token")
	}
	body, err := json.Marshal(req)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, "worker", err)
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, errs.Wrap(errs.Internal, "worker", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		return nil, errs.New(errs.Upstream, "worker", "could not reach %s: %v", u.Host, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return nil, errs.New(errs.Upstream, "worker", "reading the answer: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		code, msg := gjson.GetBytes(b, "error.code").String(), gjson.GetBytes(b, "error.message").String()
		if code == "" {
			code, msg = errs.Upstream, "HTTP "+resp.Status
		}
		return nil, errs.New(code, "worker", "%s", msg)
	}
	var n note.Note
	if err := json.Unmarshal(b, &n); err != nil || len(n.Sections) == 0 {
		return nil, errs.New(errs.Upstream, "worker", "the worker did not answer with a note")
	}
	return &n, nil
}
