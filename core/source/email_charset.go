//go:build !nomail

package source

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// decodeCharset turns a body in charset into UTF-8. utf-8 and us-ascii
// pass through; iso-8859-1 (latin-1) and windows-1252 (cp1252, which
// mislabelled latin-1 mail usually is) are decoded here; iso-8859-15 is
// read as cp1252 (they differ in eight rarely used letters). An unknown
// charset passes through when it is valid UTF-8 and is read as cp1252
// otherwise, so text is never dropped.
func decodeCharset(charset string, b []byte) string {
	switch normCharset(charset) {
	case "", "utf8", "usascii", "ascii", "unicode11utf8":
		return string(b)
	case "iso88591", "latin1", "l1", "isoir100", "cp819", "ibm819":
		return decodeLatin1(b)
	case "windows1252", "cp1252", "iso885915", "latin9":
		return decodeCP1252(b)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeCP1252(b)
}

// charsetReader is the mime.WordDecoder hook for encoded header words.
func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	b, err := io.ReadAll(io.LimitReader(input, 1<<20))
	if err != nil {
		return nil, err
	}
	return strings.NewReader(decodeCharset(charset, b)), nil
}

func normCharset(c string) string {
	c = strings.ToLower(strings.TrimSpace(c))
	var b strings.Builder
	for _, r := range c {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func decodeLatin1(b []byte) string {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	for _, c := range b {
		out.WriteRune(rune(c))
	}
	return out.String()
}

func decodeCP1252(b []byte) string {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c >= 0x80 && c <= 0x9f {
			out.WriteRune(cp1252High[c-0x80])
			continue
		}
		out.WriteRune(rune(c))
	}
	return out.String()
}

// cp1252High maps 0x80–0x9F; the five unassigned bytes keep their C1
// code point, as the WHATWG encoding standard does.
var cp1252High = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}
