package facts

// Blocker kinds: what support lacks to resolve the ticket itself.
const (
	NeedsCode      = "code"      // a code fix or engineering investigation
	NeedsAccess    = "access"    // admin, database, log or production access
	NeedsAuthority = "authority" // an amount or decision above support's limit
	NeedsPolicy    = "policy"    // an exception to a written policy
	NeedsSecurity  = "security"  // account takeover, SSO/SAML, data exposure
	NeedsOther     = "other"     // support says it cannot, without naming what it lacks
)

// blockerLabels are the English phrases the drafter writes per kind.
var blockerLabels = map[string]string{
	NeedsCode:      "needs an engineering investigation or code fix",
	NeedsAccess:    "needs access support does not have",
	NeedsAuthority: "needs a decision above support's authority",
	NeedsPolicy:    "needs a policy exception",
	NeedsSecurity:  "needs the security team",
	NeedsOther:     "support states it cannot resolve this",
}

var blockerTable = []Phrase{
	{NeedsCode, "en", []string{"known bug", "known issue", "a bug", "is a bug", "looks like a bug", "needs a fix", "need a fix", "needs a code", "code fix", "hotfix", "patch", "escalat* to engineering", "escalat* to the dev*", "escalat* to tier 2", "escalat* to tier 3", "engineering team", "dev team", "developers", "can't reproduce", "cannot reproduce", "couldn't reproduce", "could not reproduce", "unable to reproduce", "able to reproduce", "can reproduce", "reproduced it", "reproduced the", "backend", "back-end", "server side", "server-side", "server error", "logs show", "stack trace", "regression", "root cause", "jira", "bug report", "product team", "on our end", "on our side", "needs ~ engineering", "need ~ engineering", "escalat* to ~ engineering", "escalat* ~ to ~ engineers", "escalating to ~ engineering", "raising with ~ engineering", "raising with ~ team", "raised ~ with ~ team", "service code", "in the code", "platform engineers", "are engineering", "is engineering", "engineering fix", "product answer", "needs data platform", "data platform"}},
	{NeedsCode, "de", []string{"bekannter fehler", "bekanntes problem", "ein bug", "ist ein fehler", "fehlerbehebung", "entwicklung", "entwickler*", "technik*", "an die technik", "nicht reproduzier*", "konnte ~ reproduzier*", "reproduzier*", "serverfehler", "serverseitig", "backend", "an ~ entwicklung ~ weitergeleitet", "braucht ~ entwicklung", "im code"}},
	{NeedsCode, "es", []string{"error conocido", "problema conocido", "es un bug", "un bug", "necesita una correccion", "equipo de desarrollo", "ingenieria", "desarrolladores", "no podemos reproducir", "no pude reproducir", "reproduc*", "error del servidor", "lado del servidor", "backend"}},
	{NeedsCode, "fr", []string{"bug connu", "probleme connu", "c'est un bug", "un bug", "correctif", "equipe technique", "equipe de developpement", "developpeurs", "ingenierie", "impossible de reproduire", "pas pu reproduire", "reproduit*", "reproduire", "erreur serveur", "cote serveur", "backend"}},

	{NeedsAccess, "en", []string{"don't have access", "do not have access", "don't have permission", "do not have permission", "no access to", "without access", "need* access to", "database access", "admin access", "production access", "can't see the logs", "cannot see the logs", "can't see ~ logs", "cannot see ~ logs", "can't see ~ logs from support", "can't access", "cannot access the", "only engineering can", "only the dev*", "outside my access", "not visible to support", "support can't see", "we can't see", "nothing i can see", "can't see from here", "cannot see from here", "no database access", "only a backend job"}},
	{NeedsAccess, "de", []string{"keinen zugriff", "keine berechtigung", "keine rechte", "kein zugang", "zugriff auf die datenbank", "nur die entwicklung"}},
	{NeedsAccess, "es", []string{"no tengo acceso", "no tenemos acceso", "sin acceso", "no tengo permiso", "acceso a la base de datos"}},
	{NeedsAccess, "fr", []string{"pas acces", "pas d'acces", "n'ai pas acces", "n'avons pas acces", "pas les droits", "pas la permission", "acces a la base"}},

	{NeedsAuthority, "en", []string{"above my limit", "over my limit", "beyond my limit", "exceeds my", "above the limit", "over the limit", "need* approval", "requires approval", "require approval", "approval from", "sign-off", "sign off", "signoff", "manager approval", "finance approval", "finance team", "can only refund up to", "only approve", "authorized to", "authorised to", "not authorized", "not authorised", "my authority", "refund limit", "credit limit", "needs finance", "over my ~ limit", "above my ~ limit", "exceeds my ~ limit", "approval limit", "go to finance", "goes to finance", "commercial terms", "commit ~ roadmap", "needs ~ leadership", "account leadership", "our leadership", "senior call", "contract interpretation", "interpret* ~ contract"}},
	{NeedsAuthority, "de", []string{"uber meinem limit", "uber meinem ~ limit", "freigabegrenze", "geschaftsleitung", "kaufmannische* ~ bedingungen", "uber meiner grenze", "genehmigung", "freigabe", "freigeben", "nicht befugt", "buchhaltung", "finanzabteilung"}},
	{NeedsAuthority, "es", []string{"por encima de mi limite", "limite de aprobacion", "direccion", "condiciones comerciales", "supera mi limite", "aprobacion", "autorizacion", "no estoy autorizado", "equipo de finanzas", "contabilidad"}},
	{NeedsAuthority, "fr", []string{"au-dessus de ma limite", "plafond", "direction", "conditions commerciales", "depasse ma limite", "approbation", "validation", "autorisation", "pas autorise", "service financier", "comptabilite", "equipe finance"}},

	{NeedsPolicy, "en", []string{"outside ~ policy", "against ~ policy", "our policy", "refund policy", "policy exception", "an exception", "make an exception", "exception to", "outside the refund window", "past the refund window", "not eligible", "non-refundable", "terms of service"}},
	{NeedsPolicy, "de", []string{"richtlinie*", "ausnahme", "nicht erstattungsfahig", "agb", "erstattungsfrist"}},
	{NeedsPolicy, "es", []string{"politica de reembolso", "nuestra politica", "fuera de la politica", "una excepcion", "excepcion", "no es reembolsable", "terminos y condiciones"}},
	{NeedsPolicy, "fr", []string{"politique de remboursement", "notre politique", "hors politique", "une exception", "exception", "non remboursable", "conditions generales"}},

	{NeedsSecurity, "en", []string{"account takeover", "compromised", "hacked", "unauthori* access", "unauthori* login*", "suspicious login*", "phishing", "data exposure", "data leak", "exposed", "breach", "saml", "sso", "single sign-on", "identity provider", "idp", "okta", "azure ad", "entra", "security team"}},
	{NeedsSecurity, "de", []string{"kompromittiert", "gehackt", "unbefugte*", "verdachtig* anmeld*", "datenleck", "datenpanne", "sicherheitsteam"}},
	{NeedsSecurity, "es", []string{"comprometida", "hackeada", "hackeado", "acceso no autorizado", "fuga de datos", "equipo de seguridad"}},
	{NeedsSecurity, "fr", []string{"compromis", "pirate", "acces non autorise", "fuite de donnees", "equipe securite", "equipe de securite"}},
}

// inabilityTable: support saying it cannot resolve this, whatever the
// reason. Such a sentence is the strongest evidence for a blocker; alone
// it joins the blocker the thread shows most.
var inabilityTable = []Phrase{
	{"cannot", "en", []string{"support can't", "support cannot", "nothing more support can", "nothing support can", "nothing more ~ can do", "nothing i can", "nothing we can", "not something i can", "not something we can", "not support's call", "not our call", "not my call", "aren't mine to", "isn't mine to", "not mine to", "can't approve", "cannot approve", "out of our hands", "beyond what support", "can't change it", "cannot change it", "i can't enable", "can't do from support"}},
	{"cannot", "de", []string{"darf ich nicht", "nicht meine entscheidung", "konnen wir nicht", "kann ich nicht", "nicht in unserer hand", "liegt nicht bei uns", "nichts mehr tun", "kann der support nicht", "konnen wir im support nicht"}},
	{"cannot", "es", []string{"no me corresponde", "no puedo aprobar", "no podemos hacer", "no puedo hacer", "nada mas ~ podemos", "fuera de nuestro alcance", "no depende de nosotros", "soporte no puede"}},
	{"cannot", "fr", []string{"ne m'appartient pas", "je ne peux pas approuver", "nous ne pouvons pas", "je ne peux pas", "rien de plus", "hors de notre portee", "ne depend pas de nous", "le support ne peut pas"}},
}
