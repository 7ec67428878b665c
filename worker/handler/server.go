// Package handler is the Handoff worker as a plain net/http handler: a
// constrained model proxy that accepts a thread and options, builds the
// prompt with the core, calls the model, checks and repairs the answer,
// and returns the note. Clients cannot send prompts. It runs natively
// under httptest and inside a Cloudflare Worker (worker/main_js.go).
//
//	cfg, err := handler.FromEnv(os.Getenv)
//	srv, err := handler.New(cfg, handler.Options{})
//	http.ListenAndServe("127.0.0.1:8787", srv)
//
// Endpoints: POST /v1/draft, GET /v1/config, PUT /v1/config (admin),
// GET /healthz, CORS preflights, and the feedback endpoints
// (feedback_api.go, feedback_link.go): POST /v1/links, POST /v1/feedback,
// POST /v1/events, GET /v1/stats (admin), GET /f/<note id>. Every failure answers
// {"error":{"code","message"}} with the status of StatusOf.
// Nothing of a ticket is ever logged, and the upstream key never appears
// in an answer.
package handler

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"handoff/core/errs"
)

// Options are the parts of a Server that outlive one configuration.
type Options struct {
	Limiter *Limiter // shared across configurations; nil: a new one
	Store   Store    // where PUT /v1/config keeps the team config; nil: HANDOFF_CONFIG only
	// Feedback stores answers and drafting events (D1 in a Worker); nil:
	// the feedback endpoints answer E_UNSUPPORTED.
	Feedback FeedbackStore
	Now      func() time.Time // the clock of recorded feedback; nil: time.Now
	// Log receives one line per failed request: method, path, status,
	// code and message. Never ticket text. Nil: no logging.
	Log func(line string)
	// Trace, when set, receives how long each stage of a draft took:
	// "decode" (body and JSON, the thread included), "thread"
	// (normalizing), the stages of modeldraft.Options.Trace, and
	// "encode" (the note's JSON). For benchmarks; nil: not timed.
	Trace func(stage string, d time.Duration)
}

// Server is the worker's handler. It is safe for concurrent use.
type Server struct {
	cfg     Config
	team    *TeamConfig // from HANDOFF_CONFIG
	limiter *Limiter
	store   Store
	logf    func(string)
	trace   func(string, time.Duration)
	mux     *http.ServeMux

	// feedback endpoints (feedback_api.go)
	feedback FeedbackStore
	now      func() time.Time
}

// New checks cfg and returns the handler. An invalid HANDOFF_CONFIG fails
// with E_TEMPLATE.
func New(cfg Config, o Options) (*Server, error) {
	cfg = cfg.withDefaults()
	team, err := ParseTeamConfig(cfg.TeamConfig)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, team: team, limiter: o.Limiter, store: o.Store, logf: o.Log, trace: o.Trace, feedback: o.Feedback, now: o.Now}
	if s.limiter == nil {
		s.limiter = NewLimiter(nil)
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("/healthz", s.healthz)
	s.mux.Handle("/v1/draft", s.authed(s.draft))
	s.mux.Handle("/v1/config", s.authed(s.config))
	s.routeFeedback()
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errs.New(CodeNotFound, "", "no such endpoint: %s", r.URL.Path), 0)
	})
	return s, nil
}

// ServeHTTP applies CORS, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	origin := r.Header.Get("Origin")
	if origin != "" {
		if !s.originAllowed(origin) {
			s.writeError(w, r, errs.New(CodeForbidden, "", "origin %q is not allowed: add it to ALLOWED_ORIGINS", origin), 0)
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", origin)
		h.Add("Vary", "Origin")
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			h.Set("Access-Control-Max-Age", "86400")
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) originAllowed(origin string) bool {
	for _, o := range s.cfg.AllowedOrigins {
		if o == "*" || strings.EqualFold(strings.TrimRight(o, "/"), origin) {
			return true
		}
	}
	return false
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.writeError(w, r, errs.New(CodeMethod, "", "use GET"), 0)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"ok": true})
}

// caller is who an authenticated request comes from.
type caller struct {
	key   int  // rate limit key: the index of the team token, -1 for the admin
	admin bool // presented the admin token
}

// authed checks the bearer token (team or admin) and the rate limit.
func (s *Server) authed(next func(http.ResponseWriter, *http.Request, caller)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := bearer(r.Header.Get("Authorization"))
		if !ok {
			s.writeError(w, r, errs.New(errs.Auth, "", "missing token: send Authorization: Bearer <team token>"), 0)
			return
		}
		c := caller{key: match(s.cfg.Tokens, tok)}
		if s.cfg.AdminToken.set && match([]Token{s.cfg.AdminToken}, tok) == 0 {
			c = caller{key: -1, admin: true}
		}
		if c.key < 0 && !c.admin {
			s.writeError(w, r, errs.New(errs.Auth, "", "wrong token"), 0)
			return
		}
		if ok, wait := s.limiter.Allow(c.key, s.cfg.RateLimit); !ok {
			s.writeError(w, r, errs.New(CodeRateLimited, "", "more than %d requests a minute with this token: retry in %d s", s.cfg.RateLimit, wait), wait)
			return
		}
		next(w, r, c)
	})
}

// log writes one line about a failure: never a body, never a token.
func (s *Server) log(r *http.Request, status int, code, msg string) {
	if s.logf == nil {
		return
	}
	s.logf(r.Method + " " + r.URL.Path + " " + strconv.Itoa(status) + " " + code + " " + s.scrub(msg))
}

// scrub removes the upstream key from a message, should any error ever
// quote it.
func (s *Server) scrub(msg string) string {
	if k := strings.TrimSpace(s.cfg.LLM.APIKey); len(k) >= 4 {
		msg = strings.ReplaceAll(msg, k, "[redacted]")
	}
	return msg
}

// Misconfigured answers every request with 500 E_CONFIG and err's
// message, for a worker whose settings do not parse (FromEnv or New
// failed). The message names the variable, never a secret's value.
func Misconfigured(err error, log func(string)) http.Handler {
	s := &Server{logf: log}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errs.New(CodeConfig, "", "the worker is misconfigured: %s", errs.MessageOf(err)), 0)
	})
}
