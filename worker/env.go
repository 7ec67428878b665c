//go:build js && wasm

package main

import (
	"net/http"
	"strings"
	"sync"
	"syscall/js"

	"github.com/syumai/workers/cloudflare/fetch"

	"handoff/worker/handler"
)

// settings are the env names whose values make up a configuration.
var settings = []string{
	"HANDOFF_TOKENS", "HANDOFF_ADMIN_TOKEN", "ALLOWED_ORIGINS", "HANDOFF_MAX_BODY", "HANDOFF_RATE_LIMIT",
	"HANDOFF_MODELS", "HANDOFF_CONFIG", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL",
	"OPENAI_API_TYPE", "OPENAI_API_VERSION", "OPENAI_TIMEOUT",
	"HANDOFF_FEEDBACK_SECRET", "HANDOFF_TEAM_SALT", "HANDOFF_PUBLIC_URL",
}

// servers keeps one handler per configuration and runtime, so a warm
// instance parses its settings once; the rate limiter is shared.
var servers struct {
	sync.Mutex
	key string
	h   http.Handler
}

var limiter = handler.NewLimiter(nil)

// serverFor returns the handler for a request's env, building it when the
// settings changed (a new deploy, or the first request). stock is true
// under syumai's generated module, where Go may use the fetch API itself.
func serverFor(env js.Value, stock bool) http.Handler {
	getenv := func(name string) string {
		v := env.Get(name)
		if v.Type() != js.TypeString {
			return ""
		}
		return v.String()
	}
	var key strings.Builder
	for _, name := range settings {
		key.WriteString(getenv(name))
		key.WriteByte(0)
	}
	if stock {
		key.WriteString("stock")
	}
	hasDB := env.Get("HANDOFF_DB").Truthy() // the D1 binding of the feedback store
	if hasDB {
		key.WriteString("d1")
	}
	hasKV := env.Get("HANDOFF_KV").Truthy() // the KV binding of the team config
	if hasKV {
		key.WriteString("kv")
	}
	servers.Lock()
	defer servers.Unlock()
	if servers.h != nil && servers.key == key.String() {
		return servers.h
	}
	servers.key, servers.h = key.String(), build(getenv, stock, hasDB, hasKV)
	return servers.h
}

// maxBody is the body limit of env's configuration (HANDOFF_MAX_BODY),
// parsed once per value: the module asks for it on every request.
func maxBody(env js.Value) int64 {
	raw := ""
	if v := env.Get("HANDOFF_MAX_BODY"); v.Type() == js.TypeString {
		raw = v.String()
	}
	if n, ok := maxBodies.Load(raw); ok {
		return n.(int64)
	}
	n := int64(handler.DefaultMaxBody)
	cfg, err := handler.FromEnv(func(name string) string {
		if name == "HANDOFF_MAX_BODY" {
			return raw
		}
		return ""
	})
	if err == nil && cfg.MaxBody > 0 {
		n = cfg.MaxBody
	}
	maxBodies.Store(raw, n)
	return n
}

var maxBodies sync.Map // HANDOFF_MAX_BODY value → limit

func build(getenv func(string) string, stock, hasDB, hasKV bool) http.Handler {
	cfg, err := handler.FromEnv(getenv)
	if err != nil {
		return handler.Misconfigured(err, logLine)
	}
	if stock {
		cfg.LLM.Doer = stockDoer{fetch.NewClient(fetch.WithBinding(global.Get("globalThis")))}
	} else {
		cfg.LLM.Doer, cfg.LLM.Sleep = sessionDoer{}, sessionSleep
	}
	o := handler.Options{Limiter: limiter, Log: logLine}
	if hasDB && !stock {
		o.Feedback = handler.SQLFeedback{DB: sessionSQL{}}
	}
	if hasKV && !stock {
		o.Store = teamStore
	}
	h, err := handler.New(cfg, o)
	if err != nil {
		return handler.Misconfigured(err, logLine)
	}
	return h
}

// stockDoer is syumai's fetch client, for the stock module only: it
// ignores the request's context (no timeout), which is acceptable for a
// benchmark baseline. Not an *http.Client: that would link net/http's
// transport and crypto/tls into the bundle.
type stockDoer struct{ c *fetch.Client }

func (d stockDoer) Do(r *http.Request) (*http.Response, error) {
	return d.c.Do(&fetch.Request{Request: r}, nil)
}
