//go:build js && wasm

package main

import "syscall/js"

// Every js.Global() lookup of the worker, in one place.
var (
	global          = js.Global()
	jsFetch         = global.Get("fetch")
	jsObject        = global.Get("Object")
	jsArray         = global.Get("Array")
	jsPromise       = global.Get("Promise")
	jsResponse      = global.Get("Response")
	jsHeaders       = global.Get("Headers")
	jsUint8Array    = global.Get("Uint8Array")
	jsError         = global.Get("Error")
	jsAbortCtrl     = global.Get("AbortController")
	jsConsole       = global.Get("console")
	runtimeBinding  = global.Get("context").Get("binding") // the object worker.mjs reads our functions from
	stockRuntimeEnv = func() js.Value { return global.Get("context").Get("env") }
)
