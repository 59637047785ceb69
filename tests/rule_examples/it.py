"""Italian rules (rules/it/): the examples every language's checks read."""

from tests.rule_examples import Examples

EXAMPLES = Examples(
    model=None,
    date_anchors={"months": "gennaio", "weekdays": "lunedì"},
    inflected=(),
    entities=[
        ("l'agenzia spaziale russa", [("agenzia spaziale russa", "Roscosmos")]),
        ("l'Agenzia spaziale nazionale cinese", [("Agenzia spaziale nazionale cinese", "CNSA")]),
        (
            "l'Amministrazione spaziale nazionale cinese",
            [("Amministrazione spaziale nazionale cinese", "CNSA")],
        ),
        ("l'agenzia spaziale della Cina", [("agenzia spaziale della Cina", "CNSA")]),
        ("l'Agenzia Spaziale Italiana", [("Agenzia Spaziale Italiana", "ASI")]),
        ("l'Agenzia spaziale europea", [("Agenzia spaziale europea", "ESA")]),
        ("il Centro aerospaziale tedesco", [("Centro aerospaziale tedesco", "DLR")]),
        (
            "la Stazione internazionale di ricerca lunare",
            [("Stazione internazionale di ricerca lunare", "ILRS")],
        ),
        ("la Stazione spaziale internazionale", [("Stazione spaziale internazionale", "ISS")]),
        ("gli accordi Artemis", [("accordi Artemis", "Artemis Accords")]),
        ("una mosca", []),
        ("colloqui a Mosca", [("Mosca", "Russia")]),
        ("Pechino ha risposto", [("Pechino", "China")]),
        ("gli Stati Uniti e la Russia", [("Stati Uniti", "United States"), ("Russia", "Russia")]),
        ("una società cinese", []),
    ],
    demonyms=[
        ("la parte russa", "russa", "Russia"),
        ("la parte cinese", "cinese", "China"),
        ("il governo francese", "francese", "France"),
        ("la delegazione americana", "americana", "United States"),
    ],
    instruments=[
        # a tender won is a contract
        ("Thales Alenia Space ha vinto la gara per costruire un satellite.", "contract"),
        # a supplier chosen, charged or hired to build or launch: a contract
        ("L'ASI ha incaricato Thales Alenia Space di costruire il satellite.", "contract"),
        # letters or notes exchanged conclude an arrangement
        (
            "Il Giappone e gli Stati Uniti si sono scambiati le note sulla stazione Gateway.",
            "other",
        ),
        # a cooperation plan is a programme
        ("Italia e Cina hanno firmato un piano di cooperazione spaziale.", "programme"),
        # a lease between states
        ("La locazione di Baikonur scade nel 2050.", "other"),
        # entrusting a supplier with building or launching
        ("L'ASI ha affidato a Thales Alenia Space la costruzione del satellite.", "contract"),
        # buying space hardware, not its images
        ("Il Perù ha acquistato un satellite da Airbus.", "contract"),
        ("Il governo comprò due razzi.", "contract"),
        ("Il governo ha acquistato immagini del satellite.", None),
        ("Italia e Stati Uniti hanno concordato di lanciare un satellite.", "agreement"),
        ("Hanno firmato una dichiarazione sulla cooperazione.", "joint_statement"),
        ("Hanno firmato una dichiarazione d'intenti.", "memorandum"),
        ("Uno scambio di lettere tra i governi.", "other"),
        ("La società ha ordinato due satelliti a Thales.", "contract"),
        ("La società ha ordinato a Thales due satelliti.", "contract"),
        ("Il giudice ha ordinato a Mario due perizie.", None),
        ("Una dichiarazione di cooperazione tra i due Paesi.", "joint_statement"),
        ("Thales si è aggiudicata l'ordine di due satelliti.", "contract"),
        ("In una dichiarazione, il ministro ha salutato il lancio.", None),
        ("I dati sono ordinati in due tabelle.", None),
    ],
    idioms=[
        # agreeing only to look into something
        "Le parti hanno concordato di valutare le possibilità di progetti comuni.",
        "Si è trattato della prima volta in Cina.",
        "L'Italia e la Cina hanno un partenariato di lunga data nel settore spaziale.",
        "Le telecamere, sviluppate in partenariato con 3DPlus, voleranno sulla missione.",
        "La Russia è d'accordo con la Cina.",
        "La Russia agisce in accordo con la Cina.",
        "Russia e Cina hanno deciso di comune accordo.",
        "Russia e Cina firmano un partenariato strategico.",
    ],
    agreements=[
        # a cooperation that cannot go on is ended
        (
            "Le sanzioni rendono impossibile per l'ESA attuare la cooperazione con Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # "rispettivamente" pairs each side with its own signatory: no distributive split
        (
            "L'ESA e Thales Alenia Space, rispettivamente rappresentate dal direttore e "
            "dall'amministratore, hanno firmato il contratto.",
            [("contract", "signed", ["ESA", "Thales Alenia Space"])],
        ),
        # the company the article is about, as the subject, is a side
        (
            "Avio ha firmato un contratto con l'ASI. "
            "Il gruppo ha anche firmato con l'ESA e il CNES i contratti di lancio.",
            [
                ("contract", "signed", ["Avio", "ASI"]),
                ("contract", "signed", ["Avio", "ESA", "CNES"]),
            ],
        ),
        # the sides before a distributive word each make one agreement with the others
        (
            "L'Etiopia e il Kenya hanno firmato ciascuno un accordo con la Francia.",
            [
                ("agreement", "signed", ["Ethiopia", "France"]),
                ("agreement", "signed", ["Kenya", "France"]),
            ],
        ),
        # documents counted by the verb's object: one with each counterpart
        (
            "La NASA ha firmato due documenti con la JAXA e l'ESA.",
            [("other", "signed", ["NASA", "JAXA"]), ("other", "signed", ["NASA", "ESA"])],
        ),
        # a short head points back to the space agency the article names
        (
            "Roscosmos cresce. L'agenzia russa ha firmato un accordo con la NASA.",
            [("agreement", "signed", ["Roscosmos", "NASA"])],
        ),
        # an ended cooperation agreement is that agreement, ended
        (
            "L'ESA ha sospeso l'accordo di cooperazione con Roscosmos.",
            [("agreement", "terminated", ["ESA", "Roscosmos"])],
        ),
        # the agent of the signing names its sides; who comments on it is none
        (
            "Washington ha criticato l'accordo firmato da Russia e Cina.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        # a named treaty referred to in passing
        (
            "Italia e Lussemburgo promuovono il diritto spaziale "
            "(incluso il Trattato sullo spazio extraatmosferico del 1967).",
            [],
        ),
        (
            "L'Italia e la Cina, parti dell'Accordo sulla Luna, hanno firmato un memorandum.",
            [("memorandum", "signed", ["Italy", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un memorandum d'intesa.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un protocollo d'intesa.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato una lettera d'intenti.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        ("Russia e Cina hanno firmato un accordo.", [("agreement", "signed", ["Russia", "China"])]),
        (
            "Russia e Cina hanno firmato un accordo quadro.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato una convenzione.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un programma di cooperazione.",
            [("programme", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un protocollo.",
            [("protocol", "signed", ["Russia", "China"])],
        ),
        (
            "Roscosmos e Arianespace hanno firmato un contratto.",
            [("contract", "signed", ["Roscosmos", "Arianespace"])],
        ),
        (
            "Russia e Cina hanno firmato una dichiarazione congiunta.",
            [("joint_statement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un comunicato congiunto.",
            [("joint_statement", "signed", ["Russia", "China"])],
        ),
        ("Russia e Cina hanno firmato un trattato.", [("treaty", "signed", ["Russia", "China"])]),
        (
            "Russia e Cina hanno firmato un partenariato.",
            [("partnership", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato una tabella di marcia.",
            [("other", "signed", ["Russia", "China"])],
        ),
        ("Russia e Cina firmarono un accordo.", [("agreement", "signed", ["Russia", "China"])]),
        (
            "Russia e Cina hanno sottoscritto un accordo.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        ("Russia e Cina hanno siglato un accordo.", [("agreement", "signed", ["Russia", "China"])]),
        (
            "Russia e Cina hanno raggiunto un accordo.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        ("Russia e Cina firmeranno un accordo.", [("agreement", "proposed", ["Russia", "China"])]),
        (
            "Russia e Cina intendono firmare un accordo.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "L'accordo tra Russia e Cina sarà firmato a maggio.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina potrebbero collaborare con un accordo.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno avviato negoziati per un accordo.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Russia e Cina preparano una bozza di accordo.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "L'accordo tra Russia e Cina potrebbe essere firmato a maggio.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "L'accordo tra Russia e Cina dovrebbe essere firmato a maggio.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "L'accordo tra Russia e Cina non è ancora stato firmato.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "L'accordo tra Russia e Cina è entrato in vigore.",
            [("agreement", "in_force", ["Russia", "China"])],
        ),
        (
            "L'accordo tra Russia e Cina è in vigore.",
            [("agreement", "in_force", ["Russia", "China"])],
        ),
        (
            "La Russia ha sospeso l'accordo con la Cina.",
            [("agreement", "terminated", ["Russia", "China"])],
        ),
        (
            "La Russia si è ritirata dall'accordo con la Cina.",
            [("agreement", "terminated", ["Russia", "China"])],
        ),
        (
            "L'ESA ha sospeso la cooperazione con Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "La cooperazione tra ESA e Roscosmos è stata sospesa.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        ("L'ESA potrebbe sospendere la cooperazione con Roscosmos.", []),
        (
            "Russia e Cina hanno firmato un accordo mercoledì.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un accordo il 9 marzo 2021.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un accordo nel 2019.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un accordo ieri.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un accordo sull'esplorazione lunare.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia e Cina hanno firmato un accordo sulla navigazione satellitare.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
    ],
    statuses=[
        # a statement published is made, as in en and fr
        ("La dichiarazione congiunta di Russia e India è stata pubblicata martedì.", "signed"),
        # a partnership its parties announce is made
        ("La NASA e l'ASI hanno annunciato un partenariato per la Luna.", "signed"),
        # a signing they failed to make: still negotiated
        ("Russia e Cina non sono riuscite a firmare un accordo.", "negotiating"),
        ("Come parte dell'accordo l'ASI ha condiviso dati.", "in_force"),
        # authorised to sign, a signing told in the future: to come
        ("L'agenzia è stata autorizzata a firmare il contratto.", "proposed"),
        ("Il governo ha approvato la bozza di accordo con l'India.", "proposed"),
        ("Una volta entrato in vigore, l'accordo durerà dieci anni.", None),
        # the text agreed, not yet signed
        ("Italia e Giappone hanno concordato il testo dell'accordo.", "negotiating"),
        ("L'ASI e la NASA stanno negoziando un accordo sulla stazione lunare.", "negotiating"),
        # a contract awarded is concluded
        ("La NASA ha assegnato a SpaceX un contratto da 2,9 miliardi.", "signed"),
        # a contract won is concluded; hoping to win one is not
        ("Thales e Astrium erano riuscite ad aggiudicarsi l’ordine di due satelliti.", "signed"),
        ("Thales punta ad aggiudicarsi il contratto.", None),
        ("Airbus ha ottenuto dall'ESA un contratto per il lander.", "signed"),
        # intent to sign: a signing to come
        ("L'Italia e l'India hanno espresso l'intenzione di firmare un accordo.", "proposed"),
        # an order placed is the contract concluded
        ("La società ha ordinato a Thales due satelliti.", "signed"),
        ("L'Italia e la Cina negoziarono un accordo.", "negotiating"),
        # agreed to sign: a signing to come
        ("La Russia e la Bielorussia hanno concordato di firmare un accordo.", "proposed"),
        ("Una volta firmato, l'accordo permetterà voli congiunti.", None),
        ("L'accordo vigente copre i lanci.", "in_force"),
        ("Russia e Cina hanno firmato un accordo per ampliare la rete esistente.", "signed"),
        ("In base all'accordo firmato nel 2014, la Russia ha fornito motori.", "in_force"),
        ("Ai sensi dell'accordo, l'ASI ha fornito lo strumento.", "in_force"),
        ("Come previsto dall'accordo, la NASA ha lanciato il satellite.", "in_force"),
        ("L'accordo resta valido.", "in_force"),
        # "secondo l'accordo" is under it; "il secondo accordo" is a second one
        ("Secondo l'accordo, l'ASI ha fornito un modulo.", "in_force"),
        ("Il secondo accordo riguarda i satelliti.", None),
        ("L'accordo scade nel 2025.", "in_force"),
        ("In base all'accordo, la Russia fornirà motori.", "signed"),
        ("L'accordo non è ancora entrato in vigore.", "signed"),
        ("L'accordo entrerà in vigore l'anno prossimo.", None),
        ("L'ESA potrebbe sospendere la cooperazione con Roscosmos.", None),
        ("L'accordo non è più in vigore.", "terminated"),
        ("La Russia non fornirà più motori agli Stati Uniti.", "terminated"),
        ("La Russia ha smesso di fornire motori.", "terminated"),
        ("L'ESA ha annunciato lo stop alla cooperazione con Roscosmos.", "terminated"),
        ("L'ESA decide di sospendere la cooperazione con Roscosmos.", "terminated"),
        (
            "L'Italia e gli Stati Uniti stanno lavorando a un accordo intergovernativo.",
            "negotiating",
        ),
        ("L'accordo è in via di definizione.", "negotiating"),
        ("Le due agenzie sono sul punto di firmare un accordo.", "negotiating"),
        ("Il futuro accordo coprirà la navigazione.", "proposed"),
    ],
    signings_to_come=[
        (
            "Russia e Cina firmano lunedì un accordo spaziale. "
            "L'accordo sarà firmato dai ministri.",
            "proposed",
            "2021-03-15",
        ),
    ],
    dates=[
        # a season without its year: the nearest one, as the tense or relative word says
        ("Russia e Cina hanno firmato un accordo la scorsa estate.", "la scorsa estate", "2020"),
        # so long before the writing
        ("Russia e Cina hanno firmato un accordo due anni fa.", "due anni fa", "2019"),
        # the week before the writing: its month
        (
            "Russia e Cina hanno firmato un accordo la settimana scorsa.",
            "la settimana scorsa",
            "2021-03",
        ),
        (
            "L'accordo è stato firmato nel luglio dell'anno scorso.",
            "nel luglio dell'anno scorso",
            "2020-07",
        ),
        ("L'accordo è stato firmato mercoledì a Roma.", "mercoledì", "2021-03-10"),
        ("L'accordo è stato firmato mercoledi a Roma.", "mercoledi", "2021-03-10"),
        ("L'accordo è stato firmato giovedì a Roma.", "giovedì", "2021-03-11"),
        ("L'accordo è stato firmato lunedì scorso a Roma.", "lunedì scorso", "2021-03-08"),
        ("L'accordo è stato firmato venerdì prossimo a Roma.", "venerdì prossimo", "2021-03-12"),
        ("L'accordo è stato firmato ieri a Roma.", "ieri", "2021-03-10"),
        ("L'accordo è stato firmato oggi a Roma.", "oggi", "2021-03-11"),
        ("L'accordo è stato firmato il 9 marzo 2021 a Roma.", "il 9 marzo 2021", "2021-03-09"),
        (
            "L'accordo è stato firmato il 25 settembre scorso a Roma.",
            "il 25 settembre scorso",
            "2020-09-25",
        ),
        ("L'accordo è stato firmato nel marzo 2019 a Roma.", "nel marzo 2019", "2019-03"),
        ("L'accordo è stato firmato nel 2019 a Roma.", "nel 2019", "2019"),
        ("L'accordo è stato firmato l'anno prossimo a Roma.", "l'anno prossimo", "2022"),
        ("L'accordo è stato firmato lo scorso anno a Roma.", "lo scorso anno", "2020"),
        ("L'accordo è stato firmato entro il 2024 a Roma.", "entro il 2024", "2024"),
    ],
    agreement_dates=[
        ("Russia e Cina hanno firmato un accordo mercoledì.", "2021-03-11", "2021-03-10"),
        ("Russia e Cina hanno firmato un accordo il 9 marzo 2021.", None, "2021-03-09"),
        ("Russia e Cina hanno firmato un accordo nel 2019.", None, "2019"),
        ("Russia e Cina hanno firmato un accordo ieri.", "2021-03-11", "2021-03-10"),
    ],
    periods=[
        ("L'accordo vale per il periodo 2018-2022.", "per il periodo 2018-2022", "2018", "2022"),
        ("L'accordo vale dal 2023 al 2027.", "dal 2023 al 2027", "2023", "2027"),
        ("L'accordo vale fino al 2027.", "fino al 2027", None, "2027"),
        ("L'accordo vale a partire dal 2023.", "a partire dal 2023", "2023", None),
        ("L'accordo vale tra il 2018 e il 2022.", "tra il 2018 e il 2022", "2018", "2022"),
    ],
    sentence_parties=[
        # the country an aggression is against, an adjective or a name between, is no side
        (
            "Dopo l'aggressione russa contro l'Ucraina, l'ESA ha sospeso "
            "la cooperazione con Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # the complement that a relative clause right after says signed is a side
        (
            "Le ambizioni spaziali dell'Italia, che ha siglato un'intesa con Francia e Germania.",
            ["Italy", "France", "Germany"],
        ),
        # a minister's demonym after the portfolio
        (
            "Il ministro degli Affari esteri russo ha firmato un accordo con la Cina.",
            ["Russia", "China"],
        ),
        # belligerents are no sides
        (
            "Il Messico e la Russia hanno firmato l'accordo prima della guerra tra "
            "Russia e Ucraina.",
            ["Mexico", "Russia"],
        ),
        # who attends a signing is no side of it, where another side is named
        (
            "La NASA e la JAXA hanno firmato l'accordo alla presenza dei rappresentanti "
            "della Francia.",
            ["NASA", "JAXA"],
        ),
        # a country invaded is the setting of an ended cooperation, not a side
        (
            "Dopo l'invasione dell'Ucraina, l'ESA ha sospeso la cooperazione con Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # a demonym's person named after it, then the next demonym: both sides
        (
            "I presidenti russo Vladimir Putin e kazako Nursultan Nazarbayev hanno firmato un "
            "accordo sul satellite.",
            ["Russia", "Kazakhstan"],
        ),
        # a company's owners are described, not parties
        (
            "Thales Alenia Space, "
            "controllata per il 33 per cento da Finmeccanica, ha firmato un contratto con l’ESA.",
            ["Thales Alenia Space", "ESA"],
        ),
        ("Mosca e Pechino hanno firmato un accordo.", ["Russia", "China"]),
        (
            "Oltre alla Francia, la Cina ha firmato un accordo con il Pakistan.",
            ["China", "Pakistan"],
        ),
        ("Il Cremlino e la Casa Bianca hanno firmato un accordo.", ["Russia", "United States"]),
        ("Gli Stati Uniti e gli Usa.", ["United States"]),
        ("La Farnesina e Palazzo Chigi.", ["Italy"]),
        ("Roscosmos ha firmato a Mosca un accordo.", ["Roscosmos"]),
        ("Le agenzie spaziali russa e cinese hanno firmato un accordo.", ["Roscosmos", "CNSA"]),
    ],
    new_instruments=["Cina e Brasile negoziano un nuovo accordo."],
    conjunctions=[("i paesi e le agenzie, ed altri, o la Cina", ["e", "ed"])],
    pair_references=[
        ("i due paesi", "state"),
        ("entrambi i paesi", "state"),
        ("le due agenzie", "agency"),
    ],
    pairs_from_context=[
        (
            "Russia e Cina costruiscono una base lunare. I due paesi hanno firmato un accordo.",
            ["China", "Russia"],
        ),
        (
            "Russia e Cina costruiscono una base lunare. "
            "Entrambi i paesi hanno firmato un accordo.",
            ["China", "Russia"],
        ),
        (
            "Russia e Cina costruiscono una base lunare. Le due parti hanno firmato un accordo.",
            ["China", "Russia"],
        ),
    ],
    scopes=[
        ("esplorazione lunare", ["lunar_exploration"]),
        ("missione su Marte", ["deep_space"]),
        ("stazione spaziale", ["space_station"]),
        ("gli astronauti", ["human_spaceflight"]),
        ("navigazione satellitare", ["satellite_navigation"]),
        ("osservazione della Terra", ["earth_observation"]),
        ("telecomunicazioni", ["satellite_communications"]),
        ("lanciatori", ["launch_services"]),
        ("astrofisica", ["space_science"]),
        ("biologia", ["life_sciences"]),
        ("materiali", ["components_materials"]),
        ("stazioni di terra", ["ground_infrastructure"]),
        ("tecnologie spaziali", ["space_technology"]),
        ("dati", ["data_sharing"]),
        ("agricoltura", ["non_space"]),
    ],
    agreement_scopes=[
        ("Russia e Cina hanno firmato un accordo sull'esplorazione lunare.", ["lunar_exploration"]),
        (
            "Russia e Cina hanno firmato un accordo sulla navigazione satellitare.",
            ["satellite_navigation"],
        ),
    ],
    masked_lines=[
        "Questo sito utilizza i cookie per migliorare l'esperienza.",
        "Seguici su Telegram",
        "© Agenzia Nova - Riproduzione riservata",
        "Tutti i diritti riservati.",
        "Foto: Ansa",
        "Leggi anche: la Cina lancia una sonda",
    ],
    kept_line="Le agenzie hanno firmato un accordo sui cookie spaziali a Roma.",
)
