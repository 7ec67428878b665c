//go:build js && wasm

// Command worker is the Handoff Cloudflare Worker: handler.Server inside
// workerd. One wasm serves two JS modules:
//
//   - src/worker.mjs (deployed) starts this program once per isolate and,
//     for every request, calls handoffStart(method, url, headers, body, env)
//     and then handoffResume(id, reply) for each fetch or sleep step it
//     performs on the Go side's behalf (see session.go), so a warm request
//     costs no Go start-up;
//   - syumai/workers' generated module (build/stock.mjs, kept for the
//     benchmark) starts a new instance per request and calls
//     handleRequest, with env from the runtime context.
//
// Build with "make worker"; run locally with "make worker-dev".
package main

import (
	"net/http"
	"syscall/js"

	"github.com/syumai/workers"
)

func main() {
	workers.ServeNonBlock(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serverFor(stockRuntimeEnv(), true).ServeHTTP(w, r)
	}))
	runtimeBinding.Set("handoffMaxBody", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return maxBody(arg(args, 0))
	}))
	runtimeBinding.Set("handoffStart", js.FuncOf(func(_ js.Value, args []js.Value) any {
		r, err := toRequest(arg(args, 0).String(), arg(args, 1).String(), arg(args, 2), arg(args, 3))
		if err != nil {
			return step{kind: "response", status: 400, header: http.Header{"Content-Type": {"application/json"}},
				body: []byte(`{"error":{"code":"E_FORMAT","message":"not an HTTP request"}}`)}.toJS(0)
		}
		id, st := start(serverFor(arg(args, 4), false), r)
		return st.toJS(id)
	}))
	runtimeBinding.Set("handoffResume", js.FuncOf(func(_ js.Value, args []js.Value) any {
		id := arg(args, 0).Int()
		st, ok := resume(id, toReply(arg(args, 1)))
		if !ok {
			return step{kind: "response", status: 500, body: []byte(`{"error":{"code":"E_INTERNAL","message":"unknown session"}}`)}.toJS(0)
		}
		return st.toJS(id)
	}))
	workers.Ready()
	select {}
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}
