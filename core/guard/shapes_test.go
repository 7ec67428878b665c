package guard

import "testing"

var shapeSeeds = []string{
	"card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00",
	"key sk_live_abcdefghijklmnop1234 and ghp_abcdefghijklmnopqrstuvwxyz0123456789",
	"AKIAABCDEFGHIJKLMNOP xoxb-1234567890-abc AIzaSyA1234567890abcdefghijklmnopqrstuv",
	"Authorization: BeArEr abcdefghijklmnop.qrs eyJhbGciOi.eyJzdWIiOi.abcdefghij",
	"-----BEGIN RSA PRIVATE KEY----- a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s",
	"Export fails with HTTP 502 since 2 March (#1)",
	"Password: hunter2, PASSWORT ist: x1, contraseña es abc, mot de passe = z, API-Key=k, TOKEN: t, PIN=1, mdp: q, PWD=9",
	"Kennwort lautet: abc; kennwort: \u212aey; clave: 1; \u017fecret = 2",
}

// TestShapesNecessary checks on the seeds that the byte scan never rules
// out a text a secret pattern matches (FuzzShapes does so on any text).
func TestShapesNecessary(t *testing.T) {
	for _, s := range shapeSeeds {
		checkShapes(t, s)
	}
}

func FuzzShapes(f *testing.F) {
	for _, s := range shapeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkShapes)
}

func checkShapes(t *testing.T, s string) {
	sh := shapesOf(s)
	if reCard().MatchString(s) && sh.digits < 13 {
		t.Fatalf("%q: card pattern matches, %d digits", s, sh.digits)
	}
	if reIBAN().MatchString(s) && !sh.iban {
		t.Fatalf("%q: IBAN pattern matches, scan says none", s)
	}
	if reLongTok().MatchString(s) && !sh.longRun {
		t.Fatalf("%q: long token matches, scan says none", s)
	}
	for _, p := range secretPatterns {
		if p.re().MatchString(s) && (!mayHold(s, p.need) || p.need == nil && !sh.bearer) {
			t.Fatalf("%q: %s matches, prefilter says none", s, p.what)
		}
	}
	if rePassword().MatchString(s) && !mayPassword(s) {
		t.Fatalf("%q: password pattern matches, prefilter says none", s)
	}
}
