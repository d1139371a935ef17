"""The words the quote engine knows, per language: verbs of saying, pronouns,
determiners, the nouns of roles, organisations and people.

Written from grammar and newsroom usage, not from any story: the engine's rules are
only as general as these lists. ``Lexicon.without`` removes words, so an evaluation
can measure how much a story depends on a word no other story uses.
"""

from dataclasses import dataclass, replace


def _words(*groups):
    return frozenset(word for group in groups for word in group.split())


def _phrases(text):
    return frozenset(phrase.strip() for phrase in text.split(",") if phrase.strip())


SPEECH_VERBS = {
    # Forms that are as often nouns ("Arab states", "the state", "calls for") are left
    # out; their past tenses, which are not nouns, stay.
    "en": _words(
        "say says said saying tell tells told telling add adds added adding ask asks asked",
        "asking stated declare declares declared declaring noted noting explain explains",
        "explained explaining insist insists insisted insisting warn warns warned warning",
        "argue argues argued arguing claimed claiming contend contends contended write",
        "writes wrote written writing tweeted tweeting posted recalled recalling continued",
        "conclude concluded acknowledge acknowledges acknowledged admit admits admitted",
        "announce announces announced observed remarked replied responded answered",
        "suggest suggests suggested stressed emphasize emphasizes emphasized emphasise",
        "emphasised urged urging predict predicts predicted called calling describe",
        "describes described describing speak speaks spoke spoken speaking testify",
        "testified commented complain complains complained complaining lamented joked",
        "quipped confirm confirms confirmed deny denies denied promised vowed pledged",
        "mentioned countered retorted concede concedes conceded assert asserts asserted",
        "maintained boasted exclaimed shouted cried whispered wondered mused recounted",
        "reiterate reiterates reiterated repeated texted emailed cautioned advise advised",
        "demanded questioned agreed disagreed reported dismissed branded labelled labeled",
        "termed hailed defended defends defend praised accused accuses accusing blasted",
        "slammed criticised criticized criticising criticizing welcomed welcomes mocked",
        "scoffed confided confessed cautioned recounted",
    ),
    "es": _words(
        "decir dijo dice dicen dijeron decía diciendo dicho afirmar afirmó afirma afirman",
        "afirmaba afirmando asegurar aseguró asegura aseguraba asegurando señalar señaló",
        "señala señalaba señalando indicar indicó indica indicaba indicando explicar",
        "explicó explica explicaba explicando añadir añadió añade añadía añadiendo",
        "agregar agregó agrega agregaba agregando sostener sostuvo sostiene sostenía",
        "sosteniendo declarar declaró declara declaraba declarando manifestar manifestó",
        "manifiesta manifestaba manifestando comentar comentó comenta comentaba comentando",
        "insistir insistió insiste insistía insistiendo advertir advirtió advierte",
        "advertía advirtiendo alertar alertó alertaba alertando subrayar subrayó",
        "subraya subrayando destacar destacó destaca destacaba destacando recalcar",
        "recalcó recalca expresar expresó expresa expresaba expresando apuntar apuntó",
        "apunta precisar precisó precisa opinar opinó opina considerar consideró considera",
        "consideraba calificar calificó califica calificaba denunciar denunció denunciaba",
        "denunciando reconocer reconoció reconoce admitir admitió admite",
        "criticar criticó critica lamentar lamentó lamenta aclarar aclaró aclara preguntar",
        "preguntó responder respondió responde contestar contestó contesta",
        "reiterar reiteró reitera enfatizar enfatizó enfatiza remarcar remarcó remarca",
        "concluir concluyó concluye anunciar anunció anuncia prometer prometió promete",
        "escribir escribió escribe tuitear tuiteó relatar relató relata narró confesar",
        "confesó exclamar exclamó sentenció zanjó recordó recuerda valoró aseveró",
        "puntualizó acotó deploró pidió exigió reclamó instó afirmaron dijeron señalaron",
        "indicaron explicaron aseguraron declararon defendió defiende defendía tildó tachó",
        "definió describió catalogó consideran consideraron califican calificaron advierten",
        "advirtieron denuncian denunciaron critican criticaron sostienen sostuvieron",
        "acusó acusa acusan acusaron acusando reprochó reprocha cuestionó cuestiona replicó",
        "replica ironizó bromeó apostilló matizó resumió celebró aplaudió reivindicó",
        "lamentaron pidieron exigieron reclamaron insistieron añadieron agregaron",
    ),
    "fr": _words(
        "dit dire déclaré déclare affirmé affirme indiqué indique ajouté ajoute expliqué",
        "explique souligné souligne estimé estime assuré assure averti avertit lancé",
        "confié confie précisé précise insisté insiste martelé observé relevé noté",
        "reconnu admis dénoncé regretté jugé poursuivi poursuit répondu répond",
        "raconté raconte écrit tweeté annoncé annonce déploré prévenu",
    ),
    "pt": _words(
        "disse diz dizem dizer afirmou afirma declarou declara explicou explica",
        "acrescentou acrescenta destacou destaca ressaltou ressalta garantiu garante acusou",
        "avaliou avalia comentou comenta questionou afirmaram disseram informou informa",
        "relatou escreveu alertou alerta advertiu criticou lamentou reconheceu anunciou",
    ),
}
# Verbs of saying that have no subject of their own (participles and gerunds): their
# speaker is the sentence's.
NON_FINITE = _words(
    "saying adding noting telling explaining insisting warning arguing calling describing",
    "writing asking stressing urging speaking claiming suggesting complaining declaring",
    "acknowledging diciendo afirmando asegurando señalando indicando explicando añadiendo",
    "agregando sosteniendo declarando manifestando comentando insistiendo advirtiendo",
    "alertando subrayando destacando expresando denunciando",
)
# Cues whose object is the speaker: "according to the minister", "según el ministro".
ACCORDING_TO = {
    "en": (("according", "to"),),
    "es": (("según",), ("de", "acuerdo", "con")),
    "fr": (("selon",), ("d'après",)),
    "pt": (("segundo",), ("de", "acordo", "com")),
}
PERSON_PRONOUNS = _words("he she él ella il elle ele ela")
GROUP_PRONOUNS = _words("they it ellos ellas ils elles eles elas")
RELATIVES = _words("who which that whom que quien quienes cual cuales qui lequel laquelle")
DETERMINERS = _words(
    "the a an this these those its his her their el la los las un una unos unas al este",
    "esta estos estas ese esa su sus le les l' une des du au aux ce cette son sa ses o os",
    "as um uma ao aos à às seu sua",
)
INDEFINITE = _words("a an un una unos unas une des um uma some unos")
# Prepositions that stay inside a role or a description ("head of government",
# "senador por Florida", "jefe de la Fiscalía").
CONNECTORS = _words("of for de del por du des do da dos das")
PREPOSITIONS = _words(
    "in on at to from with by about after before during into over under against among",
    "between through near en con a para desde hasta sobre tras entre sin ante hacia dans",
    "pour par avec sur sous chez vers em com para pelo pela no na nos nas",
)
CONJUNCTIONS = _words("and but or nor yet so y e pero o ni sino mas et mais ou mas")
AUXILIARIES = _words(
    "has had have having will would could should may might must can did does do is was",
    "were are been be also then later again further once repeatedly previously recently",
    "publicly bluntly quietly earlier never not already still ha han había habían habría",
    "ha también luego después ya no se le les lo nos me te a ont avait avaient aussi",
    "puis déjà encore ne pas tem tinha também já não even just only",
)
STOP_WORDS = (
    DETERMINERS
    | CONNECTORS
    | PREPOSITIONS
    | CONJUNCTIONS
    | AUXILIARIES
    | RELATIVES
    | PERSON_PRONOUNS
    | GROUP_PRONOUNS
    | _words(
        "i we you me him us them my our your there here what where when why how if as",
        "than because since while though although whether not no yo nosotros ustedes",
        "cuando donde como porque aunque mientras si je nous vous quand où comme eu nós",
    )
)
# Capitalised at the start of a sentence without being a name.
SENTENCE_CAPS = STOP_WORDS | _words(
    "some many most all both each every another other such more less even only still",
    "then now earlier later meanwhile however instead thus once like unlike just much",
    "one two three four five several few last next first asked speaking giving after",
    "before already yesterday today tonight tomorrow monday tuesday wednesday thursday",
    "friday saturday sunday january february march april june july august september",
    "october november december lunes martes miércoles jueves viernes sábado domingo",
    "hoy ayer mañana asimismo además también desde tras según durante antes después",
    "otro otra otros otras todo toda todos todas cada varios varias muchos muchas",
    "consultado preguntado considerado fresh partly earlier perhaps nonetheless given",
    "editor editors photo file",
)
# Words that make a capitalised name an organisation's.
ORGANISATION_WORDS = _words(
    "company firm group bank union ministry department agency government administration",
    "party court police army military committee council commission club team",
    "organisation organization office embassy board authority authorities federation",
    "association foundation fund institute university school hospital network coalition",
    "alliance movement campaign league observatory reserve service services corporation",
    "inc inc. corp corp. co co. ltd ltd. llc plc ag sa gmbh airline airlines carrier",
    "manufacturer maker carmaker automaker exchange regulator kremlin pentagon",
    "parliament senate congress cabinet presidency markets capital research news press",
    "times post journal television radio newspaper agencia empresa compañía firma grupo",
    "banco sindicato ministerio departamento gobierno administración partido tribunal",
    "corte juzgado audiencia fiscalía policía ejército comité consejo comisión equipo",
    "organización oficina embajada junta autoridad autoridades federación asociación",
    "fundación fondo instituto universidad red coalición alianza movimiento liga",
    "observatorio servicio corporación congreso senado parlamento gabinete entreprise",
    "société groupe banque syndicat ministère gouvernement parti armée conseil companhia",
    "ministério governo polícia exército conselho comissão transition house nations",
    "opposition oposición oposição patronal employers executive ejecutivo",
)
# Nouns for what a person is: titles, jobs, positions (singular, lower case).
ROLE_NOUNS = _words(
    "president vice-president chairman chairwoman chair chief ceo cfo coo cto director",
    "manager minister secretary spokesman spokeswoman spokesperson senator senators",
    "representative congressman congresswoman governor mayor ambassador diplomat envoy",
    "general commander officer official analyst strategist economist editor writer",
    "reporter journalist correspondent professor researcher scientist expert lawyer",
    "attorney judge prosecutor founder co-founder owner partner member leader head coach",
    "player striker captain team-mate teammate artist actor actress singer author doctor",
    "physician nurse surgeon adviser advisor aide consultant executive president-elect",
    "chancellor premier king queen prince princess pope bishop priest imam rabbi",
    "cardinal sheikh emir sultan deputy lawmaker legislator mp mep speaker candidate",
    "activist campaigner organizer organiser volunteer farmer rancher student teacher",
    "worker employee trader investor banker broker dealer entrepreneur businessman",
    "businesswoman engineer architect designer developer photographer filmmaker",
    "producer curator historian politician democrat republican inspector detective",
    "sheriff soldier colonel lieutenant sergeant admiral marshal commissioner",
    "superintendent principal dean rector provost administrator coordinator supervisor",
    "treasurer auditor regulator negotiator mediator monitor investigator ruler monarch",
    "dictator premier governor-general vicar pastor commentator pundit critic",
    "presidente presidenta vicepresidente vicepresidenta ministro ministra secretario",
    "secretaria portavoz vocero vocera senador senadora diputado diputada gobernador",
    "gobernadora alcalde alcaldesa embajador embajadora canciller juez jueza magistrado",
    "magistrada fiscal abogado abogada director directora gerente jefe jefa consejero",
    "consejera asesor asesora analista economista periodista escritor escritora profesor",
    "profesora investigador investigadora científico científica experto experta médico",
    "médica líder dirigente mandatario mandataria funcionario funcionaria representante",
    "delegado delegada comisario comisaria coronel comandante capitán entrenador",
    "jugador jugadora técnico artista cantante actriz activista empresario empresaria",
    "fundador fundadora rey reina príncipe princesa infanta papa obispo sacerdote",
    "instructor titular concejal concejala legislador legisladora congresista dibujante",
    "caricaturista primer laureado laureate président présidente ministre porte-parole",
    "directeur directrice secrétaire sénateur sénatrice député députée maire",
    "ambassadeur juge procureur avocat avocate chef responsable analyste économiste",
    "journaliste chercheur chercheuse médecin dirigeant dirigeante fondateur",
    "entraîneur joueur porta-voz diretor diretora secretário deputado deputada prefeito",
    "governador embaixador juiz promotor advogado advogada chefe pesquisador",
    "especialista jogador prefect préfet prefecto prefecta regidor regidora edil letrado",
    "letrada defensor defensora procurador procuradora mediador árbitro arbitro referee",
    "economista sociólogo politólogo meteorólogo vulcanólogo sismólogo portavoz delegate",
    "superior superiora rector rectora decano decana comisionado comisionada alto",
    "envoy negotiator consul cónsul ombudsman defender warden governor lieutenant",
    "constable chairperson councillor councilor alderman assemblyman assemblywoman",
    "trustee steward chef pilot driver farmer fisherman fishermen miner nurse paramedic",
    "firefighter fire-fighter medic vet veterinarian pharmacist dentist psychiatrist",
    "psychologist therapist counsellor counselor coach manager owner shopkeeper trader",
    "vendor merchant landlord tenant resident residente vecino agricultor ganadero",
    "pescador minero enfermero enfermera bombero bombera policía agente guardia militar",
    "soldado capitán teniente sargento cabo almirante comandante profesora maestro",
    "maestra alumno alumna estudiante obrero obrera empleado empleada trabajadora",
    "sindicalista empresario empresaria banquero banquera inversor inversora",
    "ministre-président ministra secretária presidenta-ejecutiva ceo coordinator",
)
# Words for the same role, so "the judge" finds the investigating magistrate and
# "el mandatario" the president: one group per line.
ROLE_SYNONYMS = (
    "presidente presidenta president mandatario mandataria gobernante head-of-state",
    "juez jueza judge justice magistrado magistrada instructor instructora",
    "fiscal prosecutor procurador procuradora",
    "ministro ministra minister titular",
    "portavoz vocero vocera spokesman spokeswoman spokesperson porte-parole porta-voz",
    "alcalde alcaldesa mayor regidor regidora edil maire prefeito",
    "abogado abogada letrado letrada lawyer attorney defensor defensora advogado avocat",
    "director directora jefe jefa head chief chef chefe",
    "ceo executive consejero consejera",
    "primer premier ministro-presidente",
)
# Words any organisation may be called by ("the company", "the central bank"), which
# therefore stand for the organisation the story is about.
GENERIC_ORGANISATION_HEADS = _words(
    "company firm group bank agency ministry department body institution organisation",
    "organization authority regulator carmaker automaker manufacturer maker airline",
    "carrier business corporation empresa compañía firma grupo banco agencia ministerio",
    "organismo institución entidad autoridad aerolínea entreprise société groupe banque",
    "companhia empresa banco",
)
# Heads of descriptions that stand for whoever the story is talking about ("el
# mandatario", "the leader"), rather than for someone new.
GENERIC_PERSON_HEADS = _words(
    "mandatario mandataria gobernante leader líder dirigente politician político política",
    "man woman hombre mujer official funcionario funcionaria veteran veterano",
)
# Abbreviated titles, written before a name.
TITLE_ABBREVIATIONS = _words("rep sen gov gen lt col sgt capt adm cmdr supt insp prof")
HONORIFICS = _words(
    "mr mrs ms miss dr sir dame lord lady don doña sra srta sr m mme mlle dra sheikh",
    "sheik señor señora monsieur madame",
)
# What a document "says" ("the statement said"): its author speaks.
DOCUMENT_NOUNS = _words(
    "statement communique communiqué letter report release note comunicado nota informe",
    "carta declaración texto documento",
)
# Nouns for people in general, which descriptions of unnamed sources use.
PERSON_NOUNS = ROLE_NOUNS | _words(
    "man woman men women boy girl people person source sources resident residents witness",
    "witnesses victim survivor mother father son daughter wife husband friend neighbour",
    "neighbor fan admirer supporter critics hombre mujer fuente fuentes vecino vecina",
    "testigo víctima madre padre hijo hija esposa esposo amigo amiga trabajador",
    "aficionado homme femme habitant témoin homem mulher fonte morador testemunha cargo",
    "officials funcionarios",
)
# Role-like endings for job nouns no list can hold ("epidemiologist", "periodista").
ROLE_SUFFIXES = ("ologist", "ologists", "ist", "ista", "ólogo", "óloga", "logue", "ician")
# Abbreviations after which a full stop does not end the sentence.
ABBREVIATIONS = _words(
    "mr mrs ms dr sr sra srta jr st mt ft no nos vs inc corp co ltd rep sen gov gen lt col",
    "sgt capt adm prof jan feb mar apr aug sep sept oct nov dec md calif mass fla ga ill",
    "va wash ariz colo conn del ind kan ky la mich minn miss mo mont neb nev okla ore pa",
    "tenn tex vt wis wyo dña ud uds approx est dept univ",
)


def role_group(word):
    """Return the set of words for the same role as ``word`` (itself alone when none)."""
    for group in ROLE_GROUPS:
        if word in group:
            return group
    return frozenset({word})


ROLE_GROUPS = tuple(frozenset(line.split()) for line in ROLE_SYNONYMS)


def singular(word):
    """Return a plural noun's singular, roughly ("sindicatos", "ministers", "unions")."""
    if word.endswith("es") and len(word) > 4 and word[-3] in "rlnsdz":
        return word[:-2]
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Lexicon:
    """The words of one language (with the others' names and roles, which cross
    borders in wire copy)."""

    language: str
    speech_verbs: frozenset
    according_to: tuple
    role_nouns: frozenset

    def is_speech_verb(self, word):
        """Say whether ``word`` (as written) is a verb of saying; a capitalised word
        ("State" in a university's name) is not."""
        return word in self.speech_verbs

    def is_role_noun(self, word, *, plural=True):
        """Say whether ``word`` (lower case) names a role; ``plural`` accepts plurals
        ("senators"), which a title before a name never is ("Workers" in "Public
        Workers Union")."""
        word = word.rstrip(".")
        if word.startswith(("ex-", "ex")) and len(word) > 4:
            # "exalcalde", "ex-minister": a former holder of the role.
            bare = word[3:] if word.startswith("ex-") else word[2:]
            if bare in self.role_nouns:
                return True
        return (
            word in self.role_nouns
            or word in TITLE_ABBREVIATIONS
            or (len(word) > 6 and word.endswith(ROLE_SUFFIXES))
            or (plural and singular(word) in self.role_nouns)
        )

    def without(self, words):
        """Return this lexicon less ``words`` (verbs of saying and role nouns)."""
        words = frozenset(words)
        return replace(
            self, speech_verbs=self.speech_verbs - words, role_nouns=self.role_nouns - words
        )


def lexicon_for(language):
    """Return the ``Lexicon`` for ``language`` (English for one we do not know).

    Verbs of every language are included: quotations are often attributed in the
    language of the story but the story's language tag is not always right.
    """
    language = language if language in SPEECH_VERBS else "en"
    verbs = frozenset().union(*SPEECH_VERBS.values())
    according = tuple(phrase for phrases in ACCORDING_TO.values() for phrase in phrases)
    return Lexicon(
        language=language, speech_verbs=verbs, according_to=according, role_nouns=ROLE_NOUNS
    )
