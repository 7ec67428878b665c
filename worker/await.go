//go:build js && wasm

package main

import (
	"context"
	"errors"
	"syscall/js"
)

type settled struct {
	v   js.Value
	err error
}

// await waits for a JS promise, or for ctx. The callbacks release
// themselves when the promise settles, so giving up on ctx is safe.
func await(ctx context.Context, p js.Value) (js.Value, error) {
	ch := make(chan settled, 1)
	var then, catch js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		then.Release()
		catch.Release()
		ch <- settled{v: arg0(args)}
		return nil
	})
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		then.Release()
		catch.Release()
		ch <- settled{err: errors.New(jsString(arg0(args)))}
		return nil
	})
	p.Call("then", then, catch)
	select {
	case s := <-ch:
		return s.v, s.err
	case <-ctx.Done():
		return js.Undefined(), ctx.Err()
	}
}

func arg0(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}

// jsString describes a JS value (an Error's message) for a Go error.
func jsString(v js.Value) string {
	if v.Type() == js.TypeObject {
		if m := v.Get("message"); m.Type() == js.TypeString {
			return m.String()
		}
	}
	if v.IsUndefined() || v.IsNull() {
		return "undefined"
	}
	return v.Call("toString").String()
}

// newPromise returns a JS promise settled by run's result, computed on a
// goroutine; a panic rejects it instead of killing the instance.
func newPromise(run func() (js.Value, error)) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(_ js.Value, args []js.Value) any {
		executor.Release()
		resolve, reject := args[0], args[1]
		go func() {
			defer func() {
				if p := recover(); p != nil {
					reject.Invoke(jsError.New("handoff worker: internal error"))
					logLine("panic: internal error")
				}
			}()
			v, err := run()
			if err != nil {
				reject.Invoke(jsError.New(err.Error()))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	return jsPromise.New(executor)
}

func logLine(s string) { jsConsole.Call("log", s) }
