package draft

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handoff/core/internal/testenv"
	"handoff/core/note"
	"handoff/core/thread"
)

var _ = testenv.DefineUpdate()

var base = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func m(who, name string, hours int, text string, files ...string) thread.Message {
	msg := thread.Message{Author: thread.Person{Name: name, Role: thread.Customer}, Visibility: thread.Public, At: base.Add(time.Duration(hours) * time.Hour), Text: text, Attachments: files}
	switch who {
	case "a":
		msg.Author.Role = thread.Agent
	case "n":
		msg.Author.Role = thread.Agent
		msg.Visibility = thread.Internal
	}
	return msg
}

func build(id, subject, org string, ms ...thread.Message) *thread.Thread {
	th := &thread.Thread{Source: "test", Ticket: thread.Ticket{ID: id, Subject: subject, Organization: org}, Messages: ms, Complete: true}
	thread.Normalize(th)
	return th
}

// cases are threads in en, de, es and fr, one per kind of escalation.
var cases = map[string]*thread.Thread{
	"en-export-502": build("101", "CSV export of Sales report fails", "Northwind",
		m("c", "Ana Ruiz", 0, "CSV export of the Sales report fails with HTTP 502 since this morning. 40 users are affected and we need it by Friday for the board."),
		m("a", "Tom", 2, "Could you clear your browser cache and log out and back in, then try again?"),
		m("c", "Ana Ruiz", 5, "I cleared the cache and logged out and back in. Same 502 on export. I also tried Firefox, same error."),
		m("a", "Tom", 6, "Thanks. Could you send us a HAR file of the failing export?"),
		m("c", "Ana Ruiz", 8, "Attached.", "export.har"),
		m("n", "Priya", 9, "Reproduced on our test account: logs show a server error on the export worker. Escalating to engineering."),
		m("c", "Ana Ruiz", 50, "Any update? We are considering cancelling our subscription."),
	),
	"de-webhook": build("102", "Webhook liefert Fehler 500 seit Update", "Müller GmbH",
		m("c", "Jonas Weber", 0, "Seit dem Update auf Version 4.2 erhalten wir bei jedem Webhook Fehler 500. Den Cache habe ich schon geleert, weiterhin derselbe Fehler."),
		m("a", "Petra", 3, "Könnten Sie bitte einen anderen Browser versuchen?"),
		m("c", "Jonas Weber", 6, "Im anderen Browser leider immer noch derselbe Fehler 500."),
		m("n", "Petra", 7, "Bekannter Fehler seit 4.2, die Entwicklung muss das beheben."),
	),
	"es-double-charge": build("103", "Cobro doble en la factura FAC-2024-118", "Tienda Sol",
		m("c", "Lucía Gómez", 0, "Me cobraron dos veces 1.200,00 € por la factura FAC-2024-118."),
		m("a", "Diego", 4, "He reenviado la factura a su correo."),
		m("c", "Lucía Gómez", 8, "Sigue sin llegar y el cargo doble sigue ahí. Si no se resuelve haré un contracargo."),
		m("n", "Diego", 9, "El reembolso supera mi límite, necesito aprobación del equipo de finanzas."),
	),
	"fr-sso": build("104", "Connexion SSO impossible après changement Okta", "Atelier Bleu",
		m("c", "Claire Martin", 0, "Depuis le changement de notre fournisseur d'identité Okta, la connexion SSO échoue avec l'erreur \"SAML response invalid\" pour 25 utilisateurs."),
		m("a", "Hugo", 2, "Pourriez-vous vider le cache et essayer en navigation privée ?"),
		m("c", "Claire Martin", 5, "J'ai vidé le cache et essayé en navigation privée : toujours la même erreur."),
		m("n", "Hugo", 6, "Pas d'accès à la configuration SAML du client, il faut l'équipe sécurité."),
	),
	"en-not-ready": build("105", "Help", "",
		m("c", "Sam", 0, "The dashboard looks different today, is that expected?"),
		m("a", "Lee", 1, "Could you send a screenshot of what you see?"),
	),
}

func TestGolden(t *testing.T) {
	for name, th := range cases {
		t.Run(name, func(t *testing.T) {
			n, err := Offline(th, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(n, "", "  ")
			testenv.Golden(t, filepath.Join("testdata", name+".json.golden"), got)
			md, err := note.Render(n, "md")
			if err != nil {
				t.Fatal(err)
			}
			testenv.Golden(t, filepath.Join("testdata", name+".md.golden"), []byte(md))
			for _, f := range n.Findings {
				if f.Severity == note.Block && !(f.Section == note.Blocker && !n.Ready) {
					t.Errorf("block finding: %+v", f)
				}
			}
		})
	}
}

func TestReadiness(t *testing.T) {
	for name, want := range map[string]bool{"en-export-502": true, "de-webhook": true, "es-double-charge": true, "fr-sso": true, "en-not-ready": false} {
		n, err := Offline(cases[name], Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n.Ready != want {
			t.Errorf("%s: ready = %v, want %v; findings %+v", name, n.Ready, want, n.Findings)
		}
	}
}

func TestDestinations(t *testing.T) {
	for name, want := range map[string]string{"en-export-502": "engineering", "de-webhook": "engineering", "es-double-charge": "finance", "fr-sso": "security"} {
		n, _ := Offline(cases[name], Options{})
		if n.Destination != want {
			t.Errorf("%s: destination %s, want %s", name, n.Destination, want)
		}
	}
	n, err := Offline(cases["en-export-502"], Options{Destination: "leadership"})
	if err != nil || n.Section(note.Impact) == nil || n.Section(note.Environment) != nil {
		t.Errorf("leadership sections wrong: %v %+v", err, n)
	}
	if _, err := Offline(cases["en-export-502"], Options{Destination: "marketing"}); err == nil {
		t.Error("unknown destination accepted")
	}
	if _, err := Offline(nil, Options{}); err == nil {
		t.Error("nil thread accepted")
	}
}

func TestTriedAndHypothesis(t *testing.T) {
	n, _ := Offline(cases["en-export-502"], Options{})
	tried := n.Section(note.Tried).Text
	for _, want := range []string{"Cleared cache/cookies and logged out and back in (#2, #3) → still failing with HTTP 502 (#3)", "HAR file requested (#4) → provided (#5)"} {
		if !strings.Contains(tried, want) {
			t.Errorf("tried lacks %q:\n%s", want, tried)
		}
	}
	h := n.Section(note.Hypothesis).Text
	if !strings.HasPrefix(h, "We suspect a server-side problem") || !strings.Contains(h, "ruled out") || !strings.Contains(h, "first move: check") {
		t.Errorf("hypothesis = %s", h)
	}
}

func TestDeterministicID(t *testing.T) {
	a, _ := Offline(cases["fr-sso"], Options{})
	b, _ := Offline(cases["fr-sso"], Options{})
	c, _ := Offline(cases["de-webhook"], Options{})
	if a.ID != b.ID || a.ID == c.ID || !strings.HasPrefix(a.ID, "hn_") {
		t.Errorf("ids %s %s %s", a.ID, b.ID, c.ID)
	}
}

func TestWarmLeavesDraftsAlone(t *testing.T) {
	th := cases["en-export-502"]
	before, err := Offline(th, Options{})
	if err != nil {
		t.Fatal(err)
	}
	Warm()
	after, _ := Offline(th, Options{})
	if note.Markdown(before) != note.Markdown(after) {
		t.Fatal("Warm changed a later draft")
	}
}

// For leadership, a thread whose customer tied the failures to cancelling
// is suspected to put the account at risk; the same thread for
// engineering keeps a technical hypothesis.
func TestAccountAtRiskHypothesis(t *testing.T) {
	th := cases["en-export-502"]
	for dest, want := range map[string]bool{"leadership": true, "engineering": false} {
		n, err := Offline(th, Options{Destination: dest})
		if err != nil {
			t.Fatal(err)
		}
		h := n.Section("hypothesis").Text
		if got := strings.Contains(h, "account itself is at risk") && strings.Contains(h, "cancelling or not renewing (#7)"); got != want {
			t.Errorf("%s: %q", dest, h)
		}
	}
}
