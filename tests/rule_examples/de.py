"""German rules (rules/de/): the examples every language's checks read."""

from tests.rule_examples import Examples

EXAMPLES = Examples(
    model=None,
    date_anchors={"months": "Januar", "weekdays": "Montag"},
    inflected=(),
    entities=[
        ("die russische Raumfahrtbehörde", [("russische Raumfahrtbehörde", "Roscosmos")]),
        ("der russischen Raumfahrtbehörde", [("russischen Raumfahrtbehörde", "Roscosmos")]),
        ("Chinas nationale Raumfahrtbehörde", [("Chinas nationale Raumfahrtbehörde", "CNSA")]),
        ("die Raumfahrtbehörde Chinas", [("Raumfahrtbehörde Chinas", "CNSA")]),
        ("die Europäische Weltraumorganisation", [("Europäische Weltraumorganisation", "ESA")]),
        (
            "im Deutschen Zentrum für Luft- und Raumfahrt",
            [("Deutschen Zentrum für Luft- und Raumfahrt", "DLR")],
        ),
        (
            "Deutsches Zentrum für Luft- und Raumfahrt",
            [("Deutsches Zentrum für Luft- und Raumfahrt", "DLR")],
        ),
        ("die US-Raumfahrtbehörde", [("US-Raumfahrtbehörde", "NASA")]),
        ("Roskosmos-Chef Juri Borissow", [("Roskosmos-Chef", "Roscosmos")]),
        ("die Staatskorporation Roskosmos", [("Staatskorporation Roskosmos", "Roscosmos")]),
        (
            "Internationale Mondforschungsstation",
            [("Internationale Mondforschungsstation", "ILRS")],
        ),
        ("der Internationalen Raumstation", [("Internationalen Raumstation", "ISS")]),
        ("das Artemis-Abkommen", [("Artemis-Abkommen", "Artemis Accords")]),
        ("das Weltraum-Abkommen „Artemis“", [("Weltraum-Abkommen „Artemis", "Artemis Accords")]),
        ("Gespräche in Moskau", [("Moskau", "Russia")]),
        ("Peking antwortete", [("Peking", "China")]),
        (
            "die Vereinigten Staaten und Russland",
            [("Vereinigten Staaten", "United States"), ("Russland", "Russia")],
        ),
        ("ein chinesisches Unternehmen", []),
        ("die russische Seite", []),
    ],
    demonyms=[
        ("die russische Seite", "russische", "Russia"),
        ("die chinesische Seite", "chinesische", "China"),
        ("der französische Präsident", "französische", "France"),
        ("die amerikanische Delegation", "amerikanische", "United States"),
    ],
    instruments=[
        # agreeing to cooperate, the parties between the verb and the comma
        (
            "Am 29. September 2017 vereinbarten das DLR und die NASA in Washington, "
            "zukünftig im Raumfahrtbereich zu kooperieren.",
            "agreement",
        ),
        # a convention is an agreement, a compound too
        ("Luxemburg hat die ESA-Konvention am 30. Juni 2005 ratifiziert.", "agreement"),
        # a supplier charged with the hardware itself: a contract
        ("Die Kommission hat OHB mit vier weiteren Satelliten für Galileo beauftragt.", "contract"),
        ("Die ESA beauftragte OHB mit zwei Satelliten.", "contract"),
        # the signing of a treaty said in one word
        (
            "Mit einer Vertragsunterzeichnung zwischen Astrium und der ESA begann das Programm.",
            "agreement",
        ),
        # a tender won is a contract
        ("OHB gewann die Ausschreibung für den Bau von zwei Satelliten.", "contract"),
        # a programme for their cooperation
        (
            "Roskosmos und CNSA haben ein Programm für ihre Zusammenarbeit unterschrieben.",
            "programme",
        ),
        # a supplier chosen, charged or hired to build or launch: a contract
        ("Die ESA hat OHB mit dem Bau von zwei Satelliten beauftragt.", "contract"),
        # letters or notes exchanged conclude an arrangement
        ("Japan und die USA tauschten diplomatische Noten über die Station Gateway aus.", "other"),
        # a cooperation plan is a programme
        ("Deutschland und China unterzeichneten einen Kooperationsplan.", "programme"),
        # a charter signed
        ("Marokko unterzeichnete die Charta der Gruppe.", "other"),
        # agreeing on cooperation, the instrument unsaid
        ("Deutschland und Frankreich vereinbarten eine engere Zusammenarbeit.", "agreement"),
        ("Beide einigten sich auf eine Kooperation bei Trägerraketen.", "agreement"),
        ("Sie haben vereinbart, bei einer Mondmission zusammenzuarbeiten.", "agreement"),
        ("Die Zusammenarbeit zwischen DLR und NASA begann 1975.", None),
        # a lease between states
        ("Die Pacht für Baikonur läuft bis 2050.", "other"),
        # entrusting a supplier with building or launching
        ("Die ESA beauftragte OHB mit dem Bau von zwei Satelliten.", "contract"),
        # buying space hardware, not its images
        ("Peru kaufte einen Satelliten bei Airbus.", "contract"),
        ("Die Regierung erwarb zwei Raketen.", "contract"),
        ("Die Regierung kaufte Bilder des Satelliten.", None),
        ("Sie unterzeichneten am Freitag eine Erklärung über die Navigation.", "joint_statement"),
        ("Ein Briefwechsel ergänzte den Rahmen.", "other"),
        ("Die Firma bestellte zwei Satelliten bei Airbus.", "contract"),
        ("Die Firma bestellte bei Airbus zwei Satelliten.", "contract"),
        ("Er bestellte bei Amazon zwei Bücher.", None),
        ("Eutelsat hat vier Satelliten bei Airbus bestellt.", "contract"),
        ("Eine Kooperationserklärung ergänzte den Rahmen.", "joint_statement"),
        # a deal told by its worth is an order, not a treaty
        ("OHB hat einen neuen Millionenvertrag abgeschlossen.", "contract"),
        ("Der Milliardenvertrag sichert Arbeitsplätze.", "contract"),
        ("In einer Erklärung begrüßte der Minister den Start.", None),
        ("Die Satelliten sind bestellt worden, sagte er.", None),
    ],
    idioms=[
        "Deutschland und Frankreich verbindet eine langjährige Partnerschaft in der Raumfahrt.",
        "Russland und China vereinbarten eine strategische Partnerschaft.",
        "Die Kameras, entwickelt in Partnerschaft mit 3DPlus, fliegen auf der Mission.",
    ],
    agreements=[
        # a cooperation that cannot go on is ended
        (
            "Russland erklärte, es sei unmöglich, die Zusammenarbeit mit der Ukraine fortzusetzen.",
            [("other", "terminated", ["Russia", "Ukraine"])],
        ),
        # a cooperation ended; a quoted mission name between is no break
        (
            'Die ESA hat die Zusammenarbeit mit Russland bei deren Mondmissionen "Luna" '
            "eingestellt.",
            [("other", "terminated", ["ESA", "Russia"])],
        ),
        # the company the article is about, as the subject, is a side
        (
            "Avio hat einen Vertrag mit der ASI unterzeichnet. "
            "Der Konzern hat außerdem mit der ESA und dem CNES Startverträge unterzeichnet.",
            [
                ("agreement", "signed", ["Avio", "ASI"]),
                ("contract", "signed", ["Avio", "ESA", "CNES"]),
            ],
        ),
        # the sides before a distributive word each make one agreement with the others
        (
            "Äthiopien und Kenia haben jeweils ein Abkommen mit Frankreich unterzeichnet.",
            [
                ("agreement", "signed", ["Ethiopia", "France"]),
                ("agreement", "signed", ["Kenya", "France"]),
            ],
        ),
        # documents counted by the verb's object: one with each counterpart
        (
            "Die NASA unterzeichnete zwei Dokumente mit der JAXA und der ESA.",
            [("other", "signed", ["NASA", "JAXA"]), ("other", "signed", ["NASA", "ESA"])],
        ),
        # a short head points back to the space agency the article names
        (
            "Roskosmos wächst. Die russische Behörde unterzeichnete ein Abkommen mit der NASA.",
            [("agreement", "signed", ["Roscosmos", "NASA"])],
        ),
        # the agent of the signing names its sides; who comments on it is none
        (
            "Washington kritisierte das Abkommen, unterzeichnet von Russland und China.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        # a cooperation put on hold
        (
            "Die ESA hat die Zusammenarbeit mit Roskosmos auf Eis gelegt.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # a named treaty referred to in passing
        (
            "Russland und China, beide Vertragsstaaten des Weltraumvertrags, "
            "unterzeichneten ein Memorandum.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten eine Absichtserklärung.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Memorandum of Understanding.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Kooperationsabkommen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Rahmenabkommen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten eine Vereinbarung.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten einen Vertrag.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten einen Staatsvertrag.",
            [("treaty", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Kooperationsprogramm.",
            [("programme", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Protokoll.",
            [("protocol", "signed", ["Russia", "China"])],
        ),
        (
            "Roskosmos und Arianespace unterzeichneten einen Startvertrag.",
            [("contract", "signed", ["Roscosmos", "Arianespace"])],
        ),
        (
            "Roskosmos und Arianespace unterzeichneten einen Auftrag.",
            [("contract", "signed", ["Roscosmos", "Arianespace"])],
        ),
        (
            "Russland und China unterzeichneten eine gemeinsame Erklärung.",
            [("joint_statement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten eine Partnerschaft.",
            [("partnership", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten einen Fahrplan.",
            [("other", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China haben ein Abkommen unterzeichnet.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Abkommen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterschrieben ein Abkommen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China haben ein Abkommen vereinbart.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China haben ein Abkommen geschlossen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China haben sich auf ein Abkommen geeinigt.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China wollen ein Abkommen unterzeichnen.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "Russland und China werden im Herbst ein Abkommen unterzeichnen.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "Russland und China planen, ein Abkommen zu unterzeichnen.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "Das Abkommen zwischen Russland und China wird am Freitag unterzeichnet.",
            [("agreement", "proposed", ["Russia", "China"])],
        ),
        (
            "Russland und China verhandeln über ein Abkommen.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Die Verhandlungen über ein Abkommen zwischen Russland und China dauern an.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Russland und China arbeiten an einem Entwurf des Abkommens.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Das Abkommen zwischen Russland und China soll im Mai unterzeichnet werden.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Das Abkommen zwischen Russland und China könnte bald unterzeichnet werden.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Das Abkommen zwischen Russland und China ist noch nicht unterzeichnet.",
            [("agreement", "negotiating", ["Russia", "China"])],
        ),
        (
            "Das Abkommen zwischen Russland und China ist in Kraft getreten.",
            [("agreement", "in_force", ["Russia", "China"])],
        ),
        (
            "Das Abkommen zwischen Russland und China ist in Kraft.",
            [("agreement", "in_force", ["Russia", "China"])],
        ),
        (
            "Russland hat das Abkommen mit China gekündigt.",
            [("agreement", "terminated", ["Russia", "China"])],
        ),
        (
            "Russland ist aus dem Abkommen mit China ausgestiegen.",
            [("agreement", "terminated", ["Russia", "China"])],
        ),
        (
            "Russland hat das Abkommen mit China ausgesetzt.",
            [("agreement", "terminated", ["Russia", "China"])],
        ),
        (
            "Die ESA setzt die Zusammenarbeit mit Roskosmos aus.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "Die Zusammenarbeit zwischen DLR und Roskosmos wurde ausgesetzt.",
            [("other", "terminated", ["DLR", "Roscosmos"])],
        ),
        (
            "Der deutsch-französische Vertrag wurde unterzeichnet.",
            [("agreement", "signed", ["Germany", "France"])],
        ),
        (
            "Russland und China haben am Mittwoch ein Abkommen unterzeichnet.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten am 9. März 2021 ein Abkommen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten im Jahr 2019 ein Abkommen.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China haben gestern ein Abkommen unterzeichnet.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China haben ein Abkommen über eine Mondstation unterzeichnet.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russland und China unterzeichneten ein Abkommen über die Satellitennavigation.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
    ],
    statuses=[
        # a statement published is made, as in en and fr
        (
            "Das geht aus einer am Dienstag veröffentlichten gemeinsamen Erklärung Russlands "
            "und Indiens hervor.",
            "signed",
        ),
        # an order of hardware placed: the contract made
        ("Die ESA beauftragte OHB mit zwei Satelliten.", "signed"),
        ("Als Teil des Abkommens lieferte Russland Triebwerke.", "in_force"),
        # authorised to sign, a signing told in the future: to come
        ("Die Agentur wurde ermächtigt, den Vertrag zu unterzeichnen.", "proposed"),
        # the text agreed, not yet signed
        ("Deutschland und Japan einigten sich auf den Text des Abkommens.", "negotiating"),
        # a contract awarded is concluded
        ("Die ESA vergab einen Auftrag an OHB.", "signed"),
        # a former agreement is ended; a former president still signs
        ("Das ehemalige Abkommen zwischen Russland und der Ukraine regelte Starts.", "terminated"),
        # a contract won is concluded; hoping to win one is not
        ("OHB gewann den Auftrag der ESA.", "signed"),
        ("OHB will den Auftrag gewinnen.", None),
        # a contract received, the giver told first or the participle last
        ("OHB erhielt von der ESA einen Auftrag.", "signed"),
        ("OHB hat von der ESA einen Auftrag über zwei Satelliten erhalten.", "signed"),
        ("OHB hofft, von der ESA einen Auftrag zu erhalten.", None),
        # joined, the separable particle last; "bei" as a preposition is not it
        ("Deutschland trat dem Artemis-Abkommen bei.", "signed"),
        ("Deutschland trat bei der Konferenz für das Abkommen ein.", None),
        # an order placed is the contract concluded
        ("Die Firma bestellte bei Airbus zwei Satelliten.", "signed"),
        ("Die Firma hat zwei Satelliten bei Airbus bestellt.", "signed"),
        # agreed to sign: a signing to come
        (
            "Russland und Weißrussland vereinbarten, ein Abkommen zu unterzeichnen.",
            "proposed",
        ),
        ("Das bestehende Abkommen deckt die Starts ab.", "in_force"),
        (
            "Russland und China haben ein Abkommen zur Erweiterung der bestehenden "
            "Konstellation unterzeichnet.",
            "signed",
        ),
        ("Im Rahmen des bilateralen Abkommens lieferte Russland Triebwerke.", "in_force"),
        ("Gemäß dem Vertrag betreibt das DLR die Station.", "in_force"),
        ("Die Zusammenarbeit beruht auf einem Abkommen von 1997.", "in_force"),
        ("Das Abkommen gilt bis 2030.", "in_force"),
        ("Das Rahmenabkommen läuft Ende 2021 aus.", "in_force"),
        ("Im Rahmen des Abkommens wird Russland Triebwerke liefern.", "signed"),
        ("Das Abkommen ist noch nicht in Kraft getreten.", "signed"),
        ("Das Abkommen soll 2025 in Kraft treten.", None),
        ("Die ESA könnte die Zusammenarbeit mit Roskosmos beenden.", None),
        ("Das Abkommen ist nicht mehr in Kraft.", "terminated"),
        ("Russland liefert keine Triebwerke mehr an die USA.", "terminated"),
        ("Russland wird keine Triebwerke mehr liefern.", "terminated"),
        ("Die ESA setzt die Zusammenarbeit mit Roskosmos aus.", "terminated"),
        ("Russland kündigte den Vertrag.", "terminated"),
        ("Die ESA verkündete das Ende der Zusammenarbeit mit Roskosmos.", "terminated"),
        ("Roskosmos kündigte an, die Station weiter zu betreiben.", None),
        ("Die Delegation setzt sich aus Vertretern der NASA zusammen.", None),
        ("Das DLR setzt Satelliten aus Russland ein.", None),
        ("Deutschland und Japan arbeiten an einem neuen Abkommen.", "negotiating"),
        ("Das Abkommen steht kurz vor der Unterzeichnung.", "negotiating"),
    ],
    signings_to_come=[
        (
            "Russland und China unterzeichnen am Montag ein Raumfahrtabkommen. "
            "Das Abkommen wird von den Ministern unterzeichnet werden.",
            "proposed",
            "2021-03-15",
        ),
    ],
    dates=[
        # a bare year after an adverb of time, or opening the sentence
        ("Bereits 2019 hatten DLR und JAXA ein Abkommen geschlossen.", "Bereits 2019", "2019"),
        ("2019 unterzeichneten DLR und NASA ein Abkommen.", "2019", "2019"),
        # a season without its year: the nearest one, as the tense or relative word says
        (
            "Russland und China unterzeichneten im vergangenen Sommer ein Abkommen.",
            "im vergangenen Sommer",
            "2020",
        ),
        # so long before the writing
        (
            "Russland und China unterzeichneten vor zwei Jahren ein Abkommen.",
            "vor zwei Jahren",
            "2019",
        ),
        # the week before the writing: its month
        (
            "Russland und China unterzeichneten vergangene Woche ein Abkommen.",
            "vergangene Woche",
            "2021-03",
        ),
        (
            "Das Abkommen wurde im Juli des vergangenen Jahres unterzeichnet.",
            "im Juli des vergangenen Jahres",
            "2020-07",
        ),
        ("Das Abkommen wurde am Mittwoch unterzeichnet.", "am Mittwoch", "2021-03-10"),
        ("Das Abkommen wurde am Donnerstag unterzeichnet.", "am Donnerstag", "2021-03-11"),
        (
            "Das Abkommen wurde am vergangenen Montag unterzeichnet.",
            "am vergangenen Montag",
            "2021-03-08",
        ),
        (
            "Das Abkommen wurde am kommenden Freitag unterzeichnet.",
            "am kommenden Freitag",
            "2021-03-12",
        ),
        ("Das Abkommen wurde gestern unterzeichnet.", "gestern", "2021-03-10"),
        ("Das Abkommen wurde heute unterzeichnet.", "heute", "2021-03-11"),
        ("Das Abkommen wurde im nächsten Jahr unterzeichnet.", "im nächsten Jahr", "2022"),
        ("Das Abkommen wurde im vergangenen Jahr unterzeichnet.", "im vergangenen Jahr", "2020"),
        ("Das Abkommen wurde im März unterzeichnet.", "im März", "2021-03"),
        ("Das Abkommen wurde im Jahr 2019 unterzeichnet.", "im Jahr 2019", "2019"),
        ("Das Abkommen wurde Ende 2025 unterzeichnet.", "Ende 2025", "2025"),
        ("Das Abkommen wurde am 15.09.2023 unterzeichnet.", "am 15.09.2023", "2023-09-15"),
    ],
    agreement_dates=[
        (
            "Russland und China haben am Mittwoch ein Abkommen unterzeichnet.",
            "2021-03-11",
            "2021-03-10",
        ),
        ("Russland und China unterzeichneten am 9. März 2021 ein Abkommen.", None, "2021-03-09"),
        # "today's signing": the adjective is the day of writing
        (
            "Mit der heutigen Unterzeichnung des Abkommens sind Estland und die ESA Partner.",
            "2015-02-04",
            "2015-02-04",
        ),
        ("Russland und China unterzeichneten im Jahr 2019 ein Abkommen.", None, "2019"),
        (
            "Russland und China haben gestern ein Abkommen unterzeichnet.",
            "2021-03-11",
            "2021-03-10",
        ),
    ],
    periods=[
        (
            "Das Abkommen gilt für den Zeitraum 2018-2022.",
            "für den Zeitraum 2018-2022.",
            "2018",
            "2022",
        ),
        ("Das Abkommen gilt 2018–2022.", "2018–2022.", "2018", "2022"),
        ("Das Abkommen gilt bis 2027.", "bis 2027.", None, "2027"),
        ("Das Abkommen gilt bis zum Jahr 2030.", "bis zum Jahr 2030.", None, "2030"),
        ("Das Abkommen gilt ab 2023.", "ab 2023.", "2023", None),
        ("Das Abkommen gilt zwischen 2018 und 2022.", "zwischen 2018 und 2022.", "2018", "2022"),
    ],
    sentence_parties=[
        # the country an aggression is against, an adjective or a name between, is no side
        (
            "Nach dem Angriff Russlands auf die Ukraine hat die ESA "
            "die Zusammenarbeit mit Roskosmos eingestellt.",
            ["ESA", "Roscosmos"],
        ),
        # a party named inside a compound with its part or head; not with its place
        ("Die Esa unterzeichnete einen Vertrag mit der Airbus-Raumfahrtsparte.", ["ESA", "Airbus"]),
        ("Der OHB-Konzern unterzeichnete einen Vertrag mit der Esa.", ["OHB", "ESA"]),
        ("Die Esa unterzeichnete am Airbus-Standort einen Vertrag mit OHB.", ["ESA", "OHB"]),
        # a state named with its article after a locative preposition is a place
        (
            "Bei einer Zeremonie in den USA unterzeichnete die ESA ein Abkommen mit Japan.",
            ["ESA", "Japan"],
        ),
        # belligerents are no sides
        (
            "Mexiko und Russland haben das Abkommen vor dem Krieg zwischen "
            "Russland und der Ukraine unterzeichnet.",
            ["Mexico", "Russia"],
        ),
        # who attends a signing is no side of it, where another side is named
        (
            "Die NASA und die JAXA haben das Abkommen im Beisein von Vertretern aus "
            "Frankreich unterzeichnet.",
            ["NASA", "JAXA"],
        ),
        # a country invaded is the setting of an ended cooperation, not a side
        (
            "Die ESA hat nach dem Einmarsch in die Ukraine die Zusammenarbeit mit Roskosmos "
            "ausgesetzt.",
            ["ESA", "Roscosmos"],
        ),
        # a parliament that ratifies stands for its state
        ("Der Bundestag hat das Abkommen mit Frankreich ratifiziert.", ["Germany", "France"]),
        # a company's owners are described, not parties
        (
            "Thales Alenia Space, "
            "kontrolliert von Finmeccanica, unterzeichnete einen Vertrag mit der ESA.",
            ["Thales Alenia Space", "ESA"],
        ),
        ("Moskau und Peking unterzeichneten ein Abkommen.", ["Russia", "China"]),
        ("Außer Frankreich unterzeichnete China ein Abkommen mit Pakistan.", ["China", "Pakistan"]),
        ("Der Kreml und das Weiße Haus unterzeichneten ein Abkommen.", ["Russia", "United States"]),
        ("Russlands und Chinas Vertreter unterzeichneten ein Abkommen.", ["Russia", "China"]),
        ("Die Vereinigten Staaten und die USA.", ["United States"]),
        ("Roskosmos unterzeichnete in Moskau ein Abkommen.", ["Roscosmos"]),
        (
            "Die russische und die chinesische Raumfahrtbehörde unterzeichneten ein Abkommen.",
            ["Roscosmos", "CNSA"],
        ),
    ],
    new_instruments=["China und Brasilien verhandeln über ein neues Abkommen."],
    conjunctions=[("Deutschland und Frankreich oder China", ["und"])],
    pair_references=[("die beiden Länder", "state"), ("beide Länder", "state")],
    pairs_from_context=[
        (
            "Russland und China bauen eine Mondstation. "
            "Die beiden Länder haben ein Abkommen unterzeichnet.",
            ["China", "Russia"],
        )
    ],
    scopes=[
        ("Mondmission", ["lunar_exploration"]),
        ("Marsmission", ["deep_space"]),
        ("Raumstation", ["space_station"]),
        ("Astronauten", ["human_spaceflight"]),
        ("Satellitennavigation", ["satellite_navigation"]),
        ("Erdbeobachtungssatelliten", ["earth_observation"]),
        ("Satellitenkommunikation", ["satellite_communications"]),
        ("Trägerraketen", ["launch_services"]),
        ("Astrophysik", ["space_science"]),
        ("Weltraummedizin", ["life_sciences"]),
        ("Werkstoffe", ["components_materials"]),
        ("Bodenstation", ["ground_infrastructure"]),
        ("Raumfahrttechnologien", ["space_technology"]),
        ("Satellitendaten", ["data_sharing"]),
        ("Landwirtschaft", ["non_space"]),
        ("Soldaten und Kandidaten", []),
    ],
    agreement_scopes=[
        (
            "Russland und China haben ein Abkommen über eine Mondstation unterzeichnet.",
            ["lunar_exploration"],
        ),
        (
            "Russland und China unterzeichneten ein Abkommen über die Satellitennavigation.",
            ["satellite_navigation"],
        ),
    ],
    masked_lines=[
        "Diese Website verwendet Cookies.",
        "Folgen Sie uns auf Telegram",
        "© 2023 Spiegel. Alle Rechte vorbehalten.",
        "Foto: dpa/Michael Kappeler",
        "Lesen Sie auch: Russland startet Mondsonde",
    ],
    kept_line="Die Raumfahrtbehörden wollen Cookies backen und ein Abkommen unterzeichnen.",
)
