package handler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"handoff/core/errs"
	"handoff/core/llm"
	"handoff/core/modeldraft"
	"handoff/core/note"
	"handoff/core/thread"
)

// DraftRequest is the body of POST /v1/draft. Only these fields are
// accepted: a body with any other top-level field (a "prompt", "messages"
// …) is refused with E_USAGE, so the worker cannot serve as an open chat
// proxy.
//
//	{"thread": {"source":"zendesk","messages":[…]}, "destination": "auto", "language": "de"}
type DraftRequest struct {
	Thread      *thread.Thread  `json:"thread"`
	Template    json.RawMessage `json:"template,omitempty"` // a template customization; default: the team's
	Destination string          `json:"destination,omitempty"`
	Language    string          `json:"language,omitempty"`
	Examples    []string        `json:"examples,omitempty"`
	Model       string          `json:"model,omitempty"` // one of HANDOFF_MODELS; default the first
}

var draftFields = []string{"thread", "template", "destination", "language", "examples", "model"}

func (s *Server) draft(w http.ResponseWriter, r *http.Request, _ caller) {
	if r.Method != http.MethodPost {
		s.writeError(w, r, errs.New(CodeMethod, "", "use POST"), 0)
		return
	}
	t := time.Now()
	req, err := s.readDraftRequest(w, r)
	if err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	s.lap("decode", t)
	n, err := s.runDraft(r.Context(), req)
	if err != nil {
		s.writeError(w, r, err, 0)
		return
	}
	t = time.Now()
	writeJSON(w, http.StatusOK, n)
	s.lap("encode", t)
}

// lap reports the stage that began at start to Options.Trace.
func (s *Server) lap(stage string, start time.Time) {
	if s.trace != nil {
		s.trace(stage, time.Since(start))
	}
}

// readDraftRequest enforces the body limit and the request shape.
func (s *Server) readDraftRequest(w http.ResponseWriter, r *http.Request) (*DraftRequest, error) {
	tooLarge := errs.New(errs.TooLarge, "", "the request is larger than %d bytes (HANDOFF_MAX_BODY)", s.cfg.MaxBody)
	if r.ContentLength > s.cfg.MaxBody {
		return nil, tooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, errs.New(errs.IO, "", "could not read the request body")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, errs.New(errs.Format, "", "the body is not a JSON object: %v", err)
	}
	for k := range fields {
		if !slices.Contains(draftFields, k) {
			return nil, errs.New(errs.Usage, "", "unknown field %q: the body takes %s", k, strings.Join(draftFields, ", "))
		}
	}
	var req DraftRequest
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&req); err != nil {
		return nil, errs.New(errs.Format, "", "the body does not match the draft request: %v", err)
	}
	if req.Thread == nil || len(req.Thread.Messages) == 0 {
		return nil, errs.New(errs.Empty, "thread", "the thread has no messages")
	}
	return &req, nil
}

// runDraft resolves the model and template and drafts.
func (s *Server) runDraft(ctx context.Context, req *DraftRequest) (*note.Note, error) {
	model := req.Model
	if model == "" {
		model = s.cfg.Models[0]
	}
	if !slices.Contains(s.cfg.Models, model) {
		return nil, errs.New(errs.Usage, "model", "model %q is not offered here (HANDOFF_MODELS: %s)", model, strings.Join(s.cfg.Models, ", "))
	}
	if req.Destination != "" && req.Destination != "auto" && !slices.Contains(note.Destinations, req.Destination) {
		return nil, errs.New(errs.Usage, "destination", "unknown destination %q (auto, %s)", req.Destination, strings.Join(note.Destinations, ", "))
	}
	team, err := s.teamConfig(ctx)
	if err != nil {
		return nil, err
	}
	tpl, err := team.TemplateFor(req.Template, req.Examples)
	if err != nil {
		return nil, err
	}
	cfg := s.cfg.LLM
	cfg.Model = model
	cfg.Timeout = s.cfg.UpstreamTimeout
	c, err := llm.New(cfg)
	if err != nil {
		return nil, errs.New(CodeConfig, "", "%s", errs.MessageOf(err))
	}
	th := req.Thread
	t := time.Now()
	thread.Normalize(th)
	s.lap("thread", t)
	n, err := modeldraft.Draft(ctx, modeldraft.LLM{Client: c}, th, modeldraft.Options{
		Template: tpl, Destination: req.Destination, Language: req.Language, Engine: "worker", Trace: s.trace})
	if errs.CodeOf(err) == errs.Auth {
		// The model API refused the worker's own key: not the caller's fault.
		return nil, errs.New(errs.Upstream, "", "the model API refused the worker's key: the administrator should check OPENAI_API_KEY")
	}
	return n, err
}
