package facts

// Posture signal kinds: facts about impact, urgency and risk stated by the
// customer. The drafter writes each as a fact with its citation.
const (
	SignalChurn      = "churn"      // cancelling, not renewing
	SignalCompetitor = "competitor" // moving to another product
	SignalChargeback = "chargeback" // card dispute, bank reversal
	SignalLegal      = "legal"      // lawyer, legal action, regulator complaint
	SignalManager    = "manager"    // asks for a manager or supervisor
	SignalPublic     = "public"     // public review or social media
	SignalETA        = "eta"        // asks for an update or a date
	SignalUrgent     = "urgent"     // states a business impact now

	// askedWhen phrases count as SignalETA only in a question.
	askedWhen = "eta?"
)

// signalLabels are the English phrases the drafter writes per kind.
var signalLabels = map[string]string{
	SignalChurn:      "mentioned cancelling",
	SignalCompetitor: "mentioned moving to another product",
	SignalChargeback: "mentioned a chargeback or card dispute",
	SignalLegal:      "mentioned legal action or a regulator",
	SignalManager:    "asked for a manager",
	SignalPublic:     "mentioned a public review or social media",
	SignalETA:        "asked for an update",
	SignalUrgent:     "stated a business impact",
}

var postureTable = []Phrase{
	{SignalChurn, "en", []string{"renew ~ or move", "renew ~ or leave", "whether to renew", "whether we renew", "cancel* ~ subscription", "cancel* ~ account", "cancel* ~ contract", "cancel* ~ plan", "cancel* ~ service", "not renew*", "won't renew", "will not renew", "terminate ~ contract", "end ~ contract", "close ~ account", "churn*", "stop using"}},
	{SignalChurn, "de", []string{"ob wir verlangern", "verlangern oder wechseln", "kundigen", "kundigung", "gekundigt", "vertrag ~ beenden", "nicht verlangern", "abo ~ beenden"}},
	{SignalChurn, "es", []string{"renovar o cambiar", "si renovamos", "cancelar ~ suscripcion", "cancelar ~ cuenta", "cancelar ~ contrato", "dar de baja", "no renovar*", "no vamos a renovar"}},
	{SignalChurn, "fr", []string{"renouveler ou partir", "si nous renouvelons", "resilier", "resiliation", "annuler ~ abonnement", "ne pas renouveler", "ne renouvellerons pas", "mettre fin ~ contrat"}},

	{SignalCompetitor, "en", []string{"we are evaluating", "we're evaluating", "evaluating other", "looking at other", "demo scheduled with", "demo with them", "trial with another", "switch* to ~ competitor", "competitor*", "alternative*", "moving to", "move to another", "switch* providers", "switch* vendors", "another vendor", "another provider", "other vendors", "looking elsewhere", "evaluating other"}},
	{SignalCompetitor, "de", []string{"wir evaluieren", "demo mit einem anderen", "wettbewerber", "konkurrenz", "alternative*", "anderen anbieter", "anbieter wechseln"}},
	{SignalCompetitor, "es", []string{"estamos evaluando", "demo con otro", "competencia", "competidor*", "alternativa*", "otro proveedor", "cambiar de proveedor"}},
	{SignalCompetitor, "fr", []string{"nous evaluons", "demo avec un autre", "concurrent*", "concurrence", "alternative*", "autre fournisseur", "changer de fournisseur", "autre prestataire"}},

	{SignalChargeback, "en", []string{"chargeback*", "charge back", "dispute ~ charge", "dispute ~ payment", "dispute ~ with my bank", "dispute ~ with our bank", "file a dispute", "contact* ~ bank", "credit card company", "reverse the charge"}},
	{SignalChargeback, "de", []string{"ruckbuchung", "ruckbelastung", "bank ~ widerspruch", "lastschrift ~ zuruck*", "chargeback"}},
	{SignalChargeback, "es", []string{"contracargo", "disputa ~ cargo", "reclamar ~ banco", "mi banco", "chargeback"}},
	{SignalChargeback, "fr", []string{"retrofacturation", "opposition", "contester ~ paiement", "contester ~ prelevement", "ma banque", "chargeback"}},

	{SignalLegal, "en", []string{"lawyer*", "attorney*", "legal action", "legal team", "legal department", "sue", "suing", "lawsuit", "small claims", "gdpr complaint", "data protection authority", "consumer protection", "regulator", "ombudsman", "breach of contract"}},
	{SignalLegal, "de", []string{"anwalt", "anwaltin", "rechtsanwalt", "rechtliche schritte", "klage", "verbraucherzentrale", "datenschutzbehorde", "abmahnung"}},
	{SignalLegal, "es", []string{"abogado*", "acciones legales", "demanda*", "denuncia*", "proteccion de datos", "consumo"}},
	{SignalLegal, "fr", []string{"avocat*", "poursuites", "action en justice", "cnil", "mise en demeure", "tribunal"}},

	{SignalManager, "en", []string{"speak to ~ manager", "talk to ~ manager", "speak with ~ manager", "your manager", "a manager", "supervisor", "someone senior", "escalate this", "head of support", "account manager"}},
	{SignalManager, "de", []string{"vorgesetzt*", "vorgesetzten", "teamleiter*", "geschaftsfuhrung", "mit ~ verantwortlichen"}},
	{SignalManager, "es", []string{"supervisor*", "gerente", "encargado", "responsable"}},
	{SignalManager, "fr", []string{"responsable", "superieur", "manager", "directeur"}},

	{SignalPublic, "en", []string{"twitter", "tweet", "linkedin", "reddit", "trustpilot", "g2", "capterra", "social media", "public review", "bad review", "negative review", "leave a review", "write a review", "post about", "go public"}},
	{SignalPublic, "de", []string{"bewertung", "soziale medien", "offentlich machen", "trustpilot"}},
	{SignalPublic, "es", []string{"resena", "redes sociales", "hacer publico", "trustpilot"}},
	{SignalPublic, "fr", []string{"avis negatif", "laisser un avis", "reseaux sociaux", "rendre public", "trustpilot"}},

	{SignalETA, "en", []string{"any update*", "any news", "eta", "status update", "still waiting", "following up", "checking in", "any progress", "haven't heard", "no response", "no reply"}},
	{askedWhen, "en", []string{"when will", "how long", "when can", "timeline for", "hear back", "heard back"}},
	{SignalETA, "de", []string{"gibt es neuigkeiten", "neuigkeiten", "warte ~ noch", "warten ~ noch", "stand der dinge", "zwischenstand", "keine antwort"}},
	{askedWhen, "de", []string{"wann", "wie lange"}},
	{SignalETA, "es", []string{"alguna novedad", "novedades", "sigo esperando", "seguimos esperando", "alguna actualizacion", "sin respuesta"}},
	{askedWhen, "es", []string{"cuando", "cuanto tiempo"}},
	{SignalETA, "fr", []string{"des nouvelles", "du nouveau", "toujours en attente", "j'attends toujours", "relance", "sans reponse"}},
	{askedWhen, "fr", []string{"quand", "combien de temps"}},

	{SignalUrgent, "en", []string{"blocking our", "blocks our", "can't work", "cannot work", "can't invoice", "can't bill", "losing money", "losing revenue", "lost revenue", "production is down", "business critical", "payroll", "month-end", "month end", "quarter end", "go-live", "go live", "launch", "audit"}},
	{SignalUrgent, "de", []string{"konnen nicht arbeiten", "produktion steht", "umsatzverlust", "monatsabschluss", "jahresabschluss", "go-live"}},
	{SignalUrgent, "es", []string{"no podemos trabajar", "perdiendo dinero", "perdiendo ventas", "cierre de mes", "lanzamiento", "auditoria"}},
	{SignalUrgent, "fr", []string{"ne pouvons pas travailler", "perdons de l'argent", "perte de chiffre", "cloture", "lancement", "audit"}},
}
