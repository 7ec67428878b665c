package source

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tidwall/gjson"
)

// jsonDocCases are bodies where an index could disagree with gjson:
// duplicate keys (gjson keeps looking past a first match whose subpath
// fails), escaped keys, space around the value, arrays, invalid JSON.
var jsonDocCases = []string{
	`{"a":{"c":1},"a":{"b":2},"b":[1,{"x":"y"}]}`,
	`{"comm\u0065nts":[{"author_id":1}],"users":[]}`,
	"  \n{\"ticket\":{\"id\":5,\"requester_id\":7}}\r\n\t",
	`[{"ticket_id":1,"internal":false,"sender":"Customer"}]`,
	`{"comments":[{"author_id":1}],"users":`,
	`{"a":null,"b":true,"c":"x\"y","d":-1.5e3,"e":{}}`,
	"\u00a0{\"a\":1}\u00a0",
	`{"a":1}{"a":2}`,
	`"just a string"`,
	`{"s":"a\u003cb\u00e9\ud83d\ude00\ud800x\udc00\ud800\u0041\n\t\\\/\"\b\f\r","t":"\uD83D\uDE00","u":"\ud83d"}`,
	``,
}

// jsonDocPaths are the paths asked of every case: each member, a member's
// first element and members, and paths gjson reads specially.
func jsonDocPaths(r gjson.Result) []string {
	ps := []string{"missing", "a.b", "a.c", "comments.0.author_id", "b.1.x", "0", "0.ticket_id",
		"b.1", "b.2", "b.01.x", "b.1.x.y", "b.1.", "b.1..x", "b.1.#", "b.1.*", "b.1.x|@this", "b.0.x",
		"comments.0.author.displayName", "comments.1", "values.0.public",
		"#", "*", "a|b", "@this", "a.#", "..a", "a.", ".a", `comm\u0065nts`, "ticket.requester_id"}
	r.ForEach(func(k, v gjson.Result) bool {
		key := k.String()
		ps = append(ps, key, key+".0", key+".#", key+".1", key+".3")
		v.ForEach(func(k2, v2 gjson.Result) bool {
			ps = append(ps, key+"."+k2.String())
			v2.ForEach(func(k3, _ gjson.Result) bool {
				ps = append(ps, key+"."+k2.String()+"."+k3.String())
				return len(ps) < 250
			})
			return len(ps) < 200
		})
		return len(ps) < 200
	})
	return ps
}

// checkJSONDoc asserts that jsonOf and jsonExact answer every path as
// gjson does on the same bytes, with a memo and without.
func checkJSONDoc(t *testing.T, body []byte) {
	t.Helper()
	trimmed := bytes.TrimSpace(body)
	want := gjson.ParseBytes(trimmed)
	memo := File{Name: "x.json", Body: body, memo: &fileMemo{}}
	for _, f := range []File{memo, memo, {Name: "x.json", Body: body}} {
		d := jsonOf(f)
		if d.valid != gjson.ValidBytes(trimmed) {
			t.Fatalf("%q: valid %v, gjson says %v", body, d.valid, !d.valid)
		}
		if e := jsonExact(f); e.valid != gjson.ValidBytes(body) {
			t.Fatalf("%q: exact valid %v, gjson says %v", body, e.valid, !e.valid)
		}
		for _, p := range jsonDocPaths(want) {
			got, exp := d.obj.Get(p), want.Get(p)
			if got.Raw != exp.Raw || got.Type != exp.Type || got.Str != exp.Str || got.Num != exp.Num {
				t.Fatalf("%q: Get(%q) = %#v, gjson gives %#v", body, p, got, exp)
			}
			if !d.valid {
				continue
			}
			items, expItems := validArray(got), exp.Array()
			if len(items) != len(expItems) {
				t.Fatalf("%q: validArray of %q has %d items, gjson %d", body, p, len(items), len(expItems))
			}
			for k, it := range items {
				if e := expItems[k]; it.Raw != e.Raw || it.Type != e.Type || it.Str != e.Str || it.Num != e.Num {
					t.Fatalf("%q: validArray of %q item %d = %#v, gjson gives %#v", body, p, k, it, e)
				}
			}
		}
	}
}

func TestJSONDocMatchesGjson(t *testing.T) {
	for _, c := range jsonDocCases {
		checkJSONDoc(t, []byte(c))
	}
	big := []byte(`{`)
	for i := range 100 { // past indexKeys: looked up through a map
		big = append(big, []byte(`"k`+string(rune('a'+i%26))+string(rune('a'+i/26))+string(rune('0'+i%7))+`":[`+string(rune('0'+i%10))+`],`)...)
	}
	big = append(big, []byte(`"kaa0":"dup"}`)...)
	checkJSONDoc(t, big)
	for _, f := range jsonSeeds(t) {
		checkJSONDoc(t, f)
	}
}

// jsonSeeds are the project's bundled helpdesk responses.
func jsonSeeds(t testing.TB) [][]byte {
	paths, _ := filepath.Glob("../../testdata/tickets/*/*.json")
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func FuzzJSONDoc(f *testing.F) {
	for _, c := range append(jsonDocCases, validCases...) {
		f.Add([]byte(c))
	}
	for _, b := range jsonSeeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkJSONDoc(t, body)
	})
}
