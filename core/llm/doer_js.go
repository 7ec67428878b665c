//go:build js

package llm

// nativeDoer is nil under js/wasm: net/http's transport cannot run there,
// so the worker passes a Doer over the Workers fetch API.
func nativeDoer() Doer { return nil }
