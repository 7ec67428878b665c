// Package textindex holds the small text primitives the offline drafter's
// hot loops share (facts, guard and redact): byte-level work on ASCII text that
// avoids allocating a string per word.
package textindex

// AppendLowerASCII appends s lower-cased to dst and reports true when s
// is ASCII; otherwise it returns dst unchanged and false, and the caller
// lower-cases s its own way (Unicode case folding, accents …).
//
//	AppendLowerASCII(buf[:0], "Friday") → "friday", true
//	AppendLowerASCII(buf[:0], "März")   → "", false
//
// With a stack buffer, m[string(b)] then looks a word up in a map
// without allocating.
func AppendLowerASCII(dst []byte, s string) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return dst, false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}
