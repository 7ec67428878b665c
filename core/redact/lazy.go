package redact

import (
	"regexp"
	"sync"
)

// lazyRE returns a function that compiles expr on its first call and
// returns the same Regexp ever after: starting a program that never calls
// into the package compiles none of its patterns. A bad expr panics on
// first use, which the package's tests reach. It is never inlined: an
// inlined sync.OnceValue copies its closures into every call site (about
// 3 KB of wasm each).
//
//go:noinline
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
