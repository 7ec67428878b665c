//go:build js && wasm

package main

import (
	"context"
	"errors"
	"time"

	"handoff/worker/handler"
)

// kvKey is the KV key of the team configuration PUT /v1/config stores.
const kvKey = "team-config"

// teamStore is the team config in the KV namespace HANDOFF_KV, read
// through a 30 s cache (KV is eventually consistent for up to 60 s
// anyway) so a draft does not wait for KV. One per isolate, whatever the
// configuration.
var teamStore = handler.NewCachedStore(sessionKV{}, 30*time.Second, nil)

// sessionKV is the KV namespace: "kv" steps the JS module performs on
// the binding HANDOFF_KV in the request's own context (src/worker.mjs,
// kvStep): {op:"get", key} answers status 200 and the value, or 404 when
// the key is absent; {op:"put", key, body} stores body.
type sessionKV struct{}

func (sessionKV) Get(ctx context.Context) ([]byte, error) {
	rp, err := kvStep(ctx, "get", nil)
	if err != nil || rp.status == 404 {
		return nil, err
	}
	return rp.body, nil
}

func (sessionKV) Put(ctx context.Context, data []byte) error {
	_, err := kvStep(ctx, "put", data)
	return err
}

func kvStep(ctx context.Context, op string, body []byte) (reply, error) {
	s, err := sessionOf(ctx)
	if err != nil {
		return reply{}, err
	}
	s.steps <- step{kind: "kv", method: op, url: kvKey, body: body}
	rp := <-s.replies
	if rp.err != "" {
		return reply{}, errors.New(rp.err)
	}
	return rp, nil
}
