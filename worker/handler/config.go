package handler

import (
	"strconv"
	"strings"
	"time"

	"handoff/core/errs"
	"handoff/core/llm"
)

// Defaults of the settings.
const (
	DefaultMaxBody   = 2 << 20 // bytes of a request body
	DefaultRateLimit = 30      // requests per minute per token
	// DefaultUpstreamTimeout bounds one model call, retries included.
	DefaultUpstreamTimeout = 60 * time.Second
)

// Config is the worker's settings, read once per deployment (see
// FromEnv for the variable names).
type Config struct {
	Tokens          []Token       // team tokens; none: every authenticated endpoint answers 401
	AdminToken      Token         // for admin endpoints (PUT /v1/config); zero: none
	AllowedOrigins  []string      // exact Origin values allowed, e.g. chrome-extension://abcdef…
	MaxBody         int64         // bytes; default DefaultMaxBody
	RateLimit       int           // per token per minute; default DefaultRateLimit; negative: off
	Models          []string      // models a client may ask for; the first is the default
	LLM             llm.Config    // upstream API; Model is replaced per request, Doer must be set in a worker
	UpstreamTimeout time.Duration // one model call; default DefaultUpstreamTimeout
	TeamConfig      []byte        // HANDOFF_CONFIG: JSON, see TeamConfig
	FeedbackSecret  string        // HANDOFF_FEEDBACK_SECRET: signs feedback links; "": no links
	TeamSalt        string        // HANDOFF_TEAM_SALT: hashes ticket ids of events; "": ticket ids dropped
	PublicURL       string        // HANDOFF_PUBLIC_URL: base of feedback links; "": the request's own
}

// FromEnv reads the settings through getenv (os.Getenv natively, the
// Worker's env bindings in workerd):
//
//	HANDOFF_TOKENS       comma-separated team tokens, each raw or sha256:<hex> of one (secret)
//	HANDOFF_ADMIN_TOKEN  admin token, raw or sha256:<hex> (secret)
//	ALLOWED_ORIGINS      comma-separated Origins allowed by CORS, e.g. chrome-extension://<id>
//	HANDOFF_MAX_BODY     request body limit in bytes (default 2097152)
//	HANDOFF_RATE_LIMIT   requests per minute per token (default 30; 0 or "off": no limit)
//	HANDOFF_MODELS       comma-separated models clients may choose (default OPENAI_MODEL)
//	HANDOFF_CONFIG       the team's template, examples and rules (JSON, see TeamConfig)
//	OPENAI_API_KEY       the upstream key (secret)
//	OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_API_TYPE, OPENAI_API_VERSION
//	OPENAI_TIMEOUT       seconds one model call may take, retries included (default 60)
//	HANDOFF_FEEDBACK_SECRET  signs the feedback links of inserted notes (secret)
//	HANDOFF_TEAM_SALT    salts the hash of ticket ids in drafting events (secret)
//	HANDOFF_PUBLIC_URL   base URL of feedback links (default: the URL the request came to)
//
// A malformed number or token fails with E_USAGE naming the variable;
// the message never contains a token's value.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{LLM: llm.ConfigFromEnv(getenv), TeamConfig: []byte(getenv("HANDOFF_CONFIG"))}
	var err error
	if c.Tokens, err = ParseTokens(getenv("HANDOFF_TOKENS")); err != nil {
		return Config{}, errs.New(errs.Usage, "HANDOFF_TOKENS", "%s", errs.MessageOf(err))
	}
	if admin := strings.TrimSpace(getenv("HANDOFF_ADMIN_TOKEN")); admin != "" {
		t, err := ParseToken(admin)
		if err != nil {
			return Config{}, errs.New(errs.Usage, "HANDOFF_ADMIN_TOKEN", "%s", errs.MessageOf(err))
		}
		c.AdminToken = t
	}
	c.AllowedOrigins = splitList(getenv("ALLOWED_ORIGINS"))
	if c.MaxBody, err = positive(getenv, "HANDOFF_MAX_BODY", DefaultMaxBody); err != nil {
		return Config{}, err
	}
	switch v := strings.TrimSpace(getenv("HANDOFF_RATE_LIMIT")); v {
	case "off", "0":
		c.RateLimit = -1
	default:
		n, err := positive(getenv, "HANDOFF_RATE_LIMIT", DefaultRateLimit)
		if err != nil {
			return Config{}, err
		}
		c.RateLimit = int(n)
	}
	c.Models = splitList(getenv("HANDOFF_MODELS"))
	if len(c.Models) == 0 {
		c.Models = []string{cmpOr(c.LLM.Model, llm.DefaultModel)}
	}
	c.UpstreamTimeout = c.LLM.Timeout
	c.FeedbackSecret = strings.TrimSpace(getenv("HANDOFF_FEEDBACK_SECRET"))
	c.TeamSalt = strings.TrimSpace(getenv("HANDOFF_TEAM_SALT"))
	c.PublicURL = strings.TrimRight(strings.TrimSpace(getenv("HANDOFF_PUBLIC_URL")), "/")
	return c, nil
}

func positive(getenv func(string) string, name string, def int64) (int64, error) {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		return 0, errs.New(errs.Usage, name, "not a positive whole number: %q", v)
	}
	return n, nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// withDefaults fills the zero settings.
func (c Config) withDefaults() Config {
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.RateLimit == 0 {
		c.RateLimit = DefaultRateLimit
	}
	if c.UpstreamTimeout <= 0 {
		c.UpstreamTimeout = DefaultUpstreamTimeout
	}
	if len(c.Models) == 0 {
		c.Models = []string{cmpOr(c.LLM.Model, llm.DefaultModel)}
	}
	return c
}
