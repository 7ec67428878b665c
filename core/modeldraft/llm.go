//go:build !nollm

// The wasm bridge builds with -tags nollm: it never calls a model API
// itself, and go-openai with net/http would add ~0.5 MB gzipped.

package modeldraft

import (
	"context"

	"handoff/core/llm"
	"handoff/core/prompt"
)

// LLM adapts an OpenAI-compatible client to Model.
type LLM struct {
	Client    *llm.Client
	MaxTokens int // answer budget; default 2,000
}

// Complete sends p as one chat completion with p.Schema as the response
// format (none for condensation prompts).
func (l LLM) Complete(ctx context.Context, p prompt.Prompt) (Answer, error) {
	max := l.MaxTokens
	if max == 0 {
		max = 2000
	}
	r, err := l.Client.Complete(ctx, llm.Request{System: p.System, User: p.User, Schema: p.Schema, SchemaName: "handoff_note", MaxTokens: max})
	if err != nil {
		return Answer{}, err
	}
	return Answer{Text: r.Content, Model: r.Model, Usage: r.Usage}, nil
}
