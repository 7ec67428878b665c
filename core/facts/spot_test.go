package facts

import (
	"reflect"
	"strings"
	"testing"
)

// spottedPatterns are every spotted pattern with its name.
var spottedPatterns = map[string]*spotted{
	"version": versionRE, "platform": platformRE, "id": idRE, "prefixID": prefixIDRE,
	"users": usersRE, "plan": planRE, "isoDate": isoDateRE, "numDate": numDateRE,
}

var spotCases = []string{
	"", "Chrome 122.0.6261.112 on Windows 11, ChromeOS and Mac OS X 10.15.7; mac os xbox",
	"Version 6.4.0, v2.1, build 7.7.7.7.7, release1.2, v 3.0x",
	"invoice INV-2041, order #A1234, Rechnung Nr. 55-X, compte: 9x9, account acct_12345678abc",
	"in_1234567890ab ch_abcdefgh12 CUS12-3 PO1 RE-9ABC FAC1234 xINV-22",
	"40 users, 1,200 seats, 3 of our team members, 12+ people, 5 agents",
	"Enterprise plan, the Pro tier, plan Business, forfait Pro, Pro5 plan, pro  plan, Team plans",
	"2026-03-02, 12026-03-02, 2026-03-021, 14.03.2026 and 03/14/2026, 1/2/20266",
	"CHROME 9 e-mail: USERS 40 users_ PLAN pro", "naïve Chrome 1 € 40 users",
	"café—Chrome 12 and é40 users; Business plan — “Pro tier”", "xKonto 12345, \u212aonto 99x, buſineſs plan, ſuite plan",
	"\xffChrome 9\xfe 2026-01-02\xc3", "Mac\u00a0OS X 10", "v\u00f3 versión 2.1 versi\u00f3n 3.4",
}

func checkSpotted(t *testing.T, s string) {
	t.Helper()
	for _, line := range append([]string{s}, strings.Split(s, "\n")...) {
		for name, sp := range spottedPatterns {
			want := sp.re().FindAllStringSubmatchIndex(line, -1)
			for _, lowered := range []string{"", strings.ToLower(line)} {
				c := scan(line)
				if !c.wide {
					c.lowered = lowered
				}
				if got := sp.all(line, &c); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s.all(%q) = %v, the pattern finds %v", name, line, got, want)
				}
			}
		}
	}
}

func TestSpottedMatchesPattern(t *testing.T) {
	for _, s := range spotCases {
		checkSpotted(t, s)
	}
}

// FuzzSpotted asserts that each spotted pattern finds exactly what its
// regular expression finds over the whole line, on any text.
func FuzzSpotted(f *testing.F) {
	for _, s := range spotCases {
		f.Add(s)
	}
	f.Fuzz(checkSpotted)
}
