package source

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Parsing each JSON file once. Every adapter's Detect looks at every file,
// and the chosen adapter then reads them again; each gjson.Get on a whole
// response re-scans it from the start. So a file's body is validated and
// copied once per Read (jsonOf), and the members of an object are indexed
// on first look-up (jsonObj), after which a look-up costs a few string
// compares instead of a scan. Results are those of gjson.Get exactly.

// fileMemo holds what has been worked out about one file during a Read.
// Copies of a File share it; a File without one (a test calling an
// adapter directly) is parsed afresh on each use.
type fileMemo struct {
	parsed bool
	doc    *jsonDoc
}

// jsonDoc is a file body parsed as JSON.
type jsonDoc struct {
	valid bool // gjson.Valid on the body
	obj   jsonObj
}

// withMemos returns a copy of files, each with a fresh memo.
func withMemos(files []File) []File {
	out := make([]File, len(files))
	copy(out, files)
	for i := range out {
		out[i].memo = &fileMemo{}
	}
	return out
}

// jsonOf parses f's body with surrounding space trimmed, as
// gjson.ParseBytes(bytes.TrimSpace(f.Body)) would, and says whether it is
// valid JSON as gjson.ValidBytes would on the trimmed body. An invalid
// body still parses (gjson reads it leniently); a body whose trimmed
// space is not only ASCII space is not memoised, so that callers that
// trim differently see exactly what they did before.
func jsonOf(f File) *jsonDoc {
	if f.memo != nil && f.memo.parsed {
		return f.memo.doc
	}
	b := bytes.TrimSpace(f.Body)
	d := &jsonDoc{valid: validJSON(b)}
	d.obj.r = gjson.ParseBytes(b)
	if !d.valid {
		d.obj.lenient = true
	}
	if f.memo != nil && asciiTrimmed(f.Body, b) {
		f.memo.parsed, f.memo.doc = true, d
	}
	return d
}

// jsonExact is jsonOf for a caller that validates the body untrimmed
// (gjson.ValidBytes(f.Body)): only ASCII space around the value differs,
// and gjson skips that itself.
func jsonExact(f File) *jsonDoc {
	if b := bytes.TrimSpace(f.Body); !asciiTrimmed(f.Body, b) {
		d := &jsonDoc{valid: validJSON(f.Body)}
		d.obj.r = gjson.ParseBytes(f.Body)
		d.obj.lenient = !d.valid
		return d
	}
	return jsonOf(f)
}

// asciiTrimmed reports whether trimmed is body without only the space
// characters gjson itself skips (space, tab, CR, LF).
func asciiTrimmed(body, trimmed []byte) bool {
	if len(trimmed) == 0 {
		return isASCIISpace(body)
	}
	start := len(body) - len(bytes.TrimLeft(body, " \t\r\n"))
	end := len(bytes.TrimRight(body, " \t\r\n"))
	return start < end && len(trimmed) == end-start && &body[start] == &trimmed[0]
}

func isASCIISpace(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r\n")) == 0
}

// jsonObj answers gjson look-ups on r, indexing r's members on the first
// look-up when r is a valid JSON object.
type jsonObj struct {
	r       gjson.Result
	lenient bool // r may be invalid JSON: always ask gjson
	indexed bool
	members []member
	dups    []string // keys seen more than once: asked of gjson
	byKey   map[string]int
}

// getter is what the adapters' predicates need of a JSON value: a
// gjson.Result or a *jsonObj.
type getter interface {
	Get(path string) gjson.Result
	IsObject() bool
	IsArray() bool
}

// objOf wraps an object or array already known to come from valid JSON.
func objOf(r gjson.Result) *jsonObj { return &jsonObj{r: r} }

// Get is r.Get(path).
func (o *jsonObj) Get(path string) gjson.Result {
	key, rest, ok := plainHead(path)
	if !ok || o.lenient || !o.r.IsObject() {
		return o.r.Get(path)
	}
	if !o.indexed {
		o.index()
	}
	for _, d := range o.dups {
		if d == key {
			return o.r.Get(path)
		}
	}
	i := o.find(key)
	if i < 0 {
		return gjson.Result{}
	}
	raw := o.members[i].raw
	if rest == "" {
		return parseValue(raw)
	}
	if n, after, ok := indexHead(rest); ok && raw[0] == '[' {
		elem, found := arrayElem(raw, n)
		switch {
		case !found:
			return gjson.Result{}
		case after == "":
			return parseValue(elem)
		}
		return gjson.Get(elem, after)
	}
	return gjson.Get(raw, rest)
}

// validArray is r.Array() for a value taken from valid JSON: an array's
// elements are found by skipValue instead of parsed one by one by gjson,
// each Result as gjson gives it (its Index aside). Anything other than an
// array is r.Array().
func validArray(r gjson.Result) []gjson.Result {
	s := r.Raw
	if r.Type != gjson.JSON || len(s) == 0 || s[0] != '[' {
		return r.Array()
	}
	var out []gjson.Result
	for i := 1; ; {
		start, end, ok := arrayNext(s, i)
		if !ok {
			return out
		}
		out = append(out, parseValue(s[start:end]))
		i = end
	}
}

// indexHead splits a path "0.author.name" into an array index and a rest
// of plain keys and indexes. ok is false for any other path, which gjson
// reads whole: "#", "01", wildcards, escapes, queries, modifiers.
func indexHead(path string) (n int, rest string, ok bool) {
	i := 0
	for i < len(path) && i < 9 && path[i] >= '0' && path[i] <= '9' {
		n = n*10 + int(path[i]-'0')
		i++
	}
	switch {
	case i == 0 || i > 1 && path[0] == '0':
		return 0, "", false
	case i == len(path):
		return n, "", true
	case path[i] != '.':
		return 0, "", false
	}
	rest = path[i+1:]
	for j := 0; j < len(rest); j++ {
		c := rest[j]
		plain := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
		if !plain && (c != '.' || j == 0 || j == len(rest)-1 || rest[j-1] == '.') {
			return 0, "", false
		}
	}
	return n, rest, rest != ""
}

// arrayElem returns element n of the valid JSON array s, skipping the
// elements before it without parsing them.
func arrayElem(s string, n int) (string, bool) {
	for k, i := 0, 1; ; k++ {
		start, end, ok := arrayNext(s, i)
		if !ok {
			return "", false
		}
		if k == n {
			return s[start:end], true
		}
		i = end
	}
}

// arrayNext returns the bounds of the next element of the valid JSON array
// s from index i (after its '[' or an element); ok is false at its end.
func arrayNext(s string, i int) (start, end int, ok bool) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ',') {
		i++
	}
	if i >= len(s) || s[i] == ']' {
		return i, i, false
	}
	return i, skipValue(s, i), true
}

// IsArray is r.IsArray().
func (o *jsonObj) IsArray() bool { return o.r.IsArray() }

// IsObject is r.IsObject().
func (o *jsonObj) IsObject() bool { return o.r.IsObject() }

// Array is r.Array().
func (o *jsonObj) Array() []gjson.Result { return o.r.Array() }

func (o *jsonObj) find(key string) int {
	if o.byKey != nil {
		if i, ok := o.byKey[key]; ok {
			return i
		}
		return -1
	}
	for i, m := range o.members {
		if m.key == key {
			return i
		}
	}
	return -1
}

// indexKeys is the member count above which find uses a map (API
// objects have a few dozen members; comparing that many keys is cheaper
// than building a map per object).
const indexKeys = 64

// member is one key and its raw value.
type member struct{ key, raw string }

// index records r's members. Values are kept raw, so that only the
// strings looked up are unescaped (gjson's ForEach unescapes them all).
func (o *jsonObj) index() {
	o.indexed = true
	o.members = make([]member, 0, 16) // API objects: a dozen or two members
	scanObject(o.r.Raw, func(k, v string) {
		if strings.IndexByte(k, '\\') >= 0 {
			k = gjson.Parse(k).Str
		} else {
			k = k[1 : len(k)-1]
		}
		if o.find(k) >= 0 {
			o.dups = append(o.dups, k)
			return
		}
		o.members = append(o.members, member{k, v})
		if o.byKey != nil {
			o.byKey[k] = len(o.members) - 1
		} else if len(o.members) > indexKeys {
			o.byKey = make(map[string]int, 2*indexKeys)
			for i, m := range o.members {
				o.byKey[m.key] = i
			}
		}
	})
}

// scanObject calls fn with each member of the valid JSON object s: its
// key (quoted, as written) and its raw value.
func scanObject(s string, fn func(key, val string)) {
	i := strings.IndexByte(s, '{') + 1
	if i == 0 {
		return
	}
	for i < len(s) {
		for i < len(s) && s[i] != '"' {
			if s[i] == '}' {
				return
			}
			i++
		}
		if i >= len(s) {
			return
		}
		k := i
		i = skipString(s, i)
		key := s[k:min(i, len(s))]
		for i < len(s) && s[i] != ':' {
			i++
		}
		for i++; i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'); i++ {
		}
		if i >= len(s) {
			return
		}
		v := i
		i = skipValue(s, i)
		fn(key, s[v:i])
	}
}

// skipString returns the index after the string starting at s[i] == '"'.
func skipString(s string, i int) int {
	for i++; i < len(s); {
		j := strings.IndexByte(s[i:], '"')
		if j < 0 {
			return len(s)
		}
		i += j
		bs := 0
		for b := i - 1; b >= 0 && s[b] == '\\'; b-- {
			bs++
		}
		i++
		if bs%2 == 0 {
			return i
		}
	}
	return len(s)
}

// skipValue returns the index after the value starting at s[i].
func skipValue(s string, i int) int {
	switch s[i] {
	case '"':
		return skipString(s, i)
	case '{', '[':
		depth := 0
		for i < len(s) {
			switch s[i] {
			case '"':
				i = skipString(s, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return len(s)
	}
	for i < len(s) && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
		i++
	}
	return i
}

// plainHead splits a gjson path whose first component is a plain key
// (letters, digits, '_' or '-') into that key and the rest of the path.
// Any other path (wildcards, escapes, queries, modifiers) is not split.
func plainHead(path string) (key, rest string, ok bool) {
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-':
		case c == '.' && i > 0 && i < len(path)-1:
			return path[:i], path[i+1:], true
		default:
			return "", "", false
		}
	}
	return path, "", path != ""
}

// parseValue is gjson.Parse(raw) for a value taken from valid JSON, with
// strings unescaped by jsonUnescape.
func parseValue(raw string) gjson.Result {
	if len(raw) < 2 || raw[0] != '"' {
		return gjson.Parse(raw)
	}
	str, ok := jsonUnescape(raw[1 : len(raw)-1])
	if !ok {
		return gjson.Parse(raw)
	}
	return gjson.Result{Type: gjson.String, Raw: raw, Str: str}
}

// jsonUnescape decodes the inside of a valid JSON string as gjson does
// (a lone UTF-16 surrogate becomes U+FFFD), copying the runs between
// escapes whole and reading \u escapes without strconv. ok is false for
// an escape valid JSON cannot hold.
func jsonUnescape(s string) (string, bool) {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i >= 0 {
		b = append(b, s[:i]...)
		s = s[i:]
		if len(s) < 2 {
			return "", false
		}
		n := 2
		switch s[1] {
		case '\\', '/', '"':
			b = append(b, s[1])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(s[2:])
			if !ok {
				return "", false
			}
			n = 6
			if r >= 0xD800 && r < 0xDC00 && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
				if r2, ok := hex4(s[8:]); ok && r2 >= 0xDC00 && r2 < 0xE000 {
					r = utf16.DecodeRune(r, r2)
					n = 12
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
		s = s[n:]
		i = strings.IndexByte(s, '\\')
	}
	return string(append(b, s...)), true
}

// hex4 reads four hex digits.
func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
