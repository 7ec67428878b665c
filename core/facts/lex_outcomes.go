package facts

// Outcome phrases, read in the messages after an attempt. They are checked
// in the order partial, failed, worked, so "it works now but only for
// admins" is partial, "still not working now" and "funktioniert nicht" are
// failed. A bare "works" is read by bareWorked (attempts.go).
var outcomeTable = []Phrase{
	{Partial, "en", []string{"worked but", "works but", "working but", "helped but", "fixed ~ but", "that worked, but", "works ~ but", "worked ~ but", "working ~ but", "only for", "only works", "only worked", "partially", "partly", "some of them", "for some users", "intermittent*", "sometimes works", "better but"}},
	{Partial, "de", []string{"funktioniert ~ aber", "hat geholfen ~ aber", "nur fur", "nur bei", "teilweise", "manchmal"}},
	{Partial, "es", []string{"funciona ~ pero", "funciono ~ pero", "solo para", "solo con", "parcialmente", "a veces"}},
	{Partial, "fr", []string{"fonctionne ~ mais", "marche ~ mais", "seulement pour", "uniquement pour", "partiellement", "parfois"}},

	{Failed, "en", []string{"still getting", "still get", "still seeing", "still see", "still happening", "still happens", "still fail*", "still broken", "still not", "still doesn't", "still does not", "still can't", "still cannot", "still unable", "still no", "still the same", "still have the", "still having", "same error", "same issue", "same problem", "same result", "same thing", "same message", "same 5*", "same 4*", "still 4*", "still 5*", "again 4*", "again 5*", "didn't help", "did not help", "didn't work", "did not work", "doesn't work", "does not work", "didn't fix", "did not fix", "didn't change", "did not change", "didn't make a difference", "no difference", "no luck", "no change", "changed nothing", "did nothing", "failed", "fails", "not received", "haven't received", "have not received", "not heard back", "haven't heard", "no reply", "no answer", "no response", "still unanswered", "not answered", "not what i asked", "not what we asked", "not what we need", "not what i need", "of no use", "no use to us", "useless", "not acceptable", "unacceptable", "same as before", "gives the same", "get the same", "gets the same", "shows the same", "returns the same", "read-only", "no option to", "not possible", "isn't possible", "not allowed", "greyed out", "grayed out", "was rejected", "was refused", "was denied", "had no effect", "nothing works", "never worked", "hasn't worked", "has not worked", "haven't worked", "won't work", "isn't working", "is not working", "no longer works", "stopped working", "nothing changed", "made no difference", "not working", "not fixed", "without success", "unsuccessful", "to no avail", "fails again", "failed again", "happened again", "persists", "keeps failing", "no joy", "neither worked", "none of", "no dice", "not resolved", "isn't resolved"}},
	{Failed, "de", []string{"weiterhin", "immer noch", "nach wie vor", "hat nicht geholfen", "half nicht", "hilft nicht", "hat nicht funktioniert", "funktioniert nicht", "klappt nicht", "hat nicht geklappt", "gleiche fehler", "gleichen fehler", "derselbe fehler", "denselben fehler", "selbe fehler", "selben fehler", "gleiche problem", "weiterhin 4*", "weiterhin 5*", "ohne erfolg", "leider nicht", "keine anderung", "nichts geandert", "fehlgeschlagen", "schlagt fehl", "nicht erhalten", "keine antwort", "keine reaktion", "nicht moglich", "schreibgeschutzt", "nutzlos", "bringt uns nichts", "nicht akzeptabel", "besteht weiterhin"}},
	{Failed, "es", []string{"sigue sin", "sigue igual", "sigue fallando", "sigue dando", "sigue apareciendo", "todavia no", "aun no", "mismo error", "mismo problema", "no funciono", "no ha funcionado", "no funciona", "no sirvio", "no ha servido", "no ayudo", "sin exito", "sin cambios", "fallo", "falla", "no hemos recibido", "sin respuesta", "no es posible", "solo lectura", "no nos sirve", "inaceptable", "no es lo que", "nada cambio", "persiste"}},
	{Failed, "fr", []string{"toujours", "meme erreur", "meme probleme", "n'a pas fonctionne", "n'a pas marche", "ne marche pas", "ne fonctionne pas", "n'a rien change", "sans succes", "aucun changement", "echoue", "echec", "pas recu", "pas de reponse", "aucune reponse", "pas possible", "lecture seule", "ne nous sert a rien", "inacceptable", "ce n'est pas ce que", "pas mieux", "persiste", "ne fonctionne plus", "ne marche plus"}},

	{Worked, "en", []string{"that fixed it", "fixed it", "that did it", "did the trick", "works now", "working now", "it worked", "that worked", "works again", "working again", "all good now", "problem solved", "issue solved", "resolved now", "is resolved", "that solved", "solved it", "went through", "can log in now", "can now log in", "i'm in", "back to normal", "received it", "got it now"}},
	{Worked, "de", []string{"funktioniert jetzt", "funktioniert wieder", "hat funktioniert", "hat geklappt", "klappt jetzt", "klappt wieder", "geht wieder", "geht jetzt", "problem gelost", "ist gelost"}},
	{Worked, "es", []string{"ya funciona", "ahora funciona", "funciono", "ha funcionado", "vuelve a funcionar", "solucionado", "resuelto", "ya puedo"}},
	{Worked, "fr", []string{"ca marche", "ca fonctionne", "fonctionne maintenant", "fonctionne a nouveau", "a marche", "a fonctionne", "c'est resolu", "probleme resolu", "je peux maintenant"}},
}

// workedWords report success on their own when they end a clause: "one
// week at a time works (…)", "der kürzere Zeitraum funktioniert." — not
// "works council".
var workedWords = map[string]bool{"works": true, "worked": true, "funktioniert": true, "klappt": true, "funciona": true, "fonctionne": true, "marche": true}

// clauseFillers may follow a bare "works" in the same clause.
var clauseFillers = map[string]bool{"fine": true, "now": true, "again": true, "well": true, "perfectly": true, "great": true, "ok": true, "okay": true,
	"correctly": true, "for": true, "with": true, "when": true, "if": true, "as": true, "but": true, "though": true,
	"jetzt": true, "wieder": true, "gut": true, "aber": true, "bien": true, "ahora": true, "pero": true, "mais": true, "maintenant": true}

// negators before a worked phrase take it back: "we have not received
// it", "hat nicht geklappt".
var negators = map[string]bool{"not": true, "no": true, "never": true, "nicht": true, "nie": true, "kein": true, "nunca": true, "pas": true, "jamais": true}

// pendingWords after "no reply" or "no answer" make it a wait, not a
// failure: "no answer yet", "keine Antwort bisher".
var pendingWords = map[string]bool{"yet": true, "so": true, "bisher": true, "noch": true, "todavia": true, "aun": true, "encore": true, "pour": true}
