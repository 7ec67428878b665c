package source_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"handoff/core/errs"
	"handoff/core/source"
	"handoff/core/thread"
)

// mutateList rewrites every entry of the message list of spec's ticket
// with f (applied to each nested string or number under its key), or
// reorders the list with order; it returns the ticket's files.
func mutateList(tb testing.TB, spec growSpec, order func([]any) []any, f func(key string, v any) any) []source.File {
	tb.Helper()
	files := grow(tb, spec, 0)
	for i, file := range files {
		if file.Name != spec.file {
			continue
		}
		var doc any
		if err := json.Unmarshal(file.Body, &doc); err != nil {
			tb.Fatal(err)
		}
		parent, key := doc, ""
		if spec.path != "" {
			keys := strings.Split(spec.path, ".")
			for _, k := range keys[:len(keys)-1] {
				parent = parent.(map[string]any)[k]
			}
			key = keys[len(keys)-1]
		}
		var list []any
		if key == "" {
			list = doc.([]any)
		} else {
			list = parent.(map[string]any)[key].([]any)
		}
		if order != nil {
			list = order(list)
		}
		if f != nil {
			for j := range list {
				list[j] = walk("", list[j], f)
			}
		}
		if key == "" {
			doc = list
		} else {
			parent.(map[string]any)[key] = list
		}
		b, _ := json.Marshal(doc)
		files[i].Body = bytes.ReplaceAll(b, []byte("INVALIDUTF8"), []byte("\xff\xfe"))
	}
	return files
}

func walk(key string, v any, f func(string, any) any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			x[k] = walk(k, c, f)
		}
		return x
	case []any:
		for i, c := range x {
			x[i] = walk(key, c, f)
		}
		return x
	}
	return f(key, v)
}

// robustRead reads files and checks what must hold of any result: a coded
// error, or messages numbered 1..N in time order with valid UTF-8.
func robustRead(t *testing.T, files []source.File) *thread.Thread {
	t.Helper()
	th, err := source.Read(source.Payload{Files: files})
	if err != nil {
		if c := errs.CodeOf(err); c == errs.Internal || c == "" {
			t.Fatalf("uncoded failure: %v", err)
		}
		return nil
	}
	for i, m := range th.Messages {
		if m.N != i+1 || !utf8.ValidString(m.Text) || !utf8.ValidString(m.Author.Name) || !utf8.ValidString(m.Quoted) {
			t.Fatalf("#%d: N %d, valid text %v", i+1, m.N, utf8.ValidString(m.Text))
		}
		if i > 0 && !m.At.IsZero() && !th.Messages[i-1].At.IsZero() && m.At.Before(th.Messages[i-1].At) {
			t.Fatalf("#%d at %v before #%d at %v", i+1, m.At, i, th.Messages[i-1].At)
		}
	}
	return th
}

func ids(th *thread.Thread) []string {
	var out []string
	for _, m := range th.Messages {
		out = append(out, m.ID)
	}
	return out
}

// TestRobustInputs runs each helpdesk's bundled ticket through the damage
// real exports show: invalid UTF-8 in every string, empty bodies, authors
// no user list knows, the message list reversed (out-of-order times) and
// delivered twice (a duplicated page).
func TestRobustInputs(t *testing.T) {
	for name, spec := range growSpecs {
		t.Run(name, func(t *testing.T) {
			base := robustRead(t, grow(t, spec, 0))
			if base == nil {
				t.Fatal("bundled ticket does not read")
			}
			t.Run("invalid UTF-8", func(t *testing.T) {
				th := robustRead(t, mutateList(t, spec, nil, func(k string, v any) any {
					if s, ok := v.(string); ok && k != "id" && len(s) > 20 {
						return s[:len(s)/2] + "INVALIDUTF8" + s[len(s)/2:]
					}
					return v
				}))
				if th == nil || len(th.Messages) != len(base.Messages) {
					t.Errorf("lost messages: %v", th != nil)
				}
			})
			t.Run("empty bodies", func(t *testing.T) {
				robustRead(t, mutateList(t, spec, nil, func(k string, v any) any {
					if s, ok := v.(string); ok && len(s) > 40 && !strings.HasPrefix(s, "http") {
						return ""
					}
					return v
				}))
			})
			t.Run("unknown authors", func(t *testing.T) {
				th := robustRead(t, mutateList(t, spec, nil, func(k string, v any) any {
					if _, ok := v.(float64); ok && (strings.Contains(k, "author") || strings.HasSuffix(k, "user_id") || k == "sender_id" || k == "created_by_id") {
						return float64(424242)
					}
					return v
				}))
				if th == nil || len(th.Messages) != len(base.Messages) {
					t.Errorf("lost messages")
				}
			})
			t.Run("out of order", func(t *testing.T) {
				th := robustRead(t, mutateList(t, spec, func(l []any) []any { slices.Reverse(l); return l }, nil))
				if th == nil || !slices.Equal(ids(th), ids(base)) {
					t.Errorf("reversed list read in another order")
				}
			})
			t.Run("duplicated page", func(t *testing.T) {
				th := robustRead(t, mutateList(t, spec, func(l []any) []any { return append(l, l...) }, nil))
				if th == nil || !slices.Equal(ids(th), ids(base)) {
					t.Errorf("duplicated entries kept twice")
				}
			})
		})
	}
}
