package facts

// Attempt kinds: what support tried or asked the customer to try. Each
// kind has an English label the drafter writes and patterns in en, de,
// es and fr. Phrases describe the action, so they match requests ("could
// you clear your cache"), reports ("I cleared the cache") and agent
// actions ("I've reset your 2FA") alike; who did it comes from the
// message and the request markers below.
var attemptLabels = map[string]string{
	"cache":       "Cleared cache/cookies",
	"relogin":     "Logged out and back in",
	"reinstall":   "Reinstalled the app",
	"update":      "Updated to a newer version",
	"rollback":    "Rolled back to an earlier version",
	"restart":     "Restarted the app or device",
	"password":    "Reset the password",
	"2fa":         "Reset two-factor authentication",
	"resend":      "Resent the invoice or e-mail",
	"credit":      "Applied a credit or refund",
	"setting":     "Changed a setting",
	"browser":     "Tried another browser",
	"device":      "Tried another device",
	"network":     "Tried another network",
	"incognito":   "Tried a private/incognito window",
	"extensions":  "Disabled browser extensions",
	"reconnect":   "Reconnected the integration or renewed its key",
	"smaller":     "Tried a smaller range or file",
	"retry":       "Retried the operation",
	"resync":      "Re-ran a sync or reindex",
	"billing":     "Voided, recalculated or reissued a charge",
	"sso":         "Tried the other SSO login path",
	"contact":     "Asked another team or the CSM",
	"shared":      "Shared postmortems, documentation or a form",
	"manual":      "Tried to change it by hand in the admin tools",
	"job":         "Ran an admin job or tool",
	"permissions": "Checked roles and permissions",
	"har":         "HAR file requested",
	"console":     "Browser console log requested",
	"screenshot":  "Screenshots requested",
	"macro":       "Macro sent",
}

// infoKinds are requests for information: their outcome is whether the
// customer provided it, not whether it fixed anything.
var infoKinds = map[string]bool{"har": true, "console": true, "screenshot": true}

var attemptTable = []Phrase{
	{"cache", "en", []string{"clear* ~ cache*", "clear* ~ cookie*", "delet* ~ cookie*", "delet* ~ cache", "empt* ~ cache", "cache ~ clear*", "cookies ~ clear*", "hard refresh", "hard reload"}},
	{"cache", "de", []string{"cache ~ leer*", "cache ~ geleert", "cache ~ losch*", "cache ~ geloscht", "cookies ~ losch*", "cookies ~ geloscht", "browserverlauf ~ geloscht"}},
	{"cache", "es", []string{"borr* ~ cache", "borr* ~ cookies", "limpi* ~ cache", "limpi* ~ cookies", "vaci* ~ cache"}},
	{"cache", "fr", []string{"vid* ~ cache", "effac* ~ cache", "effac* ~ cookies", "supprim* ~ cookies", "nettoy* ~ cache"}},

	{"relogin", "en", []string{"log* out and ~ in", "sign* out and ~ in", "re-login", "relogin", "re-log*", "log* in again", "sign* in again", "logging out and back", "log* back in", "log* back into", "sign* back in", "sign* back into", "log* out ~ and log* ~ in"}},
	{"relogin", "de", []string{"ab- und wieder angemeldet", "abmelden und ~ anmelden", "abgemeldet und ~ angemeldet", "neu anmelden", "neu angemeldet", "erneut angemeldet", "erneut anmelden"}},
	{"relogin", "es", []string{"cerr* sesion y ~ volv*", "cerr* ~ sesion y ~ inici*", "volv* a iniciar sesion"}},
	{"relogin", "fr", []string{"deconnect* ~ reconnect*", "reconnecte* au compte", "vous reconnecter", "me suis reconnect*"}},

	{"reinstall", "en", []string{"reinstal*", "re-install*", "uninstall*"}},
	{"reinstall", "de", []string{"neu installier*", "neuinstallation", "deinstalliert"}},
	{"reinstall", "es", []string{"reinstal*", "desinstal*"}},
	{"reinstall", "fr", []string{"reinstall*", "desinstall*"}},

	{"update", "en", []string{"updat* to ~ version", "updat* ~ to the latest", "upgrad* to ~ version", "updat* the app", "updat* the browser", "updat* the extension", "updat* ~ chrome", "install* the latest", "latest version", "upgrad* ~ from", "upgraded ~ to", "upgraded the", "you upgrade", "please upgrade", "upgrade to", "upgrade the connector", "upgrade the integration", "upgrade the plugin", "update the connector", "update the integration", "update the plugin"}},
	{"update", "de", []string{"aktualisier*", "neueste version", "update installiert"}},
	{"update", "es", []string{"actualiz* ~ version", "actualiz* la app*", "actualiz* el navegador", "ultima version"}},
	{"update", "fr", []string{"mettre a jour", "mis a jour", "mise a jour ~ install*", "derniere version"}},

	{"rollback", "en", []string{"roll* back", "rollback", "downgrad* ~ version", "downgrad* the app", "revert* to ~ version", "previous version", "older version"}},
	{"rollback", "de", []string{"vorherige version", "altere version", "auf ~ version zuruckgestuft", "downgrade auf ~ version"}},
	{"rollback", "es", []string{"version anterior", "revert*"}},
	{"rollback", "fr", []string{"version precedente", "ancienne version", "retrograd* ~ version"}},

	{"restart", "en", []string{"restart*", "reboot*", "power cycl*"}},
	{"restart", "de", []string{"neu gestartet", "neu starten", "neustart*"}},
	{"restart", "es", []string{"reinici*"}},
	{"restart", "fr", []string{"redemarr*"}},

	{"password", "en", []string{"reset* ~ password", "password reset", "password ~ reset", "new password"}},
	{"password", "de", []string{"passwort ~ zuruckgesetzt", "passwort ~ zurucksetzen", "neues passwort", "kennwort ~ zuruckgesetzt"}},
	{"password", "es", []string{"restablec* ~ contrasena", "cambi* ~ contrasena", "nueva contrasena"}},
	{"password", "fr", []string{"reinitialis* ~ mot de passe", "nouveau mot de passe", "chang* ~ mot de passe"}},

	{"2fa", "en", []string{"reset* ~ 2fa", "reset* ~ mfa", "reset* ~ two-factor", "2fa ~ reset", "mfa ~ reset", "disabl* ~ 2fa", "new authenticator", "backup codes", "recovery codes"}},
	{"2fa", "de", []string{"2fa ~ zuruckgesetzt", "zwei-faktor ~ zuruckgesetzt", "2fa ~ deaktiviert"}},
	{"2fa", "es", []string{"restablec* ~ 2fa", "restablec* ~ doble factor", "2fa ~ restablec*"}},
	{"2fa", "fr", []string{"reinitialis* ~ 2fa", "reinitialis* ~ double authentification", "2fa ~ reinitialis*"}},

	{"resend", "en", []string{"resen* ~ invoice", "re-sent ~ invoice", "sent ~ invoice again", "resen* ~ email", "resen* ~ e-mail", "resen* ~ invitation", "resen* ~ invite", "resen* ~ link", "resen* ~ receipt"}},
	{"resend", "de", []string{"rechnung ~ erneut ~ gesendet", "rechnung ~ erneut ~ geschickt", "erneut ~ zugesendet", "nochmals ~ gesendet", "nochmal ~ geschickt"}},
	{"resend", "es", []string{"reenvi* ~ factura", "reenvi* ~ correo", "reenvi* ~ enlace", "reenvi* ~ invitacion"}},
	{"resend", "fr", []string{"renvoy* ~ facture", "renvoy* ~ e-mail", "renvoy* ~ lien", "renvoye* ~ invitation"}},

	{"credit", "en", []string{"appl* ~ credit", "issu* ~ refund", "issu* ~ credit", "process* ~ refund", "refunded ~ the", "partial refund", "goodwill credit"}},
	{"credit", "de", []string{"gutschrift ~ erstellt", "gutschrift ~ angewendet", "ruckerstattung ~ veranlasst", "ruckerstattung ~ durchgefuhrt", "erstattet"}},
	{"credit", "es", []string{"apli* ~ credito", "reembolso ~ procesado", "emiti* ~ reembolso", "reembolsado"}},
	{"credit", "fr", []string{"appliqu* ~ credit", "applique* ~ avoir", "rembours* ~ effectue", "emis ~ avoir", "rembourse"}},

	{"setting", "en", []string{"chang* ~ setting*", "toggl* ~ setting*", "toggl* ~ off", "toggl* ~ on", "disabl* ~ setting*", "enabl* ~ setting*", "adjust* ~ setting*", "updat* ~ setting*", "switch* ~ setting*", "turn* off ~ setting*", "reconfigur*", "remov* ~ custom", "remov* ~ column", "remov* ~ field"}},
	{"setting", "de", []string{"einstellung* ~ geandert", "einstellung* ~ andern", "einstellung* ~ angepasst", "einstellung* ~ deaktiviert", "einstellung* ~ aktiviert"}},
	{"setting", "es", []string{"cambi* ~ configuracion", "cambi* ~ ajuste*", "modific* ~ configuracion", "desactiv* ~ opcion", "activ* ~ opcion"}},
	{"setting", "fr", []string{"modifi* ~ parametre*", "chang* ~ parametre*", "modifi* ~ reglage*", "desactiv* ~ option", "activ* ~ option"}},

	{"browser", "en", []string{"another browser", "different browser", "other browser*", "other browsers", "second browser", "tried ~ firefox", "tried ~ safari", "tried ~ edge", "tried ~ chrome", "switch* to firefox", "switch* to chrome", "switch* to safari", "switch* to edge", "also in firefox", "also in chrome", "also in safari", "also in edge"}},
	{"browser", "de", []string{"anderen browser", "anderem browser", "andere browser", "auch in firefox", "auch in chrome", "auch in safari", "auch in edge", "auch im firefox"}},
	{"browser", "es", []string{"otro navegador", "otros navegadores", "navegador diferente", "tambien en firefox", "tambien en chrome", "tambien en safari", "prob* ~ firefox", "prob* ~ chrome"}},
	{"browser", "fr", []string{"autre navigateur", "autres navigateurs", "navigateur different", "aussi sous firefox", "aussi sous chrome", "essaye ~ firefox", "essaye ~ chrome"}},

	{"device", "en", []string{"another device", "different device", "other device*", "another computer", "different computer", "another laptop", "different laptop", "another phone", "different phone", "colleague's computer", "another machine", "different machine"}},
	{"device", "de", []string{"anderen gerat", "anderem gerat", "anderen rechner", "anderem rechner", "anderen computer", "anderem computer", "anderen laptop", "anderem laptop"}},
	{"device", "es", []string{"otro dispositivo", "otro ordenador", "otra computadora", "otro equipo", "otro telefono", "otro movil"}},
	{"device", "fr", []string{"autre appareil", "autre ordinateur", "autre poste", "autre telephone", "autre pc"}},

	{"network", "en", []string{"another network", "different network", "other network", "without ~ vpn", "disabl* ~ vpn", "turn* off ~ vpn", "mobile hotspot", "different wifi", "another wifi", "different connection", "another connection", "off the vpn"}},
	{"network", "de", []string{"anderen netzwerk", "anderem netzwerk", "ohne vpn", "vpn ~ deaktiviert", "anderen wlan", "anderem wlan"}},
	{"network", "es", []string{"otra red", "sin ~ vpn", "desactiv* ~ vpn", "otra conexion", "otro wifi"}},
	{"network", "fr", []string{"autre reseau", "sans ~ vpn", "desactiv* ~ vpn", "autre connexion", "autre wifi"}},

	{"incognito", "en", []string{"incognito", "private window", "private mode", "private browsing", "inprivate"}},
	{"incognito", "de", []string{"inkognito*", "privaten fenster", "privates fenster", "privatmodus", "privaten modus"}},
	{"incognito", "es", []string{"incognito", "ventana privada", "modo privado"}},
	{"incognito", "fr", []string{"navigation privee", "fenetre privee", "mode prive"}},

	{"extensions", "en", []string{"disabl* ~ extension*", "turn* off ~ extension*", "remov* ~ extension*", "ad blocker", "adblock*", "ad-block*", "without extensions"}},
	{"extensions", "de", []string{"erweiterung* ~ deaktiv*", "add-ons ~ deaktiv*", "werbeblocker", "ohne erweiterungen"}},
	{"extensions", "es", []string{"desactiv* ~ extension*", "bloqueador de anuncios", "sin extensiones"}},
	{"extensions", "fr", []string{"desactiv* ~ extension*", "bloqueur de pub*", "sans extensions"}},

	{"reconnect", "en", []string{"reconnect* ~ integration", "reconnect* ~ account", "re-authoriz*", "reauthoriz*", "re-authenticat*", "reauthenticat*", "disconnect* and reconnect*", "re-authoris*", "reauthoris*", "regenerat* ~ api key", "regenerat* ~ token", "regenerat* ~ secret", "rotat* ~ secret", "rotat* ~ key", "new api key", "new api token"}},
	{"reconnect", "de", []string{"integration ~ neu verbunden", "neu verbunden", "neu autorisiert", "api-schlussel ~ neu", "secret ~ neu", "schlussel ~ neu", "token ~ neu", "neu generier*", "neu erzeugt", "generier* ~ neu"}},
	{"reconnect", "es", []string{"reconect* ~ integracion", "volv* a conectar", "nueva clave api", "regener* ~ token", "regener* ~ secreto", "regener* ~ clave", "nuevo secreto"}},
	{"reconnect", "fr", []string{"reconnect* ~ integration", "nouvelle cle api", "regener* ~ jeton", "regener* ~ token", "regener* ~ secret", "regener* ~ cle", "nouveau secret"}},

	{"smaller", "en", []string{"smaller ~ range", "shorter ~ range", "smaller ~ export", "smaller ~ batch*", "smaller ~ file", "fewer rows", "fewer records", "smaller date", "split* ~ export", "one month at a time", "split* ~ into smaller", "one week at a time", "a week at a time", "one day at a time", "shorter period", "shorter time*", "in batches", "in chunks", "smaller chunks", "fewer lines", "fewer items", "narrower ~ range"}},
	{"smaller", "de", []string{"kleiner* ~ zeitraum", "kurzer* ~ zeitraum", "kleinere* ~ export*", "kleinere* ~ datei*", "weniger zeilen", "in teilen", "wochenweise", "tageweise", "monatsweise", "in kleineren"}},
	{"smaller", "es", []string{"rango ~ menor", "rango ~ mas corto", "periodo ~ mas corto", "menos filas", "por partes", "por lotes", "una semana a la vez", "archivo ~ mas pequeno", "exportacion* ~ mas pequena*"}},
	{"smaller", "fr", []string{"plage ~ plus courte", "plage ~ plus petite", "periode ~ plus courte", "moins de lignes", "par lots", "par morceaux", "une semaine a la fois", "fichier ~ plus petit", "export* ~ plus petit*"}},

	{"permissions", "en", []string{"check* ~ permissions", "check* ~ role*", "assign* ~ role", "grant* ~ permission*", "gave ~ admin", "chang* ~ role", "verified ~ permissions"}},
	{"permissions", "de", []string{"berechtigung* ~ gepruft", "rolle ~ zugewiesen", "rechte ~ gepruft", "berechtigung* ~ angepasst"}},
	{"permissions", "es", []string{"revis* ~ permisos", "asign* ~ rol", "verific* ~ permisos"}},
	{"permissions", "fr", []string{"verifi* ~ permissions", "verifi* ~ droits", "attribu* ~ role"}},

	{"retry", "en", []string{"re-ran", "rerun", "re-run", "ran ~ again", "retried", "retry* ~ with", "backoff", "back-off", "lower* ~ concurrency", "concurrency 1"}},
	{"retry", "de", []string{"erneut ausgefuhrt", "nochmals ausgefuhrt", "erneut versucht", "wiederholt"}},
	{"retry", "es", []string{"volv* a ejecutar", "reintent*"}},
	{"retry", "fr", []string{"relanc* ~ operation", "reessay*", "reexecut*"}},
	{"resync", "en", []string{"resync*", "re-sync*", "full sync", "reindex*", "re-index*", "rebuil* ~ index", "resubmit*", "replay*"}},
	{"resync", "de", []string{"neu synchronisiert", "erneut synchronisiert", "neu indiziert", "synchronisierung ~ neu"}},
	{"resync", "es", []string{"resincroniz*", "reindex*", "sincroniz* de nuevo"}},
	{"resync", "fr", []string{"resynchronis*", "reindex*", "synchronis* a nouveau"}},
	{"billing", "en", []string{"void* ~ payment", "void* ~ charge", "void* ~ invoice", "recalculat*", "reissu* ~ invoice", "credit note", "offer* ~ credit", "offer* ~ refund", "offer* ~ discount", "cancel* ~ duplicate"}},
	{"billing", "de", []string{"storniert", "stornier*", "neu berechnet", "rechnung ~ neu ~ ausgestellt"}},
	{"billing", "es", []string{"anul* ~ cargo", "anul* ~ factura", "recalcul*", "ofrec* ~ credito", "ofrec* ~ descuento"}},
	{"billing", "fr", []string{"annul* ~ prelevement", "annul* ~ facture", "recalcul*", "propos* ~ avoir", "propos* ~ remise"}},
	{"sso", "en", []string{"idp-initiated", "sp-initiated", "dashboard tile", "bypass ~ sso", "sso bypass"}},
	{"sso", "de", []string{"idp-initiiert", "sso umgehen"}},
	{"sso", "es", []string{"iniciado por el idp", "omitir ~ sso"}},
	{"sso", "fr", []string{"initie par l'idp", "contourn* ~ sso"}},

	{"contact", "en", []string{"ping* ~ csm", "ping* ~ account manager", "contact* ~ csm", "contact* ~ account manager", "reached out to ~ csm", "reached out to ~ team", "ping* ~ on slack", "messag* ~ on slack", "asked in #", "posted in #", "chased", "chas* ~ team", "followed up with", "asked ~ team about", "asked engineering", "asked product"}},
	{"contact", "de", []string{"csm ~ kontaktiert", "csm ~ angeschrieben", "nachgehakt", "nachgefragt bei", "team ~ angefragt", "im slack ~ gefragt", "account manager ~ kontaktiert"}},
	{"contact", "es", []string{"contact* ~ csm", "contact* ~ gestor de cuenta", "escrib* ~ en slack", "pregunt* ~ al equipo", "insist* ~ al equipo"}},
	{"contact", "fr", []string{"contact* ~ csm", "relanc* ~ equipe", "relanc* ~ csm", "sollicit* ~ equipe", "demande* ~ sur slack"}},
	{"shared", "en", []string{"postmortem*", "post-mortem*", "incident report*", "credit form", "knowledge base article", "help article", "help center article", "here is the link", "shared ~ link", "sent ~ link", "documentation for"}},
	{"shared", "de", []string{"postmortem*", "post-mortem*", "vorfallsbericht*", "hilfeartikel", "dokumentation ~ geschickt", "link ~ geschickt"}},
	{"shared", "es", []string{"postmortem*", "post-mortem*", "informe del incidente", "articulo de ayuda", "enlace ~ documentacion", "formulario de credito"}},
	{"shared", "fr", []string{"postmortem*", "post-mortem*", "rapport d'incident", "article d'aide", "lien ~ documentation", "formulaire de credit"}},
	{"manual", "en", []string{"tried to remove", "tried to delete", "tried to edit", "tried to change", "tried to update", "tried to fix", "tried to override", "attempted to remove", "attempted to delete", "attempted to change", "tried to re-issue", "tried to reissue"}},
	{"manual", "de", []string{"versucht ~ zu entfernen", "versucht ~ zu loschen", "versucht ~ zu andern", "versucht ~ zu korrigieren"}},
	{"manual", "es", []string{"intent* ~ eliminar", "intent* ~ borrar", "intent* ~ cambiar", "intent* ~ corregir"}},
	{"manual", "fr", []string{"essaye* de supprimer", "essaye* de modifier", "essaye* de corriger", "tente* de supprimer", "tente* de modifier"}},
	{"job", "en", []string{"started the erasure", "ran the erasure", "erase job", "erasure job", "deletion job", "ran ~ job", "started ~ job", "triggered ~ job", "ran ~ script", "ran ~ in admin", "ran ~ cleanup", "ran ~ migration"}},
	{"job", "de", []string{"loschung ~ gestartet", "job ~ gestartet", "job ~ ausgefuhrt", "skript ~ ausgefuhrt"}},
	{"job", "es", []string{"inici* ~ borrado", "ejecut* ~ proceso", "ejecut* ~ script", "lanc* ~ proceso"}},
	{"job", "fr", []string{"lance* ~ suppression", "lance* ~ tache", "lance* ~ script", "execute* ~ tache"}},

	{"har", "en", []string{"har file", "har capture", "har log", ".har", "network log*", "network trace"}},
	{"har", "de", []string{"har-datei", "har datei", "netzwerkprotokoll"}},
	{"har", "es", []string{"archivo har", "fichero har"}},
	{"har", "fr", []string{"fichier har"}},

	{"console", "en", []string{"console log*", "console output", "browser console", "console errors", "devtools", "developer tools", "error log*", "app log*", "log file*"}},
	{"console", "de", []string{"konsolen*", "browserkonsole", "entwicklertools", "protokolldatei*", "logdatei*"}},
	{"console", "es", []string{"consola del navegador", "registro de la consola", "herramientas de desarrollador", "archivo de registro"}},
	{"console", "fr", []string{"console du navigateur", "journal de la console", "outils de developpement", "fichier journal"}},

	{"screenshot", "en", []string{"screenshot*", "screen shot*", "screen recording", "screencast", "screen capture", "video of"}},
	{"screenshot", "de", []string{"screenshot*", "bildschirmfoto*", "bildschirmaufnahme*"}},
	{"screenshot", "es", []string{"captura* de pantalla", "grabacion de pantalla"}},
	{"screenshot", "fr", []string{"capture* d'ecran", "capture* ecran", "enregistrement d'ecran"}},
}

// requestTable marks a sentence in an agent's message as asking the
// customer to do something, so the customer is the one who does it.
var requestTable = []Phrase{
	{"ask", "en", []string{"could you", "can you", "would you", "please", "try", "have you tried", "did you try", "let me know", "send us", "send me", "attach", "kindly", "i'd suggest", "i suggest", "i recommend", "you may want", "you might", "go ahead and", "if you", "it's worth", "it is worth", "worth trying", "make sure", "you could", "you can try", "we recommend", "we suggest", "asked you to", "told you to", "suggested", "advised", "recommended"}},
	{"ask", "de", []string{"konnten sie", "konnen sie", "kannst du", "konntest du", "bitte", "versuchen sie", "probieren sie", "haben sie ~ versucht", "schicken sie", "senden sie", "es lohnt sich", "wir empfehlen", "sie konnten", "stellen sie sicher", "empfohlen", "habe ihnen geraten"}},
	{"ask", "es", []string{"podria", "podrias", "puede", "puedes", "por favor", "intente", "intenta", "pruebe", "prueba", "ha probado", "has probado", "envienos", "enviarnos", "vale la pena", "le recomendamos", "le sugerimos", "asegurese", "le sugeri", "le recomende", "le pedi que", "te sugeri"}},
	{"ask", "fr", []string{"pourriez-vous", "pourriez", "pouvez-vous", "pouvez", "merci de", "essayez", "veuillez", "avez-vous essaye", "envoyez-nous", "nous envoyer", "je vous invite", "vous pourriez", "ca vaut la peine", "nous vous recommandons", "assurez-vous", "vous ai conseille", "vous ai recommande", "vous ai suggere", "vous ai demande de"}},
}

// negatedTable marks a sentence that says the thing was not done ("I
// haven't tried reinstalling yet"); such mentions are not attempts.
var negatedTable = []Phrase{
	{"no", "en", []string{"haven't tried", "have not tried", "didn't try", "did not try", "not yet tried", "can't clear", "cannot clear", "don't know how"}},
	{"no", "de", []string{"noch nicht versucht", "nicht versucht"}},
	{"no", "es", []string{"no he probado", "no he intentado", "todavia no"}},
	{"no", "fr", []string{"pas encore essaye", "n'ai pas essaye"}},
}
