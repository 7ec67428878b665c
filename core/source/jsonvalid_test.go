package source

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// validCases are bodies on both sides of the grammar's edges, each also
// tried cut short at every byte.
var validCases = []string{
	`{}`, `[]`, ` { } `, `[ ]`, `{"a":1}`, `{"a" : [1, 2.5, -3e+2, 0.0, 1E-9, true, false, null, "x"]}`,
	`"just a string"`, `0`, `-0`, `12`, `01`, `-`, `1.`, `1e`, `1e+`, `.5`, `+1`, `1x`, `tru`, `nul`, `falsey`,
	`{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{"a"}`, `{"a":}`, `{1:2}`, `{"a":1 "b":2}`, `[1 2]`, `{"a":1}}`, `[[1]]]`, `{"a":[}`, `[{]}`,
	`"a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\uD83D\uDE00"`, `"\x"`, `"\u12"`, `"\u12G4"`, "\"a\x01b\"", "\"tab\there\"", "\"\x7f\xff\xfe\"",
	`"0123456789abcdef\"0123456789"`, `"0123456\\"`, `"01234567\"`, "\"0123456789abcdef\x1f\"",
	`{"k":"` + strings.Repeat("long text without escapes ", 20) + `","k2":"` + strings.Repeat(`\u003cp\u003e`, 20) + `"}`,
	strings.Repeat("[", 3000) + strings.Repeat("]", 3000), strings.Repeat(`{"a":`, 500) + "1" + strings.Repeat("}", 500),
	strings.Repeat("[", 10) + strings.Repeat("]", 9), "\t\r\n [1] \r\n", "\u00a0[1]", `[1]x`, `{}{}`, ``, ` `,
}

// TestValidJSONMatchesGjson checks validJSON against gjson.ValidBytes
// (FuzzJSONDoc, seeded with validCases too, checks it on any body).
func TestValidJSONMatchesGjson(t *testing.T) {
	for _, c := range validCases {
		for n := 0; n <= len(c); n++ {
			checkValidJSON(t, []byte(c[:n]))
		}
	}
	for _, b := range jsonSeeds(t) {
		checkValidJSON(t, b)
	}
}

func checkValidJSON(t *testing.T, b []byte) {
	t.Helper()
	if got, want := validJSON(b), gjson.ValidBytes(b); got != want {
		t.Fatalf("validJSON(%.200q) = %v, gjson.ValidBytes says %v", b, got, want)
	}
}
