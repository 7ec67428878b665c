package source

import (
	"encoding/binary"
	"math/bits"
)

// validJSON reports whether b is one JSON value with optional space (space,
// tab, CR, LF) around it — the JSON grammar, as gjson.ValidBytes reads it:
// strings are not checked for valid UTF-8, nesting has no limit. It is
// that check made faster for the large responses every Read validates:
// strings, most of a helpdesk response, are skipped eight bytes at a time,
// and containers are tracked on a stack instead of by recursion.
//
//	validJSON([]byte(` {"a":[1,"x"]} `)) // true
//	validJSON([]byte(`{"a":01}`))        // false
func validJSON(b []byte) bool {
	var stack []byte // the open containers, '{' or '['
	i := skipJSONSpace(b, 0)
	for {
		// A value starts at i.
		if i >= len(b) {
			return false
		}
		ok := true
		switch c := b[i]; c {
		case '{', '[':
			end := byte('}')
			if c == '[' {
				end = ']'
			}
			if j := skipJSONSpace(b, i+1); j < len(b) && b[j] == end {
				i = j + 1
				break
			}
			stack = append(stack, c)
			if i, ok = nextMember(b, i+1, c); !ok {
				return false
			}
			continue
		case '"':
			i, ok = validString(b, i+1)
		case 't':
			i, ok = validLiteral(b, i, "true")
		case 'f':
			i, ok = validLiteral(b, i, "false")
		case 'n':
			i, ok = validLiteral(b, i, "null")
		default:
			i, ok = validNumber(b, i)
		}
		if !ok {
			return false
		}
		// After a value: close containers until a comma or the end.
		for {
			i = skipJSONSpace(b, i)
			if len(stack) == 0 {
				return i == len(b)
			}
			if i >= len(b) {
				return false
			}
			top := stack[len(stack)-1]
			if b[i] == ',' {
				if i, ok = nextMember(b, i+1, top); !ok {
					return false
				}
				break
			}
			if top == '{' && b[i] != '}' || top == '[' && b[i] != ']' {
				return false
			}
			stack = stack[:len(stack)-1]
			i++
		}
	}
}

// nextMember reads what precedes a value of the container c from b[i]:
// space, and in an object a key and a colon. It returns the index of the
// value.
func nextMember(b []byte, i int, c byte) (int, bool) {
	if c == '{' {
		return validMemberKey(b, i)
	}
	return skipJSONSpace(b, i), true
}

// validMemberKey reads space, a key string, space and a colon from b[i],
// and returns the index of the value's first non-space byte.
func validMemberKey(b []byte, i int) (int, bool) {
	i = skipJSONSpace(b, i)
	if i >= len(b) || b[i] != '"' {
		return i, false
	}
	i, ok := validString(b, i+1)
	if !ok {
		return i, false
	}
	i = skipJSONSpace(b, i)
	if i >= len(b) || b[i] != ':' {
		return i, false
	}
	return skipJSONSpace(b, i+1), true
}

// skipJSONSpace returns the index of the first byte at or after i that is
// not JSON space.
func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// SWAR constants: a byte of ones repeated, its high bits.
const (
	ones8  = 0x0101010101010101
	highs8 = 0x8080808080808080
)

// validString reads the rest of a string whose opening quote is before
// b[i] and returns the index after its closing quote. Control characters
// and escapes other than \" \\ \/ \b \f \n \r \t \uXXXX are invalid.
func validString(b []byte, i int) (int, bool) {
	for {
		// Eight bytes at a time up to the first quote, backslash or
		// control character. (The lowest flagged byte of the mask is
		// exact; flags above it may be false.)
		for i+8 <= len(b) {
			x := binary.LittleEndian.Uint64(b[i:])
			q, bs := x^(ones8*'"'), x^(ones8*'\\')
			if m := ((x-ones8*0x20)&^x | (q-ones8)&^q | (bs-ones8)&^bs) & highs8; m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		if i >= len(b) {
			return i, false
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1, true
		case c < 0x20:
			return i, false
		case c == '\\':
			if i+1 >= len(b) {
				return i, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
					return i, false
				}
				i += 6
			default:
				return i, false
			}
		default:
			i++
		}
	}
}

// validLiteral reads word (true, false or null) at b[i].
func validLiteral(b []byte, i int, word string) (int, bool) {
	if len(b)-i < len(word) || string(b[i:i+len(word)]) != word {
		return i, false
	}
	return i + len(word), true
}

// validNumber reads a number at b[i]: an optional minus, 0 or digits
// without a leading zero, an optional fraction and exponent.
func validNumber(b []byte, i int) (int, bool) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b) || b[i] < '0' || b[i] > '9':
		return i, false
	case b[i] == '0':
		i++
	default:
		i = skipDigits(b, i)
	}
	if i < len(b) && b[i] == '.' {
		if i++; i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, false
		}
		i = skipDigits(b, i)
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		if i++; i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return i, false
		}
		i = skipDigits(b, i)
	}
	return i, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func skipDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}
