//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"errors"

	"handoff/worker/handler"
)

// sessionSQL is the feedback store's database: a "d1" step. The JS module
// runs the statements as one batch on the D1 binding HANDOFF_DB, in the
// request's own context, and answers {"results":[{rows, changes}, …]}
// as the reply body (src/worker.mjs, d1Batch).
type sessionSQL struct{}

func (sessionSQL) Batch(ctx context.Context, stmts []handler.Statement) ([]handler.Result, error) {
	s, err := sessionOf(ctx)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(stmts)
	if err != nil {
		return nil, err
	}
	s.steps <- step{kind: "d1", body: body}
	rp := <-s.replies
	if rp.err != "" {
		return nil, errors.New(rp.err)
	}
	var out struct{ Results []handler.Result }
	if err := json.Unmarshal(rp.body, &out); err != nil {
		return nil, err
	}
	return out.Results, nil
}
