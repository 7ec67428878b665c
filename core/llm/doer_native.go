//go:build !js

package llm

import "net/http"

// nativeDoer is the default HTTP client outside the browser and worker.
func nativeDoer() Doer { return &http.Client{} }
