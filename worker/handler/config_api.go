package handler

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"handoff/core/errs"
)

// configAnswer is the body of GET /v1/config: the team configuration the
// extension applies to its own drafts and lints, and the models offered.
type configAnswer struct {
	TeamConfig
	Models       []string `json:"models"`
	DefaultModel string   `json:"default_model"`
	MaxBody      int64    `json:"max_body"`
}

// config serves GET /v1/config (any team token) and PUT /v1/config (the
// admin token; needs a Store).
func (s *Server) config(w http.ResponseWriter, r *http.Request, c caller) {
	switch r.Method {
	case http.MethodGet:
		team, err := s.teamConfig(r.Context())
		if err != nil {
			s.writeError(w, r, err, 0)
			return
		}
		writeJSON(w, http.StatusOK, configAnswer{TeamConfig: *team, Models: s.cfg.Models, DefaultModel: s.cfg.Models[0], MaxBody: s.cfg.MaxBody})
	case http.MethodPut:
		if !c.admin {
			s.writeError(w, r, errs.New(errs.Auth, "", "changing the team config needs HANDOFF_ADMIN_TOKEN"), 0)
			return
		}
		if s.store == nil {
			s.writeError(w, r, errs.New(errs.Unsupported, "", "no KV namespace is bound as HANDOFF_KV: set HANDOFF_CONFIG instead"), 0)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.writeError(w, r, errs.New(errs.TooLarge, "", "the config is larger than %d bytes", s.cfg.MaxBody), 0)
				return
			}
			s.writeError(w, r, errs.New(errs.IO, "", "could not read the request body"), 0)
			return
		}
		team, err := ParseTeamConfig(body)
		if err != nil {
			s.writeError(w, r, err, 0)
			return
		}
		clean, _ := json.Marshal(team)
		if err := s.store.Put(r.Context(), clean); err != nil {
			s.writeError(w, r, errs.New(errs.Upstream, "", "could not store the config: %v", err), 0)
			return
		}
		writeJSON(w, http.StatusOK, team)
	default:
		s.writeError(w, r, errs.New(CodeMethod, "", "use GET or PUT"), 0)
	}
}

// teamConfig is the stored configuration when there is one, else
// HANDOFF_CONFIG.
func (s *Server) teamConfig(ctx context.Context) (*TeamConfig, error) {
	if s.store == nil {
		return s.team, nil
	}
	b, err := s.store.Get(ctx)
	if err != nil {
		return nil, errs.New(errs.Upstream, "", "could not read the stored team config: %v", err)
	}
	if len(b) == 0 {
		return s.team, nil
	}
	return ParseTeamConfig(b)
}
