package handler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	req, err := decodeDraftRequest(body)
	if err != nil {
		return nil, err
	}
	if req.Thread == nil || len(req.Thread.Messages) == 0 {
		return nil, errs.New(errs.Empty, "thread", "the thread has no messages")
	}
	return req, nil
}

// decodeDraftRequest reads the body in one pass: each top-level member is
// decoded straight into its field, so the thread is scanned once. A body
// that is not one JSON object, or repeats a member, is E_FORMAT; a member
// outside draftFields is E_USAGE.
//
//	decodeDraftRequest([]byte(`{"thread":{…},"destination":"finance"}`))
func decodeDraftRequest(body []byte) (*DraftRequest, error) {
	notObject := func(err error) error {
		return errs.New(errs.Format, "", "the body is not a JSON object: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil {
		return nil, notObject(err)
	} else if tok != json.Delim('{') {
		return nil, notObject(fmt.Errorf("it starts with %v", tok))
	}
	var req DraftRequest
	members := map[string]any{"thread": &req.Thread, "template": &req.Template, "destination": &req.Destination,
		"language": &req.Language, "examples": &req.Examples, "model": &req.Model}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, notObject(err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, errs.New(errs.Format, "", "the body has %q twice", key)
		}
		seen[key] = true
		into, ok := members[key]
		if !ok {
			return nil, errs.New(errs.Usage, "", "unknown field %q: the body takes %s", key, strings.Join(draftFields, ", "))
		}
		if err := dec.Decode(into); err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, notObject(err)
			}
			return nil, errs.New(errs.Format, "", "the body does not match the draft request: %v", err)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, notObject(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, notObject(errors.New("data after the object"))
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
