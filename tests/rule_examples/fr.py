"""French rules (rules/fr/): the examples every language's checks read."""

from tests.rule_examples import Examples

EXAMPLES = Examples(
    model="fr_core_news_md",
    date_anchors={"months": "janvier", "weekdays": "lundi"},
    inflected=(),
    entities=[
        ("coopération avec les partenaires européens", [("partenaires européens", "ESA")]),
        (
            "avec l'Agence pour la Sécurité de la Navigation aérienne en Afrique et à Madagascar",
            [
                (
                    "Agence pour la Sécurité de la Navigation aérienne en Afrique et à Madagascar",
                    "ASECNA",
                )
            ],
        ),
        # spellings of the French press
        ("un contrat avec Rechetnev", [("Rechetnev", "ISS Reshetnev")]),
        ("un contrat avec Ariane Espace", [("Ariane Espace", "Arianespace")]),
        ("une convention avec Ariane Group", [("Ariane Group", "ArianeGroup")]),
        ("des entretiens à Moscou", [("Moscou", "Russia")]),
        ("Pékin a répondu", [("Pékin", "China")]),
        ("les États-Unis et la Russie", [("États-Unis", "United States"), ("Russie", "Russia")]),
        ("le Kremlin a déclaré", [("Kremlin", "Russia")]),
        ("le Pentagone a commandé", [("Pentagone", "United States")]),
        ("l'agence spatiale russe", [("agence spatiale russe", "Roscosmos")]),
        ("la Station spatiale internationale", [("Station spatiale internationale", "ISS")]),
        ("les systèmes GLONASS et Beidou", [("GLONASS", "GLONASS"), ("Beidou", "BeiDou")]),
        ("Il a signé en mars 2020 un accord.", []),
        ("Elle se dit asi contente.", []),
        ("une entreprise chinoise", []),
    ],
    demonyms=[
        ("la partie russe", "russe", "Russia"),
        ("le gouvernement chinois", "chinois", "China"),
        ("la délégation grecque", "grecque", "Greece"),
        ("le ministre turc", "turc", "Turkey"),
    ],
    instruments=[
        # agreeing with avoir: only where the parties are named right before, and to do
        ("La Russie et l'Angola ont convenu de construire AngoSat-2.", "agreement"),
        ("Les parties ont convenu qu'une discussion aurait lieu.", None),
        # a declaration named in quotes after a place, whatever the tagger reads the place as
        # (straight quotes: there the tagger reads "Mexico" as a common noun)
        ('La "déclaration de Mexico" a été signée par des agences.', "joint_statement"),
        # one piece of hardware ordered, the verb's object: a contract; to command is none
        ("Eutelsat a commandé à Airbus un nouveau satellite de communications.", "contract"),
        ("Le général a commandé une unité de l'armée de l'air.", None),
        # a tender won is a contract
        (
            "Thales Alenia Space a remporté l'appel d'offres pour la construction d'un satellite.",
            "contract",
        ),
        # the participle of "traiter" is no treaty
        ("Il s'agit d'un projet traité avec la société Glavkosmos.", None),
        ("Le traité de coopération a été signé en 1967.", "treaty"),
        # a launch or a build won: a contract
        ("Arianespace a obtenu le lancement d'Hispasat 1E.", "contract"),
        ("Thales a décroché la construction de deux satellites.", "contract"),
        # a supplier chosen, charged or hired to build or launch: a contract
        ("L'ESA a chargé Airbus de construire deux satellites.", "contract"),
        # its supplier named at length, in asides, and the buyer as a pronoun
        (
            "Le Maroc a sélectionné un groupe israélien -vraisemblablement Israel Aerospace "
            "Industries (IAI)- pour lui fournir un satellite.",
            "contract",
        ),
        # a declaration of intentions, plural, is a memorandum as the singular is
        ("La Nasa et le Japon ont signé une déclaration d'intentions.", "memorandum"),
        # letters or notes exchanged conclude an arrangement
        ("Le Japon et les États-Unis ont échangé des lettres sur la station Gateway.", "other"),
        # a cooperation plan is a programme
        ("La France et la Chine ont adopté un plan de coopération spatiale.", "programme"),
        # a charter signed
        ("Le Maroc a signé la charte de base du Groupe.", "other"),
        # a lease between states
        ("Le bail de Baïkonour a été prorogé jusqu’en 2050.", "other"),
        # an order placed, a signing with a supplier for a launch
        ("La commande passée par Eutelsat à Airbus porte sur deux satellites.", "contract"),
        ("Eutelsat a passé une commande auprès d'Airbus.", "contract"),
        # an order said to be signed, whatever it orders (control is never signed)
        ("La commande doit être signée lundi à Londres.", "contract"),
        ("Eutelsat et Airbus ont signé la commande lundi.", "contract"),
        ("SES a signé avec SpaceX pour le lancement de quatre satellites.", "contract"),
        ("L'accord signé avec la Chine pour la construction de la station.", "agreement"),
        # texts or documents signed together, unnamed
        (
            "Vladimir Poutine et Noursoultan Nazarbaïev signeront plusieurs textes bilatéraux.",
            "other",
        ),
        ("La Russie et le Kazakhstan ont signé une série de documents.", "other"),
        ("Le document a été signé par la Russie et la Chine.", None),
        # entrusting a supplier with building or launching
        ("Eutelsat a confié à Arianespace le lancement de cinq satellites.", "contract"),
        ("Le CNES confie la réalisation du satellite à Thales.", "contract"),
        ("Le ministre a confié à son équipe la préparation du sommet.", None),
        ("Les deux pays sont convenus de lancer un satellite.", "agreement"),
        ("Le Japon et l'Inde se sont mis d'accord pour coopérer.", "agreement"),
        ("Les deux agences se mettent d’accord sur un calendrier.", "agreement"),
        # other names of an agreement
        ("Les deux pays ont mis à jour un pacte sur la navigation.", "agreement"),
        ("Le CNES et l'ASC ont signé une entente de coopération.", "agreement"),
        ("Le CNES a signé un mémorandum d'entente avec la CNSA.", "memorandum"),
        ("Les agences ont conclu un arrangement technique.", "agreement"),
        ("Un arrangement de mise en œuvre a été signé.", "agreement"),
        # the diplomatic exchange that concludes an arrangement
        ("Un échange de lettres a complété ce dispositif en 2012.", "other"),
        ("Un échange de notes entre les deux gouvernements.", "other"),
        # a declaration signed or adopted together
        ("Les ministres ont signé vendredi une déclaration sur GLONASS.", "joint_statement"),
        ("Les deux chefs d'État ont adopté une déclaration de politique.", "joint_statement"),
        ("Les deux pays ont signé une déclaration d'intention.", "memorandum"),
        ("Ils ont signé vendredi une déclaration commune.", "joint_statement"),
        # a declaration whose object is cooperation needs no verb
        ("Une déclaration de coopération a été discutée.", "joint_statement"),
        # an order of space hardware or launches
        ("Eutelsat a commandé deux satellites à Airbus.", "contract"),
        # the supplier told first; a count, then a product or a model's designation
        ("Eutelsat a commandé à Airbus deux satellites de télécommunications.", "contract"),
        ("ULA a commandé au holding Energomach 20 RD-180 supplémentaires.", "contract"),
        ("Le général a commandé au régiment 3 exercices.", None),
        ("L'astronaute a commandé à son équipage deux sorties.", None),
        ("L'opérateur a passé la commande de 4 lancements à Arianespace.", "contract"),
        ("Lima achète un satellite d'observation à la France.", "contract"),
        ("Le Pérou a acquis deux satellites auprès d'Airbus.", "contract"),
        # buying what is not space hardware, or a satellite's images
        ("L'agence achète des images du satellite.", None),
        # look-alikes: a good relation, not an instrument
        ("Il règne une bonne entente entre les équipes.", None),
        ("Le CNES et Roscosmos célèbrent leur entente parfaite.", None),
        # a statement of one side to the press
        ("Dans une déclaration, le ministre a salué le lancement.", None),
        # "commande" as control
        ("Le centre de commande du satellite est à Toulouse.", None),
        ("Le logiciel de commande des satellites a été mis à jour.", None),
        ("Le module de commande a été testé deux fois.", None),
        # an ordinary arrangement
        ("Des arrangements pratiques restent à trouver pour le voyage.", None),
    ],
    idioms=[
        # agreeing only to look into something
        "Les deux parties sont convenues d'étudier les possibilités de projets communs.",
        "La Russie et l'Angola ont convenu d'étudier les possibilités de projets communs.",
        "La France et l'Inde entretiennent un partenariat de longue date dans le spatial.",
        "Les caméras, développées en partenariat avec 3DPlus, voleront sur la mission.",
        "Le ministre est d'accord avec le plan.",
        "La Russie et la Chine développent leur partenariat stratégique.",
        "Ils ont agi d'un commun accord.",
        "En accord avec la NASA, le lancement a été reporté.",
    ],
    agreements=[
        # a cooperation that cannot go on is ended
        (
            "La Russie a annoncé qu'il serait impossible de poursuivre la coopération "
            "avec l'Ukraine.",
            [("other", "terminated", ["Russia", "Ukraine"])],
        ),
        # parties that agree, with the auxiliary avoir, named right before the verb
        (
            "L'Angola et la Russie avaient convenu en 2009 de lancer Angosat-1.",
            [("agreement", "signed", ["Angola", "Russia"])],
        ),
        # a company's partner, where the sentences before name several others: the company
        # the article is about
        (
            "OneWeb déploie sa constellation OneWeb. La Russie et les États-Unis s'opposent "
            "sur les sanctions. Le contrat signé avec Arianespace en septembre 2020 prévoyait "
            "16 tirs de Soyouz.",
            [("contract", "signed", ["OneWeb", "Arianespace"])],
        ),
        # a supplier the pattern takes in is a side, though no cue tells the signing
        (
            "Le Maroc a sélectionné le groupe Israel Aerospace Industries pour lui fournir un "
            "satellite.",
            [("contract", None, ["Morocco", "Israel Aerospace Industries"])],
        ),
        # the company the article is about, as the subject, is a side
        (
            "Avio a signé un contrat avec l'ASI. "
            "Le groupe a également signé avec l'ESA et le CNES des contrats de lancement.",
            [
                ("contract", "signed", ["Avio", "ASI"]),
                ("contract", "signed", ["Avio", "ESA", "CNES"]),
            ],
        ),
        # what an agreement provides for is no agreement of its own
        (
            "L'accord, conclu à Bakou, prévoit un partenariat commercial à long terme entre IAI "
            "et Azercosmos.",
            [("agreement", "signed", ["Israel Aerospace Industries", "Azercosmos"])],
        ),
        # the sides before a distributive word each make one agreement with the others
        (
            "L'Éthiopie et le Kenya ont décroché chacun un accord spatial avec la France.",
            [
                ("agreement", None, ["Ethiopia", "France"]),
                ("agreement", None, ["Kenya", "France"]),
            ],
        ),
        # an instrument in apposition describes the one named before it: no other agreement
        (
            "La Malaisie et les Philippines ont signé les accords Artemis, un traité "
            "international initié par les États-Unis.",
            [
                ("agreement", "signed", ["Malaysia", "United States"]),
                ("agreement", "signed", ["Philippines", "United States"]),
            ],
        ),
        # a document signed by the sides it names, with no agreement of theirs before: the
        # instrument named last
        (
            "Le Parlement a ratifié le protocole sur l'espace. Le document a été signé par la "
            "Russie et la Chine en 2019.",
            [("protocol", "signed", ["Russia", "China"])],
        ),
        # joiners of a programme pointed at are no signatories of a document
        (
            "Le Parlement a salué le programme spatial. Le Pakistan et le Bélarus ont rejoint "
            "le programme.",
            [],
        ),
        # a clause set off by commas between the verb and the cooperation tells when, not who
        (
            "L'ESA a suspendu, après l'invasion de l'Ukraine, sa coopération avec Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # documents counted by the verb's object: one with each counterpart
        (
            "Le CNES a signé deux documents avec la Nasa et le DLR.",
            [("other", "signed", ["CNES", "NASA"]), ("other", "signed", ["CNES", "DLR"])],
        ),
        # a short head points back to the space agency the article names ("l'agence
        # luxembourgeoise"); not a press agency named after it, nor an agency never named
        (
            "L'Agence spatiale luxembourgeoise grandit. "
            "L'agence luxembourgeoise a signé un accord avec la Nasa.",
            [("agreement", "signed", ["LSA", "NASA"])],
        ),
        (
            "Selon l'agence russe, la Chine et l'Inde ont signé un accord.",
            [("agreement", "signed", ["China", "India"])],
        ),
        (
            "Roscosmos grandit. L'agence russe Interfax rapporte que la Chine et l'Inde ont "
            "signé un accord.",
            [("agreement", "signed", ["China", "India"])],
        ),
        # an ended cooperation agreement is that agreement, ended
        (
            "L'ESA a suspendu son accord de coopération avec Roscosmos.",
            [("agreement", "terminated", ["ESA", "Roscosmos"])],
        ),
        # the agent of the signing names its sides; who comments on it is none
        (
            "Washington a critiqué l'accord signé mardi par la Russie et la Chine.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "La France et l'Inde ont conclu un accord, signé par le ministre indien.",
            [("agreement", "signed", ["France", "India"])],
        ),
        # a cooperation put on hold
        (
            "L’ESA a mis en suspens sa coopération avec Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "La coopération entre l’ESA et Roscosmos a été mise en sommeil.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # a named treaty referred to in passing
        (
            "La Russie et la Chine défendent le droit spatial "
            "(notamment le Traité de l’espace de 1967).",
            [],
        ),
        (
            "La Russie et la Chine, parties au Traité de l’espace, ont signé un mémorandum.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        # the provisions of a named treaty, after another named instrument: still in passing
        (
            "L'Italie et le Luxembourg ont signé l'Accord-cadre, dans le respect des "
            "dispositions du Traité sur l'espace.",
            [("agreement", "signed", ["Italy", "Luxembourg"])],
        ),
        # an instrument told vaguely counts only where none is named
        (
            "Le CNES est en pourparlers avec l'ISRO en vue de formaliser leur coopération.",
            [("other", "negotiating", ["CNES", "ISRO"])],
        ),
        (
            "Afin de formaliser leur coopération, le CNES et l'ISRO ont signé un accord.",
            [("agreement", "signed", ["CNES", "ISRO"])],
        ),
        (
            "Le CNES et l'ISRO sont convenus de formaliser les modalités de leur coopération.",
            [("agreement", "proposed", ["CNES", "ISRO"])],
        ),
        (
            "L'ESA a décidé de suspendre sa coopération avec Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "La Russie met fin à sa coopération avec l'Allemagne.",
            [("other", "terminated", ["Russia", "Germany"])],
        ),
        (
            "La coopération entre la Russie et l'ESA a été suspendue.",
            [("other", "terminated", ["Russia", "ESA"])],
        ),
        ("L'ESA pourrait suspendre sa coopération avec Roscosmos.", []),
        ("La Russie et l'ESA coopèrent depuis 1975.", []),
        (
            "La Russie et la Chine ont signé un accord.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Moscou et Pékin ont signé un mémorandum.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Le CNES et la NASA ont signé un protocole à Paris.",
            [("protocol", "signed", ["CNES", "NASA"])],
        ),
        (
            "Les agences spatiales russe et chinoise ont signé un mémorandum.",
            [("memorandum", "signed", ["Roscosmos", "CNSA"])],
        ),
        (
            "La Russie et la Chine vont signer un accord.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "La Russie et la Chine négocient un accord.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        ("L'accord sino-russe a été signé.", [("agreement", "signed", ["China", "Russia"])]),
        (
            "Un contrat a été signé entre Glavkosmos et l'ISRO.",
            [("contract", "signed", ["Glavkosmos", "ISRO"])],
        ),
    ],
    statuses=[
        # a signing to come told in the conditional of reported speech, as in es and pt
        ("Le ministre a annoncé qu'un accord serait signé dès mercredi avec la JAXA.", "proposed"),
        # a partnership its parties announce is made
        ("L'ESA et la JAXA ont annoncé un partenariat renforcé.", "signed"),
        # a signing told in the future, a clause set off by commas between
        (
            "La signature du contrat du satellite, qui est évalué à 185 millions d'euros "
            "selon la presse, se fera en présence du Premier ministre.",
            "proposed",
        ),
        # intending to sign, the verb read as a noun by the model
        ("Roskosmos compte signer un accord avec le Kazakhstan en 2012.", "proposed"),
        # an order of hardware placed: the contract made
        ("Eutelsat a commandé à Airbus un nouveau satellite.", "signed"),
        # a renewal to come, of an agreement in force: the renewal is what is told
        (
            "EUMETSAT va renouveler pour cinq ans son accord avec l'ASECNA, qui est en "
            "vigueur depuis 1998.",
            "proposed",
        ),
        ("L'accord entre EUMETSAT et l'ISRO sera également renouvelé pour cinq ans.", "proposed"),
        ("Le CNES renouvellera son accord avec la NASA.", "proposed"),
        ("Le CNES prévoit de prolonger son accord avec la NASA.", "proposed"),
        ("Le CNES a renouvelé son accord avec la NASA.", "signed"),
        # an adverb between the verb and the cooperation it ends
        ("Le Covid a contraint Ariane Group à arrêter ainsi la collaboration.", "terminated"),
        # a signing they failed to make: still negotiated
        ("La Russie et la Chine n'ont pas réussi à conclure un accord.", "negotiating"),
        # authorised to sign, a signing told in the future: to come
        ("L'agence a été autorisée à signer un contrat avec la société.", "proposed"),
        ("La signature du contrat se fera en présence du Premier ministre.", "proposed"),
        ("Le président présidera demain la cérémonie de signature de l'accord.", "proposed"),
        ("La signature de l'accord a eu lieu mardi.", "signed"),
        # what the sides agreed under an agreement is what it says, not its application
        (
            "En vertu de ce mémorandum, les deux agences sont convenues de promouvoir la "
            "politique spatiale.",
            "signed",
        ),
        ("Dans le cadre de cet accord, la Russie a livré des moteurs en 2019.", "in_force"),
        ("Le gouvernement a approuvé le projet d'accord avec l'Inde.", "proposed"),
        # an entry into force as a condition, by the infinitive, or wished for: still to come
        ("Une fois entré en vigueur, l'accord sera valable 10 ans.", None),
        (
            "Les deux pays suivront leurs procédures avant de mettre en vigueur le pacte.",
            None,
        ),
        ("Le gouvernement souhaite que l'accord entre en vigueur début 2017 au plus tard.", None),
        ("Le protocole que la Russie a signé entre en vigueur aujourd'hui.", "in_force"),
        # the near future of a passive is a signing to come
        ("Un accord entre la Russie et la France va être signé.", "proposed"),
        # the text agreed, not yet signed
        ("La France et l'Inde ont finalisé le texte de l'accord.", "negotiating"),
        # a contract awarded is concluded
        ("La NASA a attribué à SpaceX un contrat de 2,9 milliards de dollars.", "signed"),
        ("Le CNES attribue une grande importance au contrat.", None),
        # a former agreement is ended; a former president still signs
        ("L’ancien accord entre la Russie et l’Ukraine prévoyait des lancements.", "terminated"),
        ("L’ancien président russe a signé un accord avec la Chine.", "signed"),
        ("Des responsables chinois ont discuté d’un éventuel accord.", "negotiating"),
        # a contract won is concluded; hoping to win one is not
        ("Airbus a remporté le contrat de l’ESA.", "signed"),
        ("Airbus espère remporter le contrat de l’ESA.", None),
        ("OHB a reçu de l'ESA un contrat pour deux satellites.", "signed"),
        ("OHB espère obtenir un contrat de l'ESA.", None),
        ("Le Japon et l'Inde se sont mis d'accord pour coopérer.", "signed"),
        # an order placed is the contract concluded; one to be placed is not yet
        ("Eutelsat a commandé à Airbus deux satellites.", "signed"),
        ("La commande passée par Eutelsat porte sur deux satellites.", "signed"),
        ("Eutelsat commandera à Airbus deux satellites.", None),
        # agreed to sign: a signing to come
        ("La Russie et la Biélorussie sont convenues de signer un accord.", "proposed"),
        ("La France et l'Inde ont exprimé l'intention de signer un accord.", "proposed"),
        ("Une fois signé, l'accord entre la Russie et la Chine permettra des vols.", None),
        ("Arianespace a annoncé la prochaine signature d'un contrat avec Roscosmos.", "proposed"),
        ("L'accord existant couvre les lancements.", "in_force"),
        (
            "La Russie et la Chine ont signé un accord pour remplacer les satellites existants.",
            "signed",
        ),
        # applied: done under the agreement, framed by it, still valid
        ("En vertu de l'accord signé en 2014, la Russie a livré des moteurs.", "in_force"),
        ("Conformément à l'accord, le CNES a fourni l'instrument.", "in_force"),
        ("Au titre de ce contrat, Arianespace a lancé trois satellites.", "in_force"),
        ("La coopération repose sur un accord intergouvernemental signé en 1997.", "in_force"),
        ("Cette coopération entre dans le cadre d'un accord signé en 2010.", "in_force"),
        ("L'accord-cadre, dont la mise en œuvre a été rapide, couvre le climat.", "in_force"),
        ("L'accord signé en 2014 reste en vigueur.", "in_force"),
        ("L'accord reste valable.", "in_force"),
        ("L'accord-cadre entre les deux agences expirera en décembre 2021.", "in_force"),
        ("Le contrat prendra fin en 2030.", "in_force"),
        ("L'accord sortira son plein effet en 2025.", "in_force"),
        ("L'accord a pris effet le 1er janvier.", "in_force"),
        # a fresh agreement's content, looking ahead: it exists, signed
        ("Dans le cadre de cet accord, la CNSA intégrera des expériences.", "signed"),
        ("Au titre de ce partenariat, le CNES fournira un instrument.", "signed"),
        ("Dans le cadre de l'accord, il est prévu d'identifier les utilisateurs.", "signed"),
        ("Grâce à cet accord, l'Europe ne dépendra plus de la Russie.", "signed"),
        # negation of entry into force and of signing
        ("L'accord n'est pas encore entré en vigueur.", "signed"),
        ("Le traité n'a pas encore été ratifié.", "signed"),
        ("La Russie n'a pas encore signé l'accord.", "negotiating"),
        ("L'accord n'est plus en vigueur.", "terminated"),
        # ending: suspension, termination, withdrawal, a supply that stops
        ("L'ESA a décidé de suspendre sa coopération avec Roscosmos.", "terminated"),
        ("La résiliation du contrat coûtera dix ans de recherches.", "terminated"),
        ("La Russie ne fournira plus de moteurs aux États-Unis.", "terminated"),
        ("La Russie ne livre plus de moteurs.", "terminated"),
        ("Les deux pays ont décidé de ne plus coopérer.", "terminated"),
        ("L'ESA constate l'impossibilité de poursuivre la mission avec Roscosmos.", "terminated"),
        ("La Russie met fin à sa coopération avec l'Allemagne.", "terminated"),
        ("Le contrat a pris fin en 2020.", "terminated"),
        ("La coopération entre la Russie et l'ESA a été gelée.", "terminated"),
        ("La Russie a quitté le programme.", "terminated"),
        ("La Russie se retire de l'accord.", "terminated"),
        ("L'accord est devenu caduc.", "terminated"),
        ("La suspension de la coopération a été annoncée mardi.", "terminated"),
        # in preparation, still to come
        ("Les deux pays travaillent à un accord spatial.", "negotiating"),
        ("Les deux agences finalisent un mémorandum.", "negotiating"),
        ("Les deux pays sont sur le point de signer un accord.", "negotiating"),
        ("Les deux agences préparent un accord.", "negotiating"),
        ("Leur futur accord couvrira la navigation.", "proposed"),
        ("Une rencontre a eu lieu en vue de la signature d'un accord.", "proposed"),
        ("La ratification de la charte par le Maroc est une étape.", "signed"),
        ("Les deux pays sont parvenus à un accord.", "signed"),
        # an entry into force still to come, a threat: no stage of their own
        ("L'accord entrera en vigueur en 2025.", None),
        ("L'accord devrait entrer en vigueur l'an prochain.", None),
        ("Moscou menace de suspendre l'accord avec Washington.", None),
        ("La Russie pourrait se retirer de l'accord.", None),
        ("La Russie envisage de se retirer du programme.", None),
        # look-alikes of ending words
        ("De l'eau gelée a été découverte sur la Lune.", None),
        ("Le programme ne dépend plus de la Russie.", None),
        ("Les deux agences travaillent sur un projet de mission lunaire.", None),
        ("La fusée a été lancée dans le cadre du programme d'exploration lunaire chinois.", None),
    ],
    signings_to_come=[
        (
            "La Russie et la Chine signent lundi un accord spatial. "
            "L'accord sera signé par les ministres.",
            "proposed",
            "2021-03-15",
        ),
    ],
    dates=[
        # a press release's "ce jour": the day it is written
        ("Le CNES et la NASA ont signé ce jour un accord.", "ce jour", "2021-03-11"),
        # a season without its year: the nearest one, as the tense or relative word says
        ("La Russie et la Chine ont signé un accord l'été dernier.", "l'été dernier", "2020"),
        # so long before the writing
        ("La Russie et la Chine ont signé un accord il y a deux ans.", "il y a deux ans", "2019"),
        # the week before the writing: its month
        (
            "La Russie et la Chine ont signé un accord la semaine dernière.",
            "la semaine dernière",
            "2021-03",
        ),
        # a month of the year before the writing, not the nearest one
        (
            "L'accord a été signé en juillet de l'année dernière.",
            "en juillet de l'année dernière",
            "2020-07",
        ),
        ("L'accord a été signé mercredi à Paris.", "mercredi", "2021-03-10"),
        ("L'accord a été signé hier à Paris.", "hier", "2021-03-10"),
        ("L'accord a été signé le 9 mars 2021 à Paris.", "le 9 mars 2021", "2021-03-09"),
        ("L'accord a été signé en 2019 à Paris.", "en 2019", "2019"),
        ("L'accord a été signé l'année prochaine à Paris.", "l'année prochaine", "2022"),
        ("L'accord a été signé le mois dernier à Paris.", "le mois dernier", "2021-02"),
        ("L'accord a été signé en mars à Paris.", "en mars", "2021-03"),
        ("L'accord a été signé le 15/09/2023 à Paris.", "le 15/09/2023", "2023-09-15"),
    ],
    agreement_dates=[
        ("La Russie et la Chine ont signé un accord mercredi.", "2021-03-11", "2021-03-10"),
        ("La Russie et la Chine ont signé un accord le 9 mars 2021.", None, "2021-03-09"),
        ("La Russie et la Chine ont signé un accord en 2019.", None, "2019"),
        ("La Russie et la Chine ont signé un accord hier.", "2021-03-11", "2021-03-10"),
        ("La Russie et la Chine signeront un accord l'an prochain.", "2021-03-11", "2022"),
        # a ratification follows the signing it tells: the signing dates the agreement
        (
            "La Douma a ratifié mardi l'accord entre la Russie et la Chine, signé le 25 "
            "novembre 2020.",
            "2021-03-11",
            "2020-11-25",
        ),
    ],
    periods=[
        (
            "L'accord est valable pour la période 2018-2022.",
            "pour la période 2018-2022",
            "2018",
            "2022",
        ),
        ("L'accord est valable jusqu'en 2027.", "jusqu'en 2027", None, "2027"),
        ("L'accord est valable de 2023 à 2027.", "de 2023 à 2027", "2023", "2027"),
        ("L'accord est valable à partir de 2023.", "à partir de 2023", "2023", None),
    ],
    sentence_parties=[
        # the country an aggression is against, an adjective or a name between, is no side
        (
            "Après l'agression russe contre l'Ukraine, l'ESA a suspendu "
            "sa coopération avec Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # the agency of an organisation among the complements of an agency head
        (
            "Roscosmos a suspendu la coopération avec les agences spatiales des États-Unis, du "
            "Canada, de l'Union européenne et du Japon.",
            ["Roscosmos", "United States", "Canada", "ESA", "Japan"],
        ),
        # the complement that a relative clause right after says signed is a side
        (
            "Les ambitions de la France, qui a signé un accord avec le Japon, grandissent.",
            ["France", "Japan"],
        ),
        # the target of a verb of criticism is no side
        (
            "Le Mexique défend un accord avec la Russie et critique Washington.",
            ["Mexico", "Russia"],
        ),
        # a place before a news agency's credit and a dash is where the news was filed
        ("Paris (awp/afp) - Eutelsat a commandé deux satellites à Airbus.", ["Eutelsat", "Airbus"]),
        # a minister's demonym after the portfolio; a name after it is a person
        ("Le ministre de la Défense russe a signé un accord avec la Chine.", ["Russia", "China"]),
        ("Le ministre de la Défense Sergueï Choïgou a signé un accord avec la Chine.", ["China"]),
        # who imposes sanctions is no side
        (
            "En réponse aux sanctions de l'UE, Roscosmos suspend sa coopération avec l'ESA.",
            ["Roscosmos", "ESA"],
        ),
        # belligerents are no sides
        (
            "Le Mexique et la Russie ont signé l'accord avant la guerre entre la "
            "Russie et l'Ukraine.",
            ["Mexico", "Russia"],
        ),
        # who attends a signing is no side of it, where another side is named
        (
            "L'accord a été conclu par le CNES et l'ISRO en présence de représentants de "
            "l'Union africaine et de la France.",
            ["CNES", "ISRO"],
        ),
        # alone, they are the sides
        (
            "Un accord a été signé en présence des présidents russe et égyptien.",
            ["Russia", "Egypt"],
        ),
        # a country invaded is the setting of an ended cooperation, not a side
        (
            "Après l'invasion de l'Ukraine, l'ESA a suspendu sa coopération avec Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # a parliament stands for its state
        (
            "Le Parlement vénézuélien autorise un nouveau contrat de satellite avec la Chine.",
            ["Venezuela", "China"],
        ),
        # a parliament that ratifies stands for its state
        (
            "La Douma a ratifié un accord avec les Émirats arabes unis.",
            ["Russia", "United Arab Emirates"],
        ),
        # an acronym the article defines in brackets is that party's, whatever the catalog
        # says ("l'Agence spatiale égyptienne (ESA)")
        (
            "Le PDG de l'Agence spatiale égyptienne (ESA) et un représentant de l'Agence "
            "spatiale chinoise ont signé le protocole.",
            ["EgSA", "CNSA"],
        ),
        # a demonym's person named after it, then the next demonym: both sides
        (
            "Les présidents russe Vladimir Poutine et kazakh Noursoultan Nazarbaïev ont signé un "
            "accord sur le satellite KazSat.",
            ["Russia", "Kazakhstan"],
        ),
        # a state's representatives, a coordinated complement
        (
            "Des représentants de la Russie et de l’Argentine négocient un accord.",
            ["Russia", "Argentina"],
        ),
        # a company's owners are described, not parties
        (
            "Thales Alenia Space, "
            "contrôlée à 33 % par Finmeccanica, a signé un contrat avec l’ESA.",
            ["Thales Alenia Space", "ESA"],
        ),
        # a concession names no signatory
        (
            "La Chine a signé un accord avec le Pakistan malgré ses liens avec l'Inde.",
            ["China", "Pakistan"],
        ),
        # a place in an instrument's name is no side
        (
            "Le CNES et le Maroc ont signé un accord pour la mise en œuvre de la Déclaration "
            "de New Delhi.",
            ["CNES", "Morocco"],
        ),
        # nor in a quoted one, its signatories named after it
        (
            "La « déclaration de Mexico » a été signée par des agences spatiales dont la NASA "
            "et l'ESA.",
            ["NASA", "ESA"],
        ),
        # an organisation in an event's setting is no signatory
        (
            "La Bolivie et la Chine ont signé un accord en marge de l'Assemblée générale de l'ONU.",
            ["Bolivia", "China"],
        ),
        (
            "L'Égypte et les Émirats ont conclu l'accord à la 11ᵉ réunion de l'Union africaine.",
            ["Egypt", "United Arab Emirates"],
        ),
        # critics of the agreement are not its parties
        (
            "L'accord, contesté par la Russie et le Japon, lie la Chine et le Pakistan.",
            ["China", "Pakistan"],
        ),
        ("Moscou et Pékin ont signé un accord.", ["Russia", "China"]),
        ("Outre la France, la Chine a signé un accord avec le Pakistan.", ["China", "Pakistan"]),
        ("MOSCOU, 9 mars (AFP) – Roscosmos et la NASA ont signé un accord.", ["Roscosmos", "NASA"]),
        ("Roscosmos a signé un accord à Paris.", ["Roscosmos"]),
        ("Les agences spatiales russe et chinoise ont signé un mémorandum.", ["Roscosmos", "CNSA"]),
        ("Le Kremlin et la Maison Blanche ont signé un accord.", ["Russia", "United States"]),
    ],
    new_instruments=["La Chine et le Brésil négocient un nouvel accord."],
    conjunctions=[
        ("la France, l'Inde et le Japon, ou la Chine, y compris", ["et"]),
    ],
    pair_references=[
        ("les deux pays", "state"),
        ("les deux agences", "agency"),
        ("les deux parties", "party"),
    ],
    pairs_from_context=[
        (
            "La Russie et la Chine construisent une station lunaire. "
            "Les deux pays ont signé un accord.",
            ["China", "Russia"],
        ),
        (
            "L'Inde et la France se sont rencontrées à New Delhi. "
            "Les deux pays ont signé un traité.",
            ["France", "India"],
        ),
    ],
    scopes=[
        ("l'exploration lunaire", ["lunar_exploration"]),
        ("la station spatiale", ["space_station"]),
        ("la navigation par satellite", ["satellite_navigation"]),
        ("les astronautes", ["human_spaceflight"]),
        ("l'observation de la Terre", ["earth_observation"]),
        ("une mission vers Mars", ["deep_space"]),
        ("l'agriculture", ["non_space"]),
    ],
    agreement_scopes=[
        (
            "La Russie et la Chine ont signé un accord sur l'exploration lunaire.",
            ["lunar_exploration"],
        ),
        (
            "La Russie et la Chine ont signé un accord sur la navigation par satellite.",
            ["satellite_navigation"],
        ),
    ],
    masked_lines=[
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "Suivez-nous sur Twitter",
        "Abonnez-vous à notre newsletter",
        "Tous droits réservés.",
        "Photo: Reuters",
        "Lire aussi : La Chine et la Russie signent un accord lunaire",
    ],
    kept_line="Roscosmos utilise des cookies, a plaisanté le directeur.",
)
