//go:build js && wasm

package main

import "syscall/js"

// Every js.Global() lookup of the bridge lives here.
var (
	global   = js.Global()
	promise  = global.Get("Promise")
	jsError  = global.Get("Error")
	object   = global.Get("Object")
	toString = global.Get("String")
)

// exportAs sets globalThis[name] = v.
func exportAs(name string, v any) { global.Set(name, v) }
