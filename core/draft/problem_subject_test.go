package draft

import (
	"testing"

	"handoff/core/thread"
)

func TestStripSubjectPrefixes(t *testing.T) {
	for in, want := range map[string]string{
		"[AcmeCloud #48213] Re: Charged twice for annual renewal": "Charged twice for annual renewal",
		"Re: AW: [EXTERNAL] Fwd: Export fails":                    "Export fails",
		"SV: Faktura 2026-114":                                    "Faktura 2026-114",
		"[Urgent]":                                                "[Urgent]",
		"Export fails [since v4.2]":                               "Export fails [since v4.2]",
		"RE: re: Login loop":                                      "Login loop",
	} {
		if got := stripSubjectPrefixes(in); got != want {
			t.Errorf("stripSubjectPrefixes(%q) = %q, want %q", in, got, want)
		}
	}
}

// The problem quotes the customer's sentence that says what goes wrong,
// not the first sentence of context, in any language the drafter reads;
// a non-English subject is added when the sentence does not already say
// it.
func TestCustomerProblem(t *testing.T) {
	for _, c := range []struct {
		name, subject string
		says          []string // customer messages, in order
		want          string
	}{
		{"english, vague subject", "Help!!", []string{"We moved our account to the EU region last week. Since then the nightly export fails with error 502."},
			`Customer reports: "Since then the nightly export fails with error 502."`},
		{"cue in the second customer message", "Frage", []string{"Guten Tag, wir nutzen seit Januar den Team-Tarif für unsere Filialen.", "Seit gestern funktioniert der Login über SSO nicht mehr."},
			`Customer reports (in German): "Seit gestern funktioniert der Login über SSO nicht mehr."`},
		{"spanish subject said by the sentence", "Cobro doble de la factura de marzo", []string{"Hola, nos han cobrado dos veces la factura de marzo de este año y todavía no tenemos respuesta de su equipo."},
			`Customer reports (in Spanish): "Hola, nos han cobrado dos veces la factura de marzo de este año y todavía no tenemos respuesta de su equipo."`},
		{"german subject the sentence does not say", "Doppelte Abbuchung nach Tarifwechsel", []string{"Guten Tag, wir haben am 1. April auf den Team-Tarif gewechselt. So wie ich das sehe, zahlen wir die Monate April bis Oktober doppelt."},
			`Customer reports (in German), subject "Doppelte Abbuchung nach Tarifwechsel": "So wie ich das sehe, zahlen wir die Monate April bis Oktober doppelt."`},
		{"no cue: the first substantive sentence", "Question", []string{"Hi, could you tell me how the annual plan renews for our team?"},
			`Customer reports: "Hi, could you tell me how the annual plan renews for our team?"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			th := &thread.Thread{Ticket: thread.Ticket{Subject: c.subject}}
			for i, s := range c.says {
				th.Messages = append(th.Messages, thread.Message{N: 2*i + 1, Author: thread.Person{Role: thread.Customer}, Visibility: thread.Public, Text: s},
					thread.Message{N: 2*i + 2, Author: thread.Person{Role: thread.Agent}, Visibility: thread.Internal, Text: "Checked the account."})
			}
			got, _ := (&drafter{th: th}).subject()
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
