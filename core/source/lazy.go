package source

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles pattern on first use, so that starting the program
// (the wasm in the extension, the worker on each request) compiles none of
// the adapters' patterns, and a run compiles only those it uses.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
