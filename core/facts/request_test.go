package facts

import "testing"

// An agent who writes that they suggested, advised or recommended a step,
// or asked or told the customer to take it, asked the customer: the
// customer is the one who does it. Asking another team to do something
// ("asked them to prioritise the refund") is not asking the customer.
func TestRequestedInPastTense(t *testing.T) {
	for _, c := range []struct {
		agent, kind string
		by          string
	}{
		{"Yesterday I suggested reinstalling the app on the affected phones.", "reinstall", "customer"},
		{"As I advised on Monday, clearing the browser cache should fix the stale dashboard.", "cache", "customer"},
		{"I asked you to reinstall the app from the store.", "reinstall", "customer"},
		{"I reinstalled the connector on our side and asked them to prioritise the fix.", "reinstall", "agent"},
	} {
		th := build("App crashes on login",
			m("c", "Ana", 0, "The app crashes on login since the update."),
			m("a", "Sam", 1, c.agent),
			m("c", "Ana", 2, "Did that, still crashing on login."))
		var found *Attempt
		for i, a := range Extract(th).Attempts {
			if a.Kind == c.kind {
				found = &Extract(th).Attempts[i]
				break
			}
		}
		if found == nil {
			t.Errorf("%q: no %s attempt", c.agent, c.kind)
			continue
		}
		if found.By != c.by {
			t.Errorf("%q: %s done by %q, want %q", c.agent, c.kind, found.By, c.by)
		}
	}
}

// The same in German, Spanish and French, accents or not.
func TestRequestedInPastTenseOtherLanguages(t *testing.T) {
	for _, c := range []struct{ customer, agent, again, kind string }{
		{"Die App stürzt beim Login ab.", "Wie gestern empfohlen: bitte die App neu installieren.", "Neu installiert, stürzt immer noch ab.", "reinstall"},
		{"La app se cierra al iniciar sesión.", "Ayer le sugerí reinstalar la aplicación.", "La reinstalé y sigue cerrándose.", "reinstall"},
		{"L'application plante à la connexion.", "Je vous ai conseillé de vider le cache du navigateur.", "Cache vidé, toujours le même problème.", "cache"},
	} {
		th := build("Login", m("c", "Ana", 0, c.customer), m("a", "Sam", 1, c.agent), m("c", "Ana", 2, c.again))
		var by string
		for _, a := range Extract(th).Attempts {
			if a.Kind == c.kind {
				by = a.By
				break
			}
		}
		if by != "customer" {
			t.Errorf("%q: %s done by %q, want customer", c.agent, c.kind, by)
		}
	}
}
