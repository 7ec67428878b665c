package facts

import (
	"slices"
	"strings"
	"time"
)

// Event words: a date in the same customer sentence is when something the
// customer must meet happens ("our board report is on March 16", "die
// Prüfung ist am Montag"), so it is a deadline even without "by". Each
// maps to its English name for the note.
var eventWords = map[string]string{
	"board": "board", "report": "report", "meeting": "meeting", "audit": "audit", "launch": "launch", "go-live": "go-live",
	"golive": "go-live", "renewal": "renewal", "payroll": "payroll", "presentation": "presentation",
	"closing": "close", "filing": "filing", "deadline": "deadline", "cutover": "cutover", "migration": "migration",
	"release": "release", "event": "event", "demo": "demo", "inspection": "inspection", "hearing": "hearing",
	"bericht": "report", "termin": "appointment", "frist": "deadline", "sitzung": "meeting", "prufung": "audit",
	"abschluss": "close", "jahresabschluss": "year-end close", "lohnabrechnung": "payroll", "vorstand": "board",
	"informe": "report", "reunion": "meeting", "auditoria": "audit", "lanzamiento": "launch", "cierre": "close",
	"plazo": "deadline", "nomina": "payroll", "junta": "board", "entrega": "delivery",
	"rapport": "report", "lancement": "launch", "cloture": "close", "echeance": "deadline",
	"paie": "payroll", "conseil": "board", "livraison": "delivery", "soutenance": "presentation",
}

// deadlines returns what the customer must meet and when, soonest first:
// dates stated as deadlines ("by 20 October", "bis Freitag") and dates
// in a customer sentence naming an event ("the board report is Monday").
// A weekday is resolved against the message's date (the next such day);
// the same day stated twice is one deadline citing both messages, and a
// date written out wins over a weekday for its Value. Dates before the
// message that states them are history, not deadlines.
func deadlines(ms []*msg) []Entity {
	var out []Entity
	add := func(e Entity, m *msg, relative bool) {
		if !m.at.IsZero() && e.Time.Before(day0(m.at)) {
			return
		}
		for i := range out {
			if out[i].Time.Equal(e.Time) {
				out[i].Cites = addCite(out[i].Cites, m.n)
				if out[i].Label == "" {
					out[i].Label = e.Label
				}
				out[i].Event = out[i].Event || e.Event
				if relative && !out[i].relative {
					return
				}
				if !relative && out[i].relative {
					out[i].Value, out[i].relative = e.Value, false
				}
				return
			}
		}
		e.Kind, e.Cites, e.relative = KindDeadline, []int{m.n}, relative
		out = append(out, e)
	}
	var scratch [][2]int // word spans, reused sentence to sentence
	for _, m := range ms {
		if !m.fromCustomer() || m.internal || absent(m) {
			continue
		}
		for i := range m.sents {
			s := &m.sents[i]
			if !mayDate(s.ws) {
				continue
			}
			event := eventOf(s.ws)
			var stated []time.Time
			low := "" // s.low is s.text lower-cased when it folds in place
			if foldsInPlace(s.text) {
				low = s.low
			}
			for _, d := range datesWith(s.text, low, m.at, &scratch) {
				stated = append(stated, d.Time)
				if d.Kind == KindDeadline || event != "" {
					d.Label, d.Event = event, d.Kind != KindDeadline
					add(d, m, isRelative(d.Value))
				}
			}
			if event == "" || m.at.IsZero() {
				continue
			}
			// "The board report is Monday": a weekday with an event.
			for j, w := range s.ws {
				if wd, ok := weekdays[w]; ok && len(w) > 3 && !pastBefore(s.ws, j) {
					t := day0(m.at).AddDate(0, 0, (int(wd)-int(m.at.Weekday())+7)%7)
					if slices.ContainsFunc(stated, t.Equal) {
						continue // "by Friday": read above, a date to act by
					}
					add(Entity{Value: w, Time: t, Label: event, Event: true}, m, true)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Entity) int { return a.Time.Compare(b.Time) })
	// An event happens once: its name stays on its latest date, and an
	// earlier date naming it ("fixed by Friday so I can plan the board
	// report") is the date to act by.
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[i].Label != "" && out[j].Label == out[i].Label {
				out[i].Label = ""
			}
		}
	}
	return out
}

// pastWords before a weekday make it a past day ("since Thursday").
var pastWords = map[string]bool{"since": true, "last": true, "seit": true, "letzten": true, "letzte": true, "vergangenen": true,
	"desde": true, "pasado": true, "depuis": true, "dernier": true}

// pastBefore reports a past word among the two words before ws[j].
func pastBefore(ws []string, j int) bool {
	for k := max(0, j-2); k < j; k++ {
		if pastWords[ws[k]] {
			return true
		}
	}
	return false
}

// eventOf names the events a sentence mentions, in English, in order
// ("board report"); "" when none.
func eventOf(ws []string) string {
	var names []string
	for _, w := range ws {
		if n, ok := eventWords[w]; ok && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) > 2 {
		names = names[:2]
	}
	return strings.Join(names, " ")
}

// isRelative reports a date written as a weekday or a relative day.
func isRelative(v string) bool {
	for _, w := range words(fold(v)) {
		if _, ok := weekdays[w]; ok {
			return true
		}
		if _, ok := relDays[w]; ok {
			return true
		}
	}
	return false
}

func day0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// absenceLex finds an out-of-office reply, whose dates are the sender's
// absence, not a deadline.
var absenceLex = lazyLex([]Phrase{
	{"away", "en", []string{"out of the office", "out of office", "on leave", "on vacation", "on holiday", "automatic reply", "auto-reply", "limited access to email"}},
	{"away", "de", []string{"nicht im buro", "abwesend", "im urlaub", "automatische antwort"}},
	{"away", "es", []string{"fuera de la oficina", "de vacaciones", "respuesta automatica"}},
	{"away", "fr", []string{"absent du bureau", "en conge", "en vacances", "reponse automatique"}},
})

func absent(m *msg) bool {
	for _, s := range m.sents {
		if absenceLex().has(s.ws, "") {
			return true
		}
	}
	return false
}

// mayDate reports whether words can hold a date: a number, or a weekday
// or relative day name.
func mayDate(ws []string) bool {
	for _, w := range ws {
		if w != "" && isDigit(w[0]) {
			return true
		}
		if _, ok := weekdays[w]; ok {
			return true
		}
		if _, ok := relDays[w]; ok {
			return true
		}
	}
	return false
}
