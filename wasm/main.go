//go:build js && wasm

// Command wasm is the core compiled for the browser: it sets
// globalThis.handoff = {plan, parse, draft, prompt, finish, lint, render,
// template}; each takes a JSON string and returns a Promise of a JSON
// string, or rejects with an Error whose code is the core's code:
//
//	const plan = JSON.parse(await handoff.plan(JSON.stringify({url: location.href})))
//	await handoff.parse('{') // rejects: Error {code: "E_USAGE", message: "E_USAGE: request: not a JSON …"}
//
// finish takes a second argument, an async function(promptJSON) → answer
// text, called once to repair an answer with block findings.
// handoff.release() releases every function and lets the program end.
package main

import (
	"encoding/json"
	"syscall/js"

	"handoff/core/errs"
	"handoff/core/prompt"
	"handoff/wasm/bridge"
)

func main() {
	done := make(chan struct{})
	api, release := register(func() { close(done) })
	exportAs("handoff", api)
	<-done
	release()
}

// register builds the handoff object; its release() calls stop, and the
// returned function releases every js.Func.
func register(stop func()) (js.Value, func()) {
	api, funcs := object.New(), []js.Func{}
	for _, name := range bridge.Names() {
		f := promiseFunc(name)
		funcs = append(funcs, f)
		api.Set(name, f)
	}
	rel := js.FuncOf(func(js.Value, []js.Value) any { stop(); return nil })
	api.Set("release", rel)
	return api, func() {
		for _, f := range append(funcs, rel) {
			f.Release()
		}
	}
}

// promiseFunc wraps bridge call name: (json[, repair]) → Promise<json>.
func promiseFunc(name string) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return promise.Call("reject", codedError(errs.New(errs.Usage, name, "pass the request as a JSON string")))
		}
		in, repair := args[0].String(), repairFunc(args[1:])
		var executor js.Func
		executor = js.FuncOf(func(_ js.Value, pr []js.Value) any {
			resolve, reject := pr[0], pr[1]
			go func() {
				defer executor.Release()
				out, err := bridge.Call(name, []byte(in), repair)
				if err != nil {
					reject.Invoke(codedError(err))
					return
				}
				resolve.Invoke(string(out))
			}()
			return nil
		})
		return promise.New(executor)
	})
}

// repairFunc adapts an optional JS async function(promptJSON) → text.
func repairFunc(args []js.Value) bridge.Repair {
	if len(args) == 0 || args[0].Type() != js.TypeFunction {
		return nil
	}
	fn := args[0]
	return func(p prompt.Prompt) (string, error) {
		req, err := json.Marshal(struct {
			System string          `json:"system"`
			User   string          `json:"user"`
			Schema json.RawMessage `json:"schema"`
		}{p.System, p.User, p.Schema})
		if err != nil {
			return "", errs.Wrap(errs.Internal, "repair", err)
		}
		v, err := await(fn.Invoke(string(req)))
		if err != nil {
			return "", err
		}
		return toString.Invoke(v).String(), nil
	}
}

// await blocks this goroutine until the promise settles.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(_ js.Value, a []js.Value) any { ch <- result{v: a[0]}; return nil })
	fail := js.FuncOf(func(_ js.Value, a []js.Value) any {
		ch <- result{err: errs.New(errs.Model, "repair", "%s", toString.Invoke(a[0]).String())}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	promise.Call("resolve", p).Call("then", ok, fail)
	r := <-ch
	return r.v, r.err
}

// codedError is a JS Error whose code property is the core's error code.
func codedError(err error) js.Value {
	e := jsError.New(err.Error())
	e.Set("code", errs.CodeOf(err))
	return e
}
