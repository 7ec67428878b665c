package facts

// injectionTable holds instruction-like phrases aimed at a language model
// rather than at a support agent: overriding earlier instructions,
// changing the model's role, revealing its prompt, or dictating the
// note's content. Each family is written in en, de, es and fr.
var injectionTable = []Phrase{
	{"override", "en", []string{"ignore ~ previous instructions", "ignore ~ prior instructions", "ignore ~ above instructions", "ignore ~ preceding", "ignore the above", "ignore above", "ignore all", "ignore your instructions", "ignore everything", "disregard ~ instructions", "disregard ~ previous", "disregard the above", "forget ~ previous", "forget ~ instructions", "forget everything", "forget all", "forget about all", "forget about the", "forget what", "new instructions", "new task", "new tasks", "further tasks", "new assignment", "start over", "override ~ instructions", "instead output", "do not answer this question", "don't answer this question", "stop ~ ignore", "leave all the previous"}},
	{"override", "de", []string{"ignoriere*", "vergiss ~ alle*", "vergiss alles", "vergessen sie ~ alle*", "vergiss ~ vorherigen", "vergiss ~ anweisungen", "neue aufgabe", "neue aufgaben", "neue anweisungen", "weitere aufgaben", "von vorne", "von neu", "beantworte ~ nicht"}},
	{"override", "es", []string{"ignora ~ instrucciones", "ignore ~ instrucciones", "ignora todo", "olvida ~ todo", "olvide todo", "olvida ~ instrucciones", "olvida ~ anteriores", "nueva tarea", "nuevas instrucciones", "nuevas tareas", "empieza de nuevo"}},
	{"override", "fr", []string{"ignore* ~ instructions", "ignore* tout", "ignorez ~ precedent*", "oublie* ~ tout", "oublie* ~ instructions", "oublie* ~ precedent*", "nouvelle tache", "nouvelles instructions", "nouvelles taches", "recommence* ~ zero"}},

	{"role", "en", []string{"you are now", "now you are", "from now on you", "act as", "acting as", "pretend ~ you are", "pretend to be", "imagine you are", "roleplay", "role-play", "role play", "stay in ~ role", "your role is", "you are an ai", "as an ai", "as the ai", "jailbreak", "dan mode", "developer mode", "in the style of"}},
	{"role", "de", []string{"du bist jetzt", "jetzt bist du", "nun bist du", "ab jetzt bist du", "als ~ fungieren", "fungiere als", "tu so als", "stell dir vor ~ du bist", "stell dir vor, du", "deine rolle", "ihre rolle", "in ihren rollen", "im stil* ~ eines", "im stile"}},
	{"role", "es", []string{"ahora eres", "eres ahora", "actua como", "actue como", "finge ~ eres", "imagina que eres", "tu rol es", "como ia", "al estilo de"}},
	{"role", "fr", []string{"tu es maintenant", "vous etes maintenant", "maintenant tu es", "agis comme", "agissez comme", "fais comme si", "imagine que tu es", "ton role", "en tant qu'ia", "a la maniere de"}},

	{"prompt", "en", []string{"system prompt", "your prompt", "prompt text*", "the prompt", "initial prompt", "your instructions", "reveal ~ instructions", "show me ~ instructions", "print ~ instructions", "beginning of this prompt", "repeat ~ above", "output ~ prompt", "language model", "chatgpt", "gpt", "llm"}},
	{"prompt", "de", []string{"systemprompt", "prompt-text*", "prompt-texte", "deinen prompt", "deine anweisungen", "anfang dieses prompts", "sprachmodell"}},
	{"prompt", "es", []string{"prompt del sistema", "tu prompt", "tus instrucciones", "modelo de lenguaje"}},
	{"prompt", "fr", []string{"prompt systeme", "ton prompt", "tes instructions", "vos instructions", "modele de langage"}},

	{"dictate", "en", []string{"mark this ~ as resolved", "mark ~ ticket ~ resolved", "close this ticket", "set ~ priority to", "write that", "say that", "include that", "output only", "respond only with", "reply only with", "just output", "just say", "answer with", "write ~ essay", "write ~ poem", "generate ~ code", "tell the ~ that"}},
	{"dictate", "de", []string{"als gelost markieren", "ticket schliessen", "schreibe ~ dass", "schreib ~ dass", "gib ~ aus", "antworte nur", "antworte im", "schreibe ~ aufsatz", "schreibe ~ essay", "schreibe ~ gedicht", "generiere*", "generieren sie", "formuliere"}},
	{"dictate", "es", []string{"marca ~ como resuelto", "cierra ~ ticket", "escribe que", "di que", "responde solo", "escribe ~ ensayo", "escribe ~ poema", "genera ~ codigo"}},
	{"dictate", "fr", []string{"marque* ~ comme resolu", "ferme* ~ ticket", "ecris que", "dis que", "reponds uniquement", "redige* ~ essai", "ecris ~ poeme", "genere* ~ code"}},
}
