package facts

import (
	"slices"
	"testing"
	"time"

	"handoff/core/thread"
)

func day(mo time.Month, d int) time.Time { return time.Date(2026, mo, d, 0, 0, 0, 0, time.UTC) }

// Deadlines are dates: a weekday resolves against its message, a written
// date wins for the value, one day stated twice is one deadline, and a
// past day ("since Thursday") is history.
func TestDeadlines(t *testing.T) {
	for _, tc := range []struct {
		name string
		ms   []thread.Message
		want []time.Time
		cite [][]int
	}{
		{"en event by date and weekday", []thread.Message{
			m("c", "Ana", 0, "Since Thursday (Feb 26) the export fails."),
			m("c", "Ana", 24, "We have our quarterly board report on March 16."),
			m("c", "Ana", 7*24, "If this cannot be fixed by Friday the 13th I need to know."),
			m("c", "Ana", 9*24, "Any update? The board report is Monday."),
		}, []time.Time{day(3, 13), day(3, 16)}, [][]int{{3}, {2, 4}}},
		{"de bis and event", []thread.Message{
			m("c", "Jens", 0, "Wir brauchen die Daten bis Freitag."),
			m("c", "Jens", 2, "Die Prüfung ist am 20. März."),
		}, []time.Time{day(3, 6), day(3, 20)}, [][]int{{1}, {2}}},
		{"es plazo", []thread.Message{
			m("c", "Lucía", 0, "El informe para la junta es el lunes."),
			m("c", "Lucía", 1, "Lo necesitamos antes del 15 de marzo."),
		}, []time.Time{day(3, 2), day(3, 15)}, [][]int{{1}, {2}}},
		{"fr échéance", []thread.Message{
			m("c", "Léa", 0, "Notre clôture est le 31 mars, il nous faut une solution d'ici vendredi."),
		}, []time.Time{day(3, 6), day(3, 31)}, [][]int{{1}, {1}}},
		{"agent dates and past dates are not deadlines", []thread.Message{
			m("c", "Ana", 48, "The report failed on 1 March and last Friday."),
			m("a", "Tom", 49, "We will have a fix by Friday."),
		}, nil, nil},
	} {
		f := Extract(build("x", tc.ms...))
		ds := f.Posture.Deadlines
		if len(ds) != len(tc.want) {
			t.Errorf("%s: deadlines %+v, want %v", tc.name, ds, tc.want)
			continue
		}
		for i := range ds {
			if !ds[i].Time.Equal(tc.want[i]) || !slices.Equal(ds[i].Cites, tc.cite[i]) {
				t.Errorf("%s: deadline %d = %s %v, want %s %v", tc.name, i, ds[i].Time.Format("2006-01-02"), ds[i].Cites, tc.want[i].Format("2006-01-02"), tc.cite[i])
			}
		}
	}
}

// A reopening is solved or closed → open; pending → open after a
// customer reply is not one.
func TestReopenings(t *testing.T) {
	th := build("x", m("c", "Ana", 0, "Export fails."), m("a", "Tom", 1, "Try again?"), m("c", "Ana", 2, "Still fails."))
	th.Events = []thread.Event{
		{Kind: thread.StatusChange, From: "pending", To: "open", After: 3},
		{Kind: thread.StatusChange, From: "on-hold", To: "open", After: 3},
		{Kind: thread.StatusChange, From: "solved", To: "open", After: 3},
		{Kind: thread.StatusChange, From: "Geschlossen", To: "offen", After: 3},
		{Kind: thread.StatusChange, From: "Resuelto", To: "Abierto", After: 3},
		{Kind: thread.StatusChange, From: "fermé", To: "ouvert", After: 3},
	}
	if got := len(Extract(th).Timeline.Reopened); got != 4 {
		t.Errorf("reopenings = %d, want 4", got)
	}
}

// Each attempt's outcome comes from the reply's sentence about it, and a
// "works" taken back by the next sentence is partial.
func TestOutcomesPerAttempt(t *testing.T) {
	for _, tc := range []struct {
		lang, ask, reply string
		want             map[string]string
	}{
		{"en", "Could you try a different browser (Firefox or Edge), and export a shorter date range, one week at a time?",
			"Firefox 123: same 502. One week at a time works. But that means five files a month.",
			map[string]string{"browser": Failed, "smaller": Partial}},
		{"en", "Please try another browser and a smaller export.",
			"The smaller export works now, thanks! Firefox still fails though.",
			map[string]string{"browser": Failed, "smaller": Worked}},
		{"de", "Könnten Sie bitte einen anderen Browser testen und einen kürzeren Zeitraum exportieren?",
			"Im anderen Browser der gleiche Fehler. Der kürzere Zeitraum funktioniert, aber nur für eine Woche.",
			map[string]string{"browser": Failed, "smaller": Partial}},
		{"es", "¿Podría probar otro navegador y exportar un rango más corto?",
			"Con otro navegador sigue fallando. El rango más corto funciona.",
			map[string]string{"browser": Failed, "smaller": Worked}},
		{"fr", "Pourriez-vous essayer un autre navigateur et exporter une plage plus courte ?",
			"Autre navigateur : même erreur. La plage plus courte fonctionne mais il faut douze fichiers.",
			map[string]string{"browser": Failed, "smaller": Partial}},
	} {
		f := Extract(build("x", m("c", "C", 0, "Export fails."), m("a", "A", 1, tc.ask), m("c", "C", 2, tc.reply)))
		got := map[string]string{}
		for _, a := range f.Attempts {
			got[a.Kind] = a.Outcome
		}
		for k, want := range tc.want {
			if got[k] != want {
				t.Errorf("%s: %s outcome %q, want %q (all %v)", tc.lang, k, got[k], want, got)
			}
		}
	}
}

// An information request (HAR, screenshot, console log) is asked once and
// its outcome is "provided", never a failure; what the customer sends
// unasked is not an attempt; a macro counts only when its name names an
// attempt, and then joins the request in its message.
func TestInformationRequestsAndMacros(t *testing.T) {
	th := build("x",
		m("c", "Ana", 0, "Export fails with 502."),
		m("a", "Tom", 1, "Could you capture a HAR file while reproducing the error?"),
		m("c", "Ana", 2, "HAR attached, plus a screenshot of the network tab. Still no word on an ETA, still getting 502.", "export.har"),
		m("n", "Tom", 3, "HAR checked: the request never reached the app."),
		m("a", "Tom", 4, "I have raised this with engineering with the HAR file."),
	)
	th.Events = []thread.Event{
		{Kind: thread.MacroApplied, To: "Request HAR file", After: 2},
		{Kind: thread.MacroApplied, To: "Set status pending", After: 5},
	}
	f := Extract(th)
	if len(f.Attempts) != 1 {
		t.Fatalf("attempts = %+v, want the one HAR request", f.Attempts)
	}
	a := f.Attempts[0]
	if a.Kind != "har" || a.Outcome != Provided || a.OutcomeCite != 3 || a.Macro != "Request HAR file" {
		t.Errorf("HAR request = %+v", a)
	}
	if f.Posture.FailedAttempts != 0 {
		t.Errorf("failed = %d, want 0: an information request does not fail", f.Posture.FailedAttempts)
	}
}

// Failed workarounds count distinct attempts: cache cleared three times
// and failing each time is one, cited at each failure.
func TestFailedCountDistinct(t *testing.T) {
	f := Extract(build("x",
		m("c", "Ana", 0, "Export fails with 502."),
		m("a", "Tom", 1, "Please clear your cache."),
		m("c", "Ana", 2, "Cleared the cache, same error."),
		m("a", "Tom", 3, "Please clear your cache again and try another browser."),
		m("c", "Ana", 4, "Cleared cache again and tried Firefox: still getting 502."),
		m("c", "Ana", 5, "Vidé le cache une troisième fois, toujours la même erreur."),
	))
	if f.Posture.FailedAttempts != 2 {
		t.Errorf("failed = %d (%v), want 2 distinct (cache, browser)", f.Posture.FailedAttempts, f.Attempts)
	}
	if !slices.Equal(f.Posture.FailedCites, []int{3, 5, 6}) {
		t.Errorf("failed cites = %v, want [3 5 6]", f.Posture.FailedCites)
	}
}

// Families of actions support takes, in several phrasings and languages,
// each with the reply or note that tells how it went.
func TestActionFamilies(t *testing.T) {
	for _, tc := range []struct {
		name        string
		do, reply   string
		note        bool // do is an internal note
		kind, want  string
		replyByNote bool
	}{
		{"en contact CSM", "Pinged the CSM on Slack twice - no reply.", "", true, "contact", Failed, false},
		{"de contact", "Habe den CSM zweimal kontaktiert, keine Antwort.", "", true, "contact", Failed, false},
		{"en contact pending", "Posted in #support-eng asking whether the timeout can be raised; no answer yet.", "", true, "contact", Unknown, false},
		{"en chase team", "Asked in #sre-incidents about the RCA; still unanswered.", "", true, "contact", Failed, false},
		{"en shared postmortem", "Here are the postmortems for both incidents.", "Thanks, but the postmortems are not what I asked for.", false, "shared", Failed, false},
		{"fr shared", "Voici le rapport d'incident complet.", "Ce n'est pas ce que nous avons demandé, le rapport d'incident ne suffit pas.", false, "shared", Failed, false},
		{"en erasure job", "I've started the erasure via Admin > Privacy.", "Erase job failed: cannot delete person (retention lock).", false, "job", Failed, true},
		{"en manual", "Tried to remove the row from the archive in the UI - the archive is read-only.", "", true, "manual", Failed, false},
		{"es manual", "Intenté eliminar el registro a mano, pero está en solo lectura.", "", true, "manual", Failed, false},
		{"en arrow", `Tried "Recalculate invoice" -> "Invoice already paid".`, "", true, "billing", Failed, false},
		{"en resync", "Could you run a full sync from the integration page?", "Did the full sync, same as before: 50 of 64 lines.", false, "resync", Failed, false},
		{"de regenerate secret", "Bitte generieren Sie das Webhook-Secret einmal neu.", "Secret neu generiert - keine Änderung, weiterhin 401.", false, "reconnect", Failed, false},
		{"fr regenerate key", "Pourriez-vous régénérer la clé API ?", "Clé régénérée, toujours la même erreur.", false, "reconnect", Failed, false},
		{"en upgrade", "Could you upgrade the connector to 3.2.0?", "Upgraded to 3.2.0 on Monday. Same as before.", false, "update", Failed, false},
		{"en credit refused", "I can apply a $250 goodwill credit to your account.", "A credit on an account we are closing is of no use to us.", false, "credit", Failed, false},
		{"en sso path", "Could you try an IdP-initiated login from the Okta dashboard tile?", "The tile gives the same SSO-403.", false, "sso", Failed, false},
		{"en negated worked", "Could you try the dashboard tile login?", "We have not received it and it still fails.", false, "sso", Failed, false},
		{"en works council is no outcome", "Could you clear your cache?", "Our works council asked about this too.", false, "cache", Unknown, false},
	} {
		ms := []thread.Message{m("c", "C", 0, "It fails.")}
		if tc.note {
			ms = append(ms, m("n", "A", 1, tc.do))
		} else {
			ms = append(ms, m("a", "A", 1, tc.do))
		}
		if tc.reply != "" {
			who := "c"
			if tc.replyByNote {
				who = "n"
			}
			ms = append(ms, m(who, "C", 2, tc.reply))
		}
		f := Extract(build("x", ms...))
		var got *Attempt
		for i := range f.Attempts {
			if f.Attempts[i].Kind == tc.kind {
				got = &f.Attempts[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%s: no %s attempt in %+v", tc.name, tc.kind, f.Attempts)
			continue
		}
		if got.Outcome != tc.want {
			t.Errorf("%s: %s outcome %q (%q), want %q", tc.name, tc.kind, got.Outcome, got.OutcomeText, tc.want)
		}
	}
}

// Destinations: a large account weighing a competitor, threatening to
// leave or disputing its SLA goes to leadership; a defect support names
// goes to engineering even when money is mentioned; a refund above the
// agent's limit goes to finance.
func TestDestinationRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		ms   []thread.Message
		want string
	}{
		{"en competitor, 850 seats", []thread.Message{
			m("c", "Marta", 0, "We have 850 seats and our renewal is on 31 December. We are evaluating another vendor and have a demo scheduled with them."),
			m("n", "Raj", 1, "Support can't offer commercial terms. Needs the CSM and leadership."),
		}, "leadership"},
		{"de churn, enterprise plan", []thread.Message{
			m("c", "Jens", 0, "Wir sind im Enterprise plan. Wenn sich nichts ändert, werden wir kündigen."),
			m("n", "Petra", 1, "Das können wir im Support nicht entscheiden, braucht die Geschäftsleitung."),
		}, "leadership"},
		{"en SLA credits after an outage, enterprise account", []thread.Message{
			m("c", "Rachel", 0, "The outage on 4 November breached the SLA. We claim a 25% service credit of $10,500 and the RCA."),
			m("n", "Hugo", 1, "Account is enterprise, needs finance + account leadership; contract interpretation."),
		}, "leadership"},
		{"en integration bug with invoice amounts", []thread.Message{
			m("c", "Dev", 0, "Orders over 50 lines arrive truncated, so invoices of $12,400 go out wrong."),
			m("n", "Grace", 1, "The connector reads only the first page. This is in the connector service code; support can't change it. Needs Integrations engineering."),
		}, "engineering"},
		{"es refund over limit", []thread.Message{
			m("c", "Lucía", 0, "Me cobraron dos veces 1.200,00 € por la factura. Quiero el reembolso."),
			m("n", "Diego", 1, "El reembolso supera mi límite, necesita aprobación de finanzas."),
		}, "finance"},
		{"fr small account churn with a defect", []thread.Message{
			m("c", "Léa", 0, "L'export plante depuis la mise à jour, nous allons résilier."),
			m("n", "Hugo", 1, "Reproduit sur notre compte de test, c'est un bug côté serveur."),
		}, "engineering"},
	} {
		if got := Extract(build("x", tc.ms...)).Category; got.Destination != tc.want {
			t.Errorf("%s: destination %s (%s), want %s", tc.name, got.Destination, got.Reason, tc.want)
		}
	}
}

// Not ready: support's questions are unanswered, or a note says to wait.
func TestNotReady(t *testing.T) {
	for _, tc := range []struct {
		name string
		ms   []thread.Message
		want bool
	}{
		{"en questions never answered", []thread.Message{
			m("c", "Ben", 0, "Reports page is blank. Please fix asap"),
			m("a", "Chloé", 1, "Which report are you opening?\nWhich browser and version are you using?"),
			m("c", "Ben", 2, "Still broken. Can someone actually look at it"),
		}, true},
		{"en questions answered", []thread.Message{
			m("c", "Ben", 0, "Reports page is blank."),
			m("a", "Chloé", 1, "Which report are you opening?\nWhich browser and version are you using?"),
			m("c", "Ben", 2, "The Sales report, in Chrome 131."),
		}, false},
		{"de note says wait", []thread.Message{
			m("c", "Jens", 0, "Die Seite bleibt leer."),
			m("n", "Petra", 1, "Bitte noch nicht eskalieren, wir brauchen erst die Antworten."),
		}, true},
		{"fr asked and the customer sent files", []thread.Message{
			m("c", "Léa", 0, "La page reste blanche."),
			m("a", "Hugo", 1, "Pourriez-vous m'envoyer une capture ?\nQuel navigateur utilisez-vous ?"),
			m("c", "Léa", 2, "Voilà.", "capture.png"),
		}, false},
	} {
		if got := len(Extract(build("x", tc.ms...)).NotReady) > 0; got != tc.want {
			t.Errorf("%s: not ready %v, want %v", tc.name, got, tc.want)
		}
	}
}
