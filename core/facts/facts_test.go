package facts

import (
	"reflect"
	"testing"
	"time"
)

func attemptOf(f *Facts, kind string) []Attempt {
	var out []Attempt
	for _, a := range f.Attempts {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	return out
}

func blockerOf(f *Facts, kind string) *Blocker {
	for i := range f.Blockers {
		if f.Blockers[i].Kind == kind {
			return &f.Blockers[i]
		}
	}
	return nil
}

func entityOf(f *Facts, kind, value string) *Entity {
	for i := range f.Entities {
		if f.Entities[i].Kind == kind && f.Entities[i].Value == value {
			return &f.Entities[i]
		}
	}
	return nil
}

func exportThread() *Facts {
	th := build("Export broken",
		m("c", "Ana Ruiz", 0, "CSV export of the Sales report fails with HTTP 502 since this morning. 40 users are affected and we need it by Friday for the board."),
		m("a", "Tom", 2, "Sorry about that. Could you clear your browser cache and log out and back in, then try again?"),
		m("c", "Ana Ruiz", 5, "I cleared the cache and logged out and back in. Same 502 on export. I also tried Firefox, same error."),
		m("a", "Tom", 6, "Thanks. Could you send us a HAR file of the failing export?"),
		m("c", "Ana Ruiz", 8, "Attached.", "export.har"),
		m("n", "Tom", 9, "Reproduced on our test account: logs show a server error on the export worker. Escalating to engineering."),
		m("c", "Ana Ruiz", 50, "Any update? We are considering cancelling our subscription."),
		m("c", "Ana Ruiz", 74, "Is there a workaround for the board report?"),
	)
	return Extract(th)
}

func TestAttemptsEnglish(t *testing.T) {
	f := exportThread()
	for _, tc := range []struct {
		kind    string
		by      string
		cites   []int
		outcome string
		cite    int
	}{
		{"cache", "customer", []int{2, 3}, Failed, 3},
		{"relogin", "customer", []int{2, 3}, Failed, 3},
		{"browser", "customer", []int{3}, Failed, 3},
		{"har", "customer", []int{4}, Provided, 5},
	} {
		as := attemptOf(f, tc.kind)
		if len(as) != 1 {
			t.Fatalf("%s: %d attempts, want 1: %+v", tc.kind, len(as), f.Attempts)
		}
		a := as[0]
		if a.By != tc.by || !reflect.DeepEqual(a.Cites, tc.cites) || a.Outcome != tc.outcome || a.OutcomeCite != tc.cite {
			t.Errorf("%s: got by=%s cites=%v outcome=%s@%d, want %s %v %s@%d", tc.kind, a.By, a.Cites, a.Outcome, a.OutcomeCite, tc.by, tc.cites, tc.outcome, tc.cite)
		}
	}
	if a := attemptOf(f, "cache")[0]; a.Detail != "502" {
		t.Errorf("cache detail = %q, want 502", a.Detail)
	}
	if f.Posture.FailedAttempts != 3 {
		t.Errorf("failed attempts = %d, want 3", f.Posture.FailedAttempts)
	}
}

func TestBlockersCategoryTimeline(t *testing.T) {
	f := exportThread()
	b := blockerOf(f, NeedsCode)
	if b == nil || !reflect.DeepEqual(b.Cites, []int{6}) || !b.Internal {
		t.Fatalf("code blocker = %+v, want cites [6] internal", b)
	}
	if f.Category.Kind != CatBug || f.Category.Destination != "engineering" {
		t.Errorf("category = %+v", f.Category)
	}
	tl := f.Timeline
	if tl.FirstResponseCite != 2 || !reflect.DeepEqual(tl.Agents, []string{"Tom"}) || tl.OpenedBy != "Ana Ruiz" {
		t.Errorf("timeline = %+v", tl)
	}
	// #5 got no public reply: the customer has waited since then.
	if tl.DaysOpen != 3 || tl.WaitingCite != 5 || tl.WaitingDays != 2 {
		t.Errorf("days open %d, waiting %d since #%d; want 3, 2, #5", tl.DaysOpen, tl.WaitingDays, tl.WaitingCite)
	}
}

func TestEntitiesAndPosture(t *testing.T) {
	f := exportThread()
	if e := entityOf(f, KindError, "502"); e == nil || !reflect.DeepEqual(e.Cites, []int{1, 3}) {
		t.Errorf("502 = %+v", e)
	}
	if e := entityOf(f, KindUsers, "40 users"); e == nil || e.Amount != 40 {
		t.Errorf("users = %+v", e)
	}
	d := entityOf(f, KindDeadline, "by Friday")
	if d == nil || !d.Time.Equal(time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("deadline = %+v", d)
	}
	p := f.Posture
	if !reflect.DeepEqual(p.FollowUps, []int{7, 8}) || !reflect.DeepEqual(p.ETAAsks, []int{7}) {
		t.Errorf("follow-ups %v, eta %v; want [7 8], [7]", p.FollowUps, p.ETAAsks)
	}
	if len(p.Signals) != 1 || p.Signals[0].Kind != SignalChurn || p.Signals[0].Cites[0] != 7 {
		t.Errorf("signals = %+v", p.Signals)
	}
	if len(p.Unanswered) != 2 || p.Unanswered[1].Cite != 8 {
		t.Errorf("unanswered = %+v", p.Unanswered)
	}
}

func TestMultilingual(t *testing.T) {
	de := Extract(build("Export",
		m("c", "Jonas", 0, "Seit dem Update auf Version 4.2 erhalte ich beim Export Fehler 500. Den Cache habe ich schon geleert, weiterhin derselbe Fehler."),
		m("a", "Petra", 3, "Könnten Sie bitte einen anderen Browser versuchen?"),
		m("c", "Jonas", 6, "Im anderen Browser leider immer noch."),
		m("n", "Petra", 7, "Bekannter Fehler, die Entwicklung muss das beheben."),
	))
	es := Extract(build("Cobro doble",
		m("c", "Lucía", 0, "Me cobraron dos veces 1.200,00 € por la factura FAC-2024-118."),
		m("a", "Diego", 4, "He reenviado la factura a su correo."),
		m("c", "Lucía", 8, "Sigue sin llegar y el cargo doble sigue ahí. Si no se resuelve haré un contracargo."),
		m("n", "Diego", 9, "El reembolso supera mi límite, necesito aprobación del equipo de finanzas."),
	))
	fr := Extract(build("SSO",
		m("c", "Claire", 0, "Depuis le changement de notre fournisseur d'identité Okta, la connexion SSO échoue avec l'erreur \"SAML response invalid\"."),
		m("a", "Hugo", 2, "Pourriez-vous vider le cache et essayer en navigation privée ?"),
		m("c", "Claire", 5, "J'ai vidé le cache et essayé en navigation privée : toujours la même erreur."),
		m("n", "Hugo", 6, "Pas d'accès à la configuration SAML du client, il faut l'équipe sécurité."),
	))
	check := func(name string, f *Facts, kind, outcome string, cite int) {
		t.Helper()
		as := attemptOf(f, kind)
		if len(as) == 0 || as[0].Outcome != outcome || as[0].OutcomeCite != cite {
			t.Errorf("%s %s: %+v, want %s@%d", name, kind, as, outcome, cite)
		}
	}
	check("de", de, "cache", Failed, 1)
	check("de", de, "browser", Failed, 3)
	check("es", es, "resend", Failed, 3)
	check("fr", fr, "cache", Failed, 3)
	check("fr", fr, "incognito", Failed, 3)
	if b := blockerOf(de, NeedsCode); b == nil || b.Cites[0] != 4 {
		t.Errorf("de code blocker = %+v", b)
	}
	if e := entityOf(de, KindVersion, "4.2"); e == nil {
		t.Errorf("de version 4.2 missing: %+v", de.Entities)
	}
	if b := blockerOf(es, NeedsAuthority); b == nil || b.Cites[0] != 4 {
		t.Errorf("es authority blocker = %+v", b)
	}
	if e := entityOf(es, KindAmount, "1.200,00 €"); e == nil || e.Amount != 1200 || e.Currency != "EUR" {
		t.Errorf("es amount = %+v (%+v)", e, es.Entities)
	}
	if es.Category.Kind != CatBilling || es.Category.Destination != "finance" {
		t.Errorf("es category = %+v", es.Category)
	}
	if len(es.Posture.Signals) == 0 || es.Posture.Signals[0].Kind != SignalChargeback {
		t.Errorf("es signals = %+v", es.Posture.Signals)
	}
	if fr.Category.Destination != "security" {
		t.Errorf("fr category = %+v", fr.Category)
	}
	if e := entityOf(fr, KindError, "SAML response invalid"); e == nil {
		t.Errorf("fr quoted error missing: %+v", fr.Entities)
	}
}

func TestOutcomesPartialWorkedRepeated(t *testing.T) {
	f := Extract(build("Sync",
		m("c", "Sam", 0, "Calendar sync stopped."),
		m("a", "Lee", 1, "Please reconnect the integration from Settings."),
		m("c", "Sam", 2, "Reconnected the integration, it works now but only for my own calendar."),
		m("a", "Lee", 3, "Could you reconnect the integration once more after restarting the app?"),
		m("c", "Sam", 4, "That fixed it, thanks."),
		m("a", "Lee", 5, "Please also try a different network when you can."),
	))
	rc := attemptOf(f, "reconnect")
	if len(rc) != 2 || rc[0].Outcome != Partial || rc[0].OutcomeCite != 3 || rc[1].Outcome != Worked || rc[1].OutcomeCite != 5 {
		t.Errorf("reconnect = %+v", rc)
	}
	if n := attemptOf(f, "network"); len(n) != 1 || n[0].Outcome != Unknown {
		t.Errorf("network = %+v", n)
	}
}

func TestAgentActionAndNegation(t *testing.T) {
	f := Extract(build("2FA",
		m("c", "Kim", 0, "Lost my phone, locked out. I haven't tried reinstalling the authenticator."),
		m("a", "Ola", 1, "I've reset your 2FA, you can enrol again."),
		m("c", "Kim", 2, "I'm in, thanks!"),
	))
	if r := attemptOf(f, "reinstall"); len(r) != 0 {
		t.Errorf("negated reinstall counted: %+v", r)
	}
	a := attemptOf(f, "2fa")
	if len(a) != 1 || a[0].By != "agent" || a[0].Outcome != Worked || a[0].OutcomeCite != 3 {
		t.Errorf("2fa = %+v", a)
	}
}

func TestNumber(t *testing.T) {
	for in, want := range map[string]float64{"$1,200.00": 1200, "1.200,00 €": 1200, "EUR 99": 99, "1,200": 1200, "€12,5": 12.5, "$0": 0} {
		if got := number(in); got != want {
			t.Errorf("number(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestDates(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct {
		in, kind string
		want     time.Time
	}{
		{"We need it by Friday.", KindDeadline, time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)},
		{"Renewal is on 14 March 2026.", KindDate, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)},
		{"Deadline is March 20.", KindDeadline, time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)},
		{"Wir brauchen es bis Freitag.", KindDeadline, time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)},
		{"Lo necesitamos antes del 15 de marzo.", KindDeadline, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)},
		{"Facture du 12.02.2026", KindDate, time.Date(2026, 2, 12, 0, 0, 0, 0, time.UTC)},
		{"due 2026-04-01", KindDeadline, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)},
		{"Le rapport est prévu le 16 mars.", KindDate, time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)},
		{"Abgabe bis zum 14. März 2027", KindDeadline, time.Date(2027, 3, 14, 0, 0, 0, 0, time.UTC)},
		{"we have 14 users and 3 admins", KindDate, time.Time{}},
		{"renewal on the 21st March, then", KindDate, time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC)},
		{"Board meeting: March 16th, 2026.", KindDate, time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)},
		{"la fecha límite es el 2 de abril de 2026", KindDeadline, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)},
		{"logged 28 Oct 15:02 UTC", KindDate, time.Date(2026, 10, 28, 0, 0, 0, 0, time.UTC)},
		{"il faut que ce soit fait d'ici vendredi", KindDeadline, time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)},
		{"lo necesito para el lunes", KindDeadline, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)},
	} {
		if tc.want.IsZero() {
			if ds := dates(tc.in, at); len(ds) != 0 {
				t.Errorf("dates(%q) = %+v, want none", tc.in, ds)
			}
			continue
		}
		ds := dates(tc.in, at)
		if len(ds) != 1 || ds[0].Kind != tc.kind || !ds[0].Time.Equal(tc.want) {
			t.Errorf("dates(%q) = %+v, want %s %s", tc.in, ds, tc.kind, tc.want.Format("2006-01-02"))
		}
	}
}

func TestEmptyAndNil(t *testing.T) {
	for _, f := range []*Facts{Extract(nil), Extract(build("x"))} {
		if len(f.Attempts) != 0 || f.Category.Destination == "" {
			t.Errorf("empty thread facts = %+v", f)
		}
	}
}
