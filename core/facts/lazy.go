package facts

import (
	"regexp"
	"sync"
)

// lazyRE returns a function that compiles expr on its first call and
// returns the same Regexp ever after: a program that never drafts (plan,
// parse) compiles none of the package's patterns. A bad expr panics on
// first use, which the package's tests reach. It is never inlined: an
// inlined sync.OnceValue copies its closures into every call site (about
// 3 KB of wasm each).
//
//go:noinline
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// lazyLex returns a function that compiles table on its first call and
// returns the same lexicon ever after (never inlined, as lazyRE).
//
//go:noinline
func lazyLex(table []Phrase) func() *lexicon {
	return sync.OnceValue(func() *lexicon { return compile(table) })
}
