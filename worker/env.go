//go:build js && wasm

package main

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"syscall/js"

	"handoff/worker/handler"
)

// settings are the env names whose values make up a configuration.
var settings = []string{
	"HANDOFF_TOKENS", "HANDOFF_ADMIN_TOKEN", "ALLOWED_ORIGINS", "HANDOFF_MAX_BODY", "HANDOFF_RATE_LIMIT",
	"HANDOFF_MODELS", "HANDOFF_CONFIG", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL",
	"OPENAI_API_TYPE", "OPENAI_API_VERSION", "OPENAI_TIMEOUT",
}

// kvBinding is the optional KV namespace holding the team config that
// PUT /v1/config writes.
const kvBinding = "HANDOFF_KV"

// servers keeps one handler per configuration, so a warm instance parses
// its settings once; the rate limiter is shared across them.
var servers struct {
	sync.Mutex
	key string
	h   http.Handler
}

var limiter = handler.NewLimiter(nil)

// serverFor returns the handler for a request's env, building it when the
// settings changed (a new deploy, or the first request).
func serverFor(env js.Value) http.Handler {
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
	hasKV := env.Get(kvBinding).Type() == js.TypeObject
	if hasKV {
		key.WriteString("kv")
	}
	servers.Lock()
	defer servers.Unlock()
	if servers.h != nil && servers.key == key.String() {
		return servers.h
	}
	servers.key, servers.h = key.String(), build(getenv, hasKV)
	return servers.h
}

func build(getenv func(string) string, hasKV bool) http.Handler {
	cfg, err := handler.FromEnv(getenv)
	if err != nil {
		return handler.Misconfigured(err, logLine)
	}
	cfg.LLM.Doer = fetchDoer{}
	o := handler.Options{Limiter: limiter, Log: logLine}
	if hasKV {
		o.Store = kvStore{}
	}
	h, err := handler.New(cfg, o)
	if err != nil {
		return handler.Misconfigured(err, logLine)
	}
	return h
}

type envKey struct{}

// withEnv carries the request's env to kvStore.
func withEnv(ctx context.Context, env js.Value) context.Context {
	return context.WithValue(ctx, envKey{}, env)
}

// kvStore keeps the team config under one key of the HANDOFF_KV
// namespace, read from the env of the request at hand.
type kvStore struct{}

const kvKey = "team-config"

func (kvStore) Get(ctx context.Context) ([]byte, error) {
	ns, _ := ctx.Value(envKey{}).(js.Value)
	v, err := await(ctx, ns.Get(kvBinding).Call("get", kvKey))
	if err != nil || v.Type() != js.TypeString {
		return nil, err
	}
	return []byte(v.String()), nil
}

func (kvStore) Put(ctx context.Context, data []byte) error {
	ns, _ := ctx.Value(envKey{}).(js.Value)
	_, err := await(ctx, ns.Get(kvBinding).Call("put", kvKey, string(data)))
	return err
}
