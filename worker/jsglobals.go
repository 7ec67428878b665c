//go:build js && wasm

package main

import "syscall/js"

// Every js.Global() lookup of the worker, in one place. None is an I/O
// object: see session.go.
var (
	global          = js.Global()
	jsObject        = global.Get("Object")
	jsArray         = global.Get("Array")
	jsUint8Array    = global.Get("Uint8Array")
	jsConsole       = global.Get("console")
	runtimeBinding  = global.Get("context").Get("binding") // the object worker.mjs reads our functions from
	stockRuntimeEnv = func() js.Value { return global.Get("context").Get("env") }
)

func logLine(s string) { jsConsole.Call("log", s) }
