package facts

// Evidence kinds for the bug-or-configuration question.
const (
	ForBug    = "bug"
	ForConfig = "config"
)

// evidenceTable holds phrases that point to a defect in the product or to
// a configuration of the customer's account. Internal notes and agent
// replies count as much as customer messages.
var evidenceTable = []Phrase{
	{ForBug, "en", []string{"reproduced", "can reproduce", "able to reproduce", "reproduce it on", "test account", "same error on", "same error in", "same on ~ browser*", "every browser", "all browsers", "any browser", "all devices", "every device", "other customers", "several customers", "multiple customers", "another customer", "other tickets", "similar tickets", "also affects", "everyone in", "all users", "all our users", "known bug", "known issue", "regression", "since the update", "after the update", "since the release", "after the release", "since the last update", "stack trace", "server error", "internal server error", "timeout", "timed out"}},
	{ForBug, "de", []string{"reproduziert", "reproduzierbar", "testkonto", "allen browsern", "jedem browser", "allen geraten", "andere kunden", "mehrere kunden", "alle benutzer", "alle nutzer", "seit dem update", "nach dem update", "bekannter fehler", "serverfehler", "zeituberschreitung"}},
	{ForBug, "es", []string{"reproducido", "reproducir", "cuenta de prueba", "todos los navegadores", "todos los dispositivos", "otros clientes", "varios clientes", "todos los usuarios", "desde la actualizacion", "despues de la actualizacion", "error conocido", "error del servidor", "tiempo de espera"}},
	{ForBug, "fr", []string{"reproduit", "compte de test", "tous les navigateurs", "tous les appareils", "d'autres clients", "plusieurs clients", "tous les utilisateurs", "depuis la mise a jour", "apres la mise a jour", "bug connu", "erreur serveur", "delai d'attente"}},

	{ForConfig, "en", []string{"works for ~ but not", "works for me but", "only for one user", "only one user", "only for some users", "only some users", "only me", "just me", "only happens for", "only affects", "only on ~ account", "other users ~ fine", "colleagues ~ fine", "colleague ~ works", "changed ~ setting*", "setting was changed", "recently changed", "configuration", "misconfigur*", "permission*", "role", "sso", "saml", "idp", "identity provider", "okta", "azure ad", "custom domain", "dns", "firewall", "proxy", "can't reproduce", "cannot reproduce", "couldn't reproduce", "could not reproduce", "unable to reproduce", "works on our", "works fine for us"}},
	{ForConfig, "de", []string{"nur bei mir", "nur bei einem", "nur fur einen", "bei kollegen funktioniert", "einstellung* ~ geandert", "konfiguration", "berechtigung*", "rolle", "nicht reproduzierbar", "nicht reproduzieren", "firewall", "proxy"}},
	{ForConfig, "es", []string{"solo a mi", "solo para un usuario", "solo a un usuario", "a otros usuarios ~ funciona", "cambi* ~ configuracion", "configuracion", "permisos", "rol", "no podemos reproducir", "no pudimos reproducir", "firewall", "proxy"}},
	{ForConfig, "fr", []string{"seulement pour moi", "seulement pour un utilisateur", "uniquement pour", "chez mes collegues ~ fonctionne", "modifi* ~ parametre*", "configuration", "droits", "role", "impossible de reproduire", "pas pu reproduire", "pare-feu", "proxy"}},
}

// categoryTable holds phrases that point to the kind of ticket when the
// blockers and entities leave it open.
var categoryTable = []Phrase{
	{"billing", "en", []string{"invoice*", "billing", "billed", "charged", "charge*", "refund*", "payment*", "credit card", "subscription", "overcharg*", "double charg*", "charged twice", "receipt", "vat", "pricing"}},
	{"billing", "de", []string{"rechnung*", "abbuchung", "abgebucht", "zahlung*", "erstattung", "ruckerstattung", "doppelt ~ abgebucht", "lastschrift", "abonnement"}},
	{"billing", "es", []string{"factura*", "cobro*", "cobrado", "cargo*", "reembolso", "pago*", "suscripcion", "cobrado dos veces"}},
	{"billing", "fr", []string{"facture*", "facturation", "prelevement", "debite", "paiement*", "remboursement", "abonnement"}},

	{"access", "en", []string{"locked out", "can't log in", "cannot log in", "can't login", "unable to log in", "can't sign in", "cannot sign in", "login", "log in", "sign in", "2fa", "mfa", "two-factor", "password", "sso", "saml", "access denied", "account locked"}},
	{"access", "de", []string{"ausgesperrt", "kann mich nicht anmelden", "anmeldung", "login", "passwort", "konto gesperrt", "zugang"}},
	{"access", "es", []string{"no puedo iniciar sesion", "no puedo entrar", "bloqueada", "bloqueado", "inicio de sesion", "contrasena", "acceso denegado"}},
	{"access", "fr", []string{"impossible de me connecter", "je ne peux pas me connecter", "bloque", "connexion", "mot de passe", "acces refuse"}},

	{"complaint", "en", []string{"complaint", "complain*", "unacceptable", "disappointed", "poor service", "terrible", "worst", "ridiculous", "not happy", "by design", "working as intended", "expected behavior", "expected behaviour", "feature request", "doesn't make sense", "why does"}},
	{"complaint", "de", []string{"beschwerde", "inakzeptabel", "enttauscht", "unzumutbar", "so gewollt"}},
	{"complaint", "es", []string{"queja", "reclamacion", "inaceptable", "decepcionado", "decepcionada"}},
	{"complaint", "fr", []string{"plainte", "reclamation", "inacceptable", "decu", "decue"}},
}

// accountTable: "large" marks an enterprise or key account, "contract" an
// SLA, service-credit or outage dispute (read in customer messages).
var accountTable = []Phrase{
	{"large", "en", []string{"enterprise account", "account is enterprise", "enterprise customer", "enterprise plan", "enterprise contract", "arr", "key account", "strategic account", "top account"}},
	{"large", "de", []string{"enterprise-kunde", "grosskunde", "schlusselkunde", "strategischer kunde", "enterprise-vertrag"}},
	{"large", "es", []string{"cuenta enterprise", "cuenta estrategica", "cliente estrategico", "gran cuenta", "cuenta clave"}},
	{"large", "fr", []string{"grand compte", "compte strategique", "compte cle", "client strategique"}},
	{"contract", "en", []string{"sla", "service credit*", "sla credit*", "uptime", "outage", "root cause analysis", "rca"}},
	{"contract", "de", []string{"sla", "ausfall", "verfugbarkeit", "servicegutschrift*", "ursachenanalyse"}},
	{"contract", "es", []string{"sla", "credito* de servicio", "caida del servicio", "interrupcion del servicio", "analisis de causa"}},
	{"contract", "fr", []string{"sla", "credit* de service", "panne", "indisponibilite", "analyse des causes"}},
}
