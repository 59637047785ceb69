"""Spanish rules (rules/es/): the examples every language's checks read."""

from tests.rule_examples import Examples

EXAMPLES = Examples(
    model=None,
    date_anchors={"months": "enero", "weekdays": "lunes"},
    inflected=(),
    entities=[
        ("reunión en Moscú", [("Moscú", "Russia")]),
        ("Pekín respondió", [("Pekín", "China")]),
        ("Beijing respondió", [("Beijing", "China")]),
        ("Washington y París", [("Washington", "United States"), ("París", "France")]),
        ("Tokio y Nueva Delhi", [("Tokio", "Japan"), ("Nueva Delhi", "India")]),
        ("el Kremlin dijo", [("Kremlin", "Russia")]),
        ("EE.UU. y Rusia", [("EE.UU.", "United States"), ("Rusia", "Russia")]),
        ("EE. UU. y Rusia", [("EE. UU.", "United States"), ("Rusia", "Russia")]),
        ("Estados Unidos y Rusia", [("Estados Unidos", "United States"), ("Rusia", "Russia")]),
        ("la Casa Rosada", [("Casa Rosada", "Argentina")]),
        ("Argentina y Brasil", [("Argentina", "Argentina"), ("Brasil", "Brazil")]),
        ("la India y China", [("India", "India"), ("China", "China")]),
        ("la Federación de Rusia", [("Federación de Rusia", "Russia")]),
        ("una empresa china", []),
        ("la delegación argentina", []),
        ("una india", []),
        ("un chile picante", []),
        ("la agencia espacial rusa", [("agencia espacial rusa", "Roscosmos")]),
        ("la agencia espacial china", [("agencia espacial china", "CNSA")]),
        ("la Agencia Espacial Europea", [("Agencia Espacial Europea", "ESA")]),
        (
            "la Administración Nacional del Espacio de China",
            [("Administración Nacional del Espacio de China", "CNSA")],
        ),
        ("la agencia espacial francesa", [("agencia espacial francesa", "CNES")]),
        ("la agencia espacial estadounidense", [("agencia espacial estadounidense", "NASA")]),
        ("la Agencia Espacial Mexicana", [("Agencia Espacial Mexicana", "AEM")]),
        (
            "la Comisión Nacional de Actividades Espaciales",
            [("Comisión Nacional de Actividades Espaciales", "CONAE")],
        ),
        (
            "la Estación Internacional de Investigación Lunar",
            [("Estación Internacional de Investigación Lunar", "ILRS")],
        ),
        ("los Acuerdos Artemisa", [("Acuerdos Artemisa", "Artemis Accords")]),
        ("la Unión Europea", [("Unión Europea", "European Union")]),
    ],
    demonyms=[
        ("la parte ruso", "ruso", "Russia"),
        ("la parte rusa", "rusa", "Russia"),
        ("la parte rusos", "rusos", "Russia"),
        ("la parte rusas", "rusas", "Russia"),
        ("la parte chino", "chino", "China"),
        ("la parte china", "china", "China"),
        ("la parte chinas", "chinas", "China"),
        ("la parte francesa", "francesa", "France"),
        ("la parte franceses", "franceses", "France"),
        ("la parte estadounidense", "estadounidense", "United States"),
        ("la parte japonesas", "japonesas", "Japan"),
        ("la parte india", "india", "India"),
        ("la parte brasileña", "brasileña", "Brazil"),
        ("la parte argentinos", "argentinos", "Argentina"),
    ],
    instruments=[
        # a tender won is a contract
        ("Thales Alenia Space ganó la licitación para construir un satélite.", "contract"),
        # work awarded to a supplier
        ("El desarrollo del satélite fue adjudicado a Airbus.", "contract"),
        # a supplier chosen, charged or hired to build or launch: a contract
        (
            "La Agencia Espacial Mexicana contrató a la empresa Vyoma para desarrollar el "
            "satélite.",
            "contract",
        ),
        ("La AEM contrató a la empresa Vyoma.", "contract"),
        # letters or notes exchanged conclude an arrangement
        ("Japón y Estados Unidos intercambiaron notas sobre la estación Gateway.", "other"),
        # a cooperation plan is a programme
        ("México y Francia firmaron un plan de cooperación espacial.", "programme"),
        # a lease between states
        ("El arrendamiento de Baikonur vence en 2050.", "other"),
        # entrusting a supplier with building or launching
        ("Hispasat confió a Arianespace el lanzamiento de su satélite.", "contract"),
        # buying space hardware, not its images
        ("Perú adquirió un satélite de observación a Airbus.", "contract"),
        ("El gobierno compró dos cohetes.", "contract"),
        ("El gobierno compró imágenes del satélite.", None),
        ("México y Rusia acordaron desarrollar un satélite.", "agreement"),
        ("un memorando de entendimiento", "memorandum"),
        ("un memorándum", "memorandum"),
        ("una carta de intención", "memorandum"),
        ("un acuerdo sobre navegación", "agreement"),
        ("un acuerdo marco", "agreement"),
        ("un convenio de cooperación", "agreement"),
        ("un programa de cooperación para 2018-2022", "programme"),
        ("un protocolo sobre lanzamientos", "protocol"),
        ("un contrato de formación", "contract"),
        ("una declaración conjunta", "joint_statement"),
        ("un comunicado conjunto", "joint_statement"),
        ("un tratado sobre la Luna", "treaty"),
        ("una nueva alianza", "partnership"),
        ("una hoja de ruta", "other"),
        ("Las partes también firmaron una declaración sobre los servicios.", "joint_statement"),
        ("Firmaron una declaración de intención.", "memorandum"),
        ("Firmaron una declaración de intención conjunta.", "joint_statement"),
        ("Un canje de notas entre ambos gobiernos.", "other"),
        ("La empresa encargó dos satélites a Airbus.", "contract"),
        ("La empresa encargó a Airbus dos satélites de comunicaciones.", "contract"),
        ("El general ordenó a sus tropas dos ataques.", None),
        ("Un arreglo de implementación entre las agencias.", "agreement"),
        ("Una declaración de cooperación entre los dos países.", "joint_statement"),
        ("Presentaron un borrador de acuerdo con Rusia.", "agreement"),
        ("En una declaración, el ministro saludó el lanzamiento.", None),
        ("El centro de control encargado de los satélites.", None),
    ],
    idioms=[
        # agreeing only to look into something
        "Las partes acordaron estudiar las posibilidades de proyectos conjuntos.",
        "Argentina y Brasil mantienen una alianza de larga data en el sector espacial.",
        "Las cámaras, desarrolladas en asociación con 3DPlus, volarán en la misión.",
        "De acuerdo con la NASA, el lanzamiento fue un éxito.",
        "El ministro está de acuerdo con el plan.",
        "Se pusieron de acuerdo en la fecha.",
        "Lo decidieron de común acuerdo.",
    ],
    agreements=[
        # a cooperation that cannot go on is ended
        (
            "Rusia afirmó que es imposible continuar la cooperación con Ucrania.",
            [("other", "terminated", ["Russia", "Ukraine"])],
        ),
        # the company the article is about, as the subject, is a side
        (
            "Avio firmó un contrato con la ASI. "
            "El grupo también firmó con la ESA y el CNES contratos de lanzamiento.",
            [
                ("contract", "signed", ["Avio", "ASI"]),
                ("contract", "signed", ["Avio", "ESA", "CNES"]),
            ],
        ),
        # the sides before a distributive word each make one agreement with the others
        (
            "Etiopía y Kenia firmaron cada uno un acuerdo con Francia.",
            [
                ("agreement", "signed", ["Ethiopia", "France"]),
                ("agreement", "signed", ["Kenya", "France"]),
            ],
        ),
        # a definite instrument more precise than the count before is not one of them
        (
            "Venezuela y China negociaron una serie de acuerdos. El contrato con China incluye "
            "la transferencia de tecnología.",
            [
                ("agreement", "negotiating", ["Venezuela", "China"]),
                ("contract", None, ["China", "Venezuela"]),
            ],
        ),
        # a plural pointing back restates the headline's count: one with each customer
        (
            "Arianespace firma nuevos contratos\n\nLos contratos incluyen el lanzamiento de un "
            "satélite para Hispasat y el lanzamiento de Arabsat 6A.",
            [
                ("contract", None, ["Arianespace", "Hispasat"]),
                ("contract", None, ["Arianespace", "Arabsat"]),
            ],
        ),
        # a clause set off by commas between the verb and the cooperation tells when, not who
        (
            "La ESA suspendió, tras la invasión de Ucrania, su cooperación con Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # documents counted by the verb's object: one with each counterpart
        (
            "La NASA firmó dos documentos con la JAXA y la ESA.",
            [("other", "signed", ["NASA", "JAXA"]), ("other", "signed", ["NASA", "ESA"])],
        ),
        # a short head points back to the space agency the article names
        (
            "Roscosmos crece. La agencia rusa firmó un acuerdo con la NASA.",
            [("agreement", "signed", ["Roscosmos", "NASA"])],
        ),
        # an ended cooperation agreement is that agreement, ended
        (
            "La ESA suspendió su acuerdo de cooperación con Roscosmos.",
            [("agreement", "terminated", ["ESA", "Roscosmos"])],
        ),
        # the agent of the signing names its sides; who comments on it is none
        (
            "Washington criticó el acuerdo firmado por Rusia y China.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        # a cooperation put on hold
        (
            "La ESA congeló su cooperación con Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # a named treaty referred to in passing
        (
            "Rusia y China defienden el derecho espacial, incluido el Tratado del Espacio de 1967.",
            [],
        ),
        (
            "Rusia y China, Estados parte del Tratado del Espacio, firmaron un memorando.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "La ESA suspendió su cooperación con Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "La cooperación entre la ESA y Roscosmos fue suspendida.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        ("La ESA podría suspender su cooperación con Roscosmos.", []),
        (
            "Se celebraron conversaciones ruso-chinas sobre el tratado.",
            [("treaty", "negotiating", ["Russia", "China"])],
        ),
        (
            "Rusia y China firmaron un acuerdo sobre exploración lunar.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        ("Moscú y Pekín firmaron un memorando.", [("memorandum", "signed", ["Russia", "China"])]),
        (
            "Roscosmos y la NASA firmaron un protocolo en París.",
            [("protocol", "signed", ["Roscosmos", "NASA"])],
        ),
        (
            "Las agencias espaciales rusa y china firmaron un memorando.",
            [("memorandum", "signed", ["Roscosmos", "CNSA"])],
        ),
        (
            "El presidente ruso y su homólogo chino suscribieron una declaración conjunta.",
            [("joint_statement", "signed", ["Russia", "China"])],
        ),
        (
            "Se firmó un contrato entre Glavkosmos y la ISRO para formar astronautas.",
            [("contract", "signed", ["Glavkosmos", "ISRO"])],
        ),
        (
            "La NASA y la JAXA firmaron un acuerdo intergubernamental.",
            [("agreement", "signed", ["United States", "Japan"])],
        ),
    ],
    statuses=[
        # a statement published is made, as in en and fr
        ("La declaración conjunta de Rusia e India fue publicada el martes.", "signed"),
        # a partnership its parties announce is made
        ("La NASA y la AEE anunciaron una alianza para la Luna.", "signed"),
        # a signing they failed to make: still negotiated
        ("Rusia y China no lograron firmar un acuerdo.", "negotiating"),
        ("Como parte del acuerdo se compartieron datos.", "in_force"),
        # authorised to sign, a signing told in the future: to come
        ("La presidenta encabezará mañana el acto de firma de un convenio con China.", "proposed"),
        ("El presidente autorizó al ministro a firmar el contrato.", "proposed"),
        ("El Gobierno aprobó el proyecto de acuerdo con la India.", "proposed"),
        ("Una vez en vigor, el acuerdo durará diez años.", None),
        # the near future of a passive is a signing to come
        ("Un acuerdo entre Rusia y Francia va a ser firmado.", "proposed"),
        # the text agreed, not yet signed
        ("Argentina y China acordaron el texto del acuerdo.", "negotiating"),
        # a contract awarded is concluded
        ("La NASA adjudicó a SpaceX un contrato de 2.900 millones de dólares.", "signed"),
        # a former agreement is ended; a former president still signs
        ("El antiguo acuerdo entre Rusia y Ucrania preveía lanzamientos.", "terminated"),
        # a contract won is concluded; hoping to win one is not
        ("Airbus se adjudicó el contrato de la ESA.", "signed"),
        ("Airbus aspira a ganar el contrato.", None),
        ("OHB recibió un contrato de la ESA.", "signed"),
        # intent to sign: a signing to come
        ("España e India expresaron su intención de firmar un acuerdo.", "proposed"),
        # an order placed is the contract concluded
        ("La empresa encargó a Airbus dos satélites.", "signed"),
        ("La empresa encargará dos satélites a Airbus.", None),
        ("Venezuela y China negociaron un acuerdo.", "negotiating"),
        ("Una vez firmado, el acuerdo permitirá vuelos conjuntos.", None),
        ("Rusia y China firmaron un acuerdo para ampliar la red existente.", "signed"),
        ("Rusia y China firmaron un acuerdo.", "signed"),
        ("Rusia firmó un acuerdo con China.", "signed"),
        ("El acuerdo fue firmado en Moscú.", "signed"),
        ("Rusia y China suscribieron un memorando.", "signed"),
        ("Rusia y China rubricaron un convenio.", "signed"),
        ("Rusia y China acordaron una hoja de ruta.", "signed"),
        ("España se adhirió a los Acuerdos Artemisa.", "signed"),
        ("Rusia y China alcanzaron un acuerdo.", "signed"),
        ("Rusia y China firmarán un acuerdo.", "proposed"),
        ("Rusia y China van a firmar un acuerdo.", "proposed"),
        ("Rusia y China planean firmar un acuerdo.", "proposed"),
        ("Rusia y China tienen previsto firmar un acuerdo.", "proposed"),
        ("El acuerdo será firmado en Moscú.", "proposed"),
        ("Rusia y China negocian un acuerdo.", "negotiating"),
        ("Las negociaciones sobre el acuerdo continúan.", "negotiating"),
        ("El borrador del acuerdo circula.", "negotiating"),
        ("El acuerdo podría firmarse pronto.", "negotiating"),
        ("El acuerdo debería ser firmado en 2022.", "negotiating"),
        ("El acuerdo aún no ha sido firmado.", "negotiating"),
        ("El acuerdo entró en vigor en 2020.", "in_force"),
        ("El acuerdo está en vigor.", "in_force"),
        ("El acuerdo vigente cubre los lanzamientos.", "in_force"),
        ("En el marco del acuerdo se compartieron datos.", "in_force"),
        ("Estados Unidos se retiró del tratado.", "terminated"),
        ("El acuerdo fue rescindido.", "terminated"),
        ("La ESA suspendió la cooperación con Roscosmos.", "terminated"),
        ("El acuerdo expiró el año pasado.", "terminated"),
        ("Rusia puso fin al acuerdo.", "terminated"),
        ("En virtud del acuerdo firmado en 2014, Rusia suministró motores.", "in_force"),
        ("Conforme al acuerdo, la CONAE operó la estación.", "in_force"),
        ("La estación funciona al amparo del convenio de 2009.", "in_force"),
        ("El acuerdo sigue vigente.", "in_force"),
        ("El convenio vence en diciembre de 2021.", "in_force"),
        ("En virtud del acuerdo, Rusia suministrará motores.", "signed"),
        ("El acuerdo establece que Argentina brindará sus instalaciones.", None),
        ("El acuerdo no ha entrado en vigor.", "signed"),
        ("El acuerdo entrará en vigor el próximo año.", None),
        ("La ESA podría suspender su cooperación con Roscosmos.", None),
        ("Rusia amenazó con retirarse del tratado.", None),
        ("El acuerdo ya no está vigente.", "terminated"),
        ("Rusia ya no suministrará motores a Estados Unidos.", "terminated"),
        ("Rusia dejó de suministrar motores a Estados Unidos.", "terminated"),
        ("El acuerdo quedó sin efecto.", "terminated"),
        ("Rusia anunció el fin de la cooperación con la ESA.", "terminated"),
        ("La ESA suspenderá la cooperación con Roscosmos.", "terminated"),
        ("México y Argentina trabajan en un acuerdo espacial.", "negotiating"),
        ("El acuerdo está siendo negociado.", "negotiating"),
        ("Las dos agencias ultiman un memorando.", "negotiating"),
        ("El futuro acuerdo cubrirá la navegación.", "proposed"),
        ("Está previsto que se firme un acuerdo.", "proposed"),
    ],
    signings_to_come=[
        (
            "Rusia y China firman el lunes un acuerdo espacial. "
            "El acuerdo será firmado por los ministros.",
            "proposed",
            "2021-03-15",
        ),
    ],
    dates=[
        # a season without its year: the nearest one, as the tense or relative word says
        ("Rusia y China firmaron un acuerdo el verano pasado.", "el verano pasado", "2020"),
        # so long before the writing
        ("Rusia y China firmaron un acuerdo hace tres meses.", "hace tres meses", "2020-12"),
        # the week before the writing: its month
        ("Rusia y China firmaron un acuerdo la semana pasada.", "la semana pasada", "2021-03"),
        # a day of the month alone: the nearest of that number, back from the writing
        ("Rusia y China firmaron un acuerdo el pasado día 5.", "el pasado día 5", "2021-03-05"),
        ("Rusia y China firmaron un acuerdo el día 20.", "el día 20", "2021-02-20"),
        ("Rusia y China firmaron un acuerdo el día 5 de marzo.", "el día 5 de marzo", "2021-03-05"),
        ("El acuerdo fue firmado en julio del año pasado.", "en julio del año pasado", "2020-07"),
        ("Rusia y China firmaron un acuerdo el martes pasado.", "el martes pasado", "2021-03-09"),
        ("Rusia y China firmaron un acuerdo el miércoles.", "el miércoles", "2021-03-10"),
        ("Rusia y China firmaron un acuerdo ayer.", "ayer", "2021-03-10"),
        (
            "Rusia y China firmaron un acuerdo el 16 de noviembre de 2009.",
            "el 16 de noviembre de 2009",
            "2009-11-16",
        ),
        ("Rusia y China firmaron un acuerdo el 9 de marzo.", "el 9 de marzo", "2021-03-09"),
        ("Rusia y China firmaron un acuerdo en marzo de 2021.", "en marzo de 2021", "2021-03"),
        ("Rusia y China firmaron un acuerdo en 2017.", "en 2017", "2017"),
        ("Rusia y China firmarán un acuerdo el año próximo.", "el año próximo", "2022"),
        ("Rusia y China firmarán un acuerdo el próximo año.", "el próximo año", "2022"),
        ("Rusia y China firmaron un acuerdo el mes pasado.", "el mes pasado", "2021-02"),
        ("Rusia y China firmarán un acuerdo a finales de 2022.", "a finales de 2022", "2022"),
        ("Rusia y China firmaron un acuerdo el 05/09/2018.", "el 05/09/2018", "2018-09-05"),
        (
            "Rusia y China firmaron un acuerdo el 1º de junio de 2020.",
            "el 1º de junio de 2020",
            "2020-06-01",
        ),
    ],
    agreement_dates=[
        ("Rusia y China firmaron un acuerdo el jueves.", "2021-03-12", "2021-03-11"),
        ("Rusia y China firmaron un acuerdo el martes pasado.", "2021-03-11", "2021-03-09"),
        ("Rusia y China firmaron un acuerdo el miércoles.", "2021-03-11", "2021-03-10"),
        ("Rusia y China firmaron un acuerdo ayer.", "2021-03-11", "2021-03-10"),
        ("Rusia y China firmaron un acuerdo el 16 de noviembre de 2009.", None, "2009-11-16"),
        ("Rusia y China firmaron un acuerdo el 9 de marzo.", "2021-03-11", "2021-03-09"),
        ("Rusia y China firmaron un acuerdo en marzo de 2021.", None, "2021-03"),
        ("Rusia y China firmaron un acuerdo en 2017.", None, "2017"),
        ("Rusia y China firmarán un acuerdo el año próximo.", "2021-03-11", "2022"),
        ("Rusia y China firmarán un acuerdo el próximo año.", "2021-03-11", "2022"),
        ("Rusia y China firmaron un acuerdo el mes pasado.", "2021-03-11", "2021-02"),
        ("Rusia y China firmarán un acuerdo a finales de 2022.", None, "2022"),
        ("Rusia y China firmaron un acuerdo el 05/09/2018.", None, "2018-09-05"),
        ("Rusia y China firmaron un acuerdo el 1º de junio de 2020.", None, "2020-06-01"),
    ],
    periods=[
        ("un programa de cooperación para 2018-2022", "para 2018-2022", "2018", "2022"),
        ("un programa para el período 2018 - 2022", "para el período 2018 - 2022", "2018", "2022"),
        ("un acuerdo de 2023 a 2027", "de 2023 a 2027", "2023", "2027"),
        ("un acuerdo entre 2023 y 2027", "entre 2023 y 2027", "2023", "2027"),
        ("un acuerdo válido hasta 2027", "hasta 2027", None, "2027"),
        ("un acuerdo a partir de 2023", "a partir de 2023", "2023", None),
    ],
    sentence_parties=[
        # a counterpart in a country is that country's
        ("La CONAE y su homóloga en Perú firmaron un acuerdo.", ["CONAE", "Peru"]),
        # a state named with its article after a locative preposition is a place
        (
            "En una ceremonia en los Estados Unidos, la ESA firmó un acuerdo con Japón.",
            ["ESA", "Japan"],
        ),
        # a minister's demonym after the portfolio
        ("El Ministro de Ciencia argentino firmó un acuerdo con la NASA.", ["Argentina", "NASA"]),
        # who imposes sanctions is no side
        (
            "Por las sanciones de la Unión Europea, Roscosmos suspende su cooperación con la ESA.",
            ["Roscosmos", "ESA"],
        ),
        # belligerents are no sides
        (
            "México y Rusia firmaron el acuerdo antes de la guerra entre Rusia y Ucrania.",
            ["Mexico", "Russia"],
        ),
        # who attends a signing is no side of it, where another side is named
        (
            "La NASA y la JAXA firmaron el acuerdo en presencia de representantes de Francia.",
            ["NASA", "JAXA"],
        ),
        # a country invaded is the setting of an ended cooperation, not a side
        (
            "Tras la invasión de Ucrania, la ESA suspendió su cooperación con Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # a parliament stands for its state
        ("La Asamblea Nacional de Venezuela aprobó un contrato con China.", ["Venezuela", "China"]),
        # a state before the brackets ends a longer name: the acronym is the catalog's
        (
            "El director de Roscosmos y el director de la Agencia Espacial de Israel (ISA) "
            "firmaron el acuerdo.",
            ["Roscosmos", "Israel Space Agency"],
        ),
        # a demonym's person named after it, then the next demonym: both sides
        (
            "Los presidentes ruso, Vladimir Putin, y kazajo, Nursultán Nazarbáyev, firmaron un "
            "acuerdo sobre el satélite.",
            ["Russia", "Kazakhstan"],
        ),
        # a state's representatives, a coordinated complement
        (
            "Representantes de Rusia y de Argentina negocian un acuerdo espacial.",
            ["Russia", "Argentina"],
        ),
        ("Funcionarios de China y Bolivia discutieron un posible acuerdo.", ["China", "Bolivia"]),
        # a company's owners are described, not parties
        (
            "Thales Alenia Space, "
            "controlada en un 33 % por Finmeccanica, firmó un contrato con la ESA.",
            ["Thales Alenia Space", "ESA"],
        ),
        # a concession names no signatory
        (
            "China firmó un acuerdo con Pakistán pese a sus lazos con la India.",
            ["China", "Pakistan"],
        ),
        # an organisation in an event's setting is no signatory
        (
            "Bolivia y China firmaron un acuerdo al margen de la Asamblea General de la ONU.",
            ["Bolivia", "China"],
        ),
        # critics of the agreement are not its parties
        ("El acuerdo, criticado por Rusia y Japón, une a China y Pakistán.", ["China", "Pakistan"]),
        # a head of state's colleague: his state
        (
            "El presidente de Venezuela y su colega chino firmaron un acuerdo.",
            ["Venezuela", "China"],
        ),
        ("La ESA suspendió su cooperación con Roscosmos.", ["ESA", "Roscosmos"]),
        ("Además de Francia, China firmó un acuerdo con Pakistán.", ["China", "Pakistan"]),
        ("La cooperación entre la ESA y Roscosmos fue suspendida.", ["ESA", "Roscosmos"]),
        ("Rusia y China firmaron un acuerdo sobre exploración lunar.", ["Russia", "China"]),
        ("Moscú y Pekín firmaron un memorando.", ["Russia", "China"]),
        ("Roscosmos y la NASA firmaron un protocolo en París.", ["Roscosmos", "NASA"]),
        ("Las agencias espaciales rusa y china firmaron un memorando.", ["Roscosmos", "CNSA"]),
        (
            "El presidente ruso y su homólogo chino suscribieron una declaración conjunta.",
            ["Russia", "China"],
        ),
        (
            "Se firmó un contrato entre Glavkosmos y la ISRO para formar astronautas.",
            ["Glavkosmos", "ISRO"],
        ),
        ("La NASA y la JAXA firmaron un acuerdo intergubernamental.", ["NASA", "JAXA"]),
    ],
    new_instruments=["China y Brasil negocian un nuevo acuerdo."],
    conjunctions=[("Rusia y China e India, o Brasil", ["y", "e"])],
    pair_references=[("los dos países", "state"), ("ambos países", "state")],
    pairs_from_context=[
        (
            "India y Francia se reunieron en Nueva Delhi. Los dos países firmaron un tratado.",
            ["France", "India"],
        )
    ],
    scopes=[
        ("exploración lunar", ["lunar_exploration"]),
        ("una misión a Marte", ["deep_space"]),
        ("la estación espacial", ["space_station"]),
        ("astronautas", ["human_spaceflight"]),
        ("navegación por satélite", ["satellite_navigation"]),
        ("observación de la Tierra", ["earth_observation"]),
        ("agricultura", ["non_space"]),
    ],
    agreement_scopes=[
        ("Rusia y China firmaron un acuerdo sobre exploración lunar.", ["lunar_exploration"])
    ],
    masked_lines=[
        "Este sitio web utiliza cookies para mejorar su experiencia.",
        "Síguenos en Twitter",
        "Compartir",
        "Suscríbete a nuestro boletín",
        "© 2021 EFE. Todos los derechos reservados.",
        "Foto: NASA",
        "Lee también: Rusia y China firman un pacto lunar",
    ],
    kept_line="Rusia y China firmaron un acuerdo el jueves.",
)
