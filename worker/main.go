//go:build js && wasm

// Command worker is the Handoff Cloudflare Worker: handler.Server inside
// workerd. It serves two JS modules from one wasm:
//
//   - src/worker.mjs (deployed): starts this program once per isolate and
//     calls binding.handoff(request, env, ctx) for every request, so a warm
//     request costs no Go start-up;
//   - syumai/workers' generated module (kept as build/stock.mjs for the
//     benchmark): a new instance per request through binding.handleRequest,
//     with env from the runtime context.
//
// Build with "make worker"; run locally with "make worker-dev".
package main

import (
	"context"
	"net/http"
	"syscall/js"

	"github.com/syumai/workers"
)

func main() {
	workers.ServeNonBlock(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env := stockRuntimeEnv()
		serverFor(env).ServeHTTP(w, r.WithContext(withEnv(r.Context(), env)))
	}))
	runtimeBinding.Set("handoff", js.FuncOf(handle))
	workers.Ready()
	select {}
}

// handle serves one request with its own env: handoff(request, env, ctx)
// returns a Promise of a Response.
func handle(_ js.Value, args []js.Value) any {
	if len(args) < 2 {
		return jsPromise.Call("reject", jsError.New("handoff(request, env, ctx) needs the request and its env"))
	}
	req, env := args[0], args[1]
	return newPromise(func() (js.Value, error) {
		ctx, cancel := context.WithCancel(withEnv(context.Background(), env))
		defer cancel()
		r, err := toRequest(ctx, req)
		if err != nil {
			return js.Value{}, err
		}
		rec := &recorder{header: http.Header{}}
		serverFor(env).ServeHTTP(rec, r)
		r.Body.Close()
		return rec.toJSResponse(), nil
	})
}
