"""English rules (rules/en/): the examples every language's checks read."""

from tests.rule_examples import Examples

EXAMPLES = Examples(
    model=None,
    date_anchors={"months": "January", "weekdays": "Monday"},
    inflected=(),
    entities=[
        ("cooperation with European partners", [("European partners", "ESA")]),
        ("talks in Moscow ended", [("Moscow", "Russia")]),
        ("Beijing welcomed it", [("Beijing", "China")]),
        ("Washington objected", [("Washington", "United States")]),
        ("Paris and New Delhi", [("Paris", "France"), ("New Delhi", "India")]),
        ("the Kremlin said", [("Kremlin", "Russia")]),
        # manufacturers whose names hold a slash or a hyphen
        (
            "Space Systems/Loral and e-GEOS",
            [("Space Systems/Loral", "Space Systems/Loral"), ("e-GEOS", "e-GEOS")],
        ),
        # the American spelling of a name the catalog spells the British way
        ("with Airbus Defense and Space", [("Airbus Defense and Space", "Airbus")]),
        ("Tokyo agreed", [("Tokyo", "Japan")]),
        ("the U.S. and the UK", [("U.S.", "United States"), ("UK", "United Kingdom")]),
        ("the US will", [("US", "United States")]),
        ("the Russian Federation", [("Russian Federation", "Russia")]),
        ("the People's Republic of China", [("People's Republic of China", "China")]),
        ("Turkey and Chad", [("Turkey", "Turkey"), ("Chad", "Chad")]),
        (
            "the UAE and Saudi Arabia",
            [("UAE", "United Arab Emirates"), ("Saudi Arabia", "Saudi Arabia")],
        ),
        ("Brussels and Kyiv", [("Brussels", "European Union"), ("Kyiv", "Ukraine")]),
        ("they told us", []),
        ("a china cup", []),
        ("the turkey was roasted", []),
        (
            "the Russian space agency Roscosmos",
            [("Russian space agency", "Roscosmos"), ("Roscosmos", "Roscosmos")],
        ),
        ("the Chinese space agency", [("Chinese space agency", "CNSA")]),
        (
            "the China National Space Administration",
            [("China National Space Administration", "CNSA")],
        ),
        ("the French space agency", [("French space agency", "CNES")]),
        (
            "the Indian Space Research Organisation",
            [("Indian Space Research Organisation", "ISRO")],
        ),
        ("the US space agency", [("US space agency", "NASA")]),
        ("the Japanese space agency", [("Japanese space agency", "JAXA")]),
        ("the Russian Federal Space Agency", [("Russian Federal Space Agency", "Roscosmos")]),
        ("the European Space Agency", [("European Space Agency", "ESA")]),
        (
            "the International Lunar Research Station",
            [("International Lunar Research Station", "ILRS")],
        ),
        ("the Artemis Accords", [("Artemis Accords", "Artemis Accords")]),
    ],
    demonyms=[
        ("the Russian side", "Russian", "Russia"),
        ("the Chinese side", "Chinese", "China"),
        ("the French side", "French", "France"),
        ("the American side", "American", "United States"),
        ("the Indian side", "Indian", "India"),
        ("the British side", "British", "United Kingdom"),
        ("the South Korean side", "South Korean", "South Korea"),
        ("the North Korean side", "North Korean", "North Korea"),
        ("the Emirati side", "Emirati", "United Arab Emirates"),
    ],
    instruments=[
        # a tender won is a contract
        ("Thales Alenia Space won the tender to build a satellite.", "contract"),
        # a supplier chosen, charged or hired to build or launch: a contract
        ("NASA selected SpaceX to build the lunar lander.", "contract"),
        # the supplier named at length, with its acronym in brackets
        (
            "The agency selected the Californian company Space Exploration Technologies "
            "(SpaceX) to build the lunar lander.",
            "contract",
        ),
        # a declaration of intentions, plural, is a memorandum as the singular is
        ("NASA and Japan signed a declaration of intentions.", "memorandum"),
        # letters or notes exchanged conclude an arrangement
        ("Japan and the United States exchanged letters on the Gateway.", "other"),
        ("The UK and Japan signed a framework arrangement.", "agreement"),
        # a cooperation plan is a programme
        ("Russia and China adopted a cooperation plan for space.", "programme"),
        # a charter signed
        ("Morocco signed the founding charter of the group.", "other"),
        ("The company operates charter flights.", None),
        # a lease between states
        ("The Baikonur lease runs until 2050.", "other"),
        ("Russia leases the cosmodrome.", None),
        # an order placed, a signing with a supplier for a launch
        ("SES has signed with SpaceX for the launch of four satellites.", "contract"),
        # entrusting a supplier with building or launching
        ("Eutelsat entrusted Arianespace with the launch of two satellites.", "contract"),
        ("The minister tasked his team with the preparation of the summit.", None),
        # buying space hardware, not its images
        ("Peru bought a satellite from Airbus.", "contract"),
        ("The agency purchased two launchers.", "contract"),
        ("The agency bought images from the satellite.", None),
        ("Angola and Russia agreed to launch a satellite.", "agreement"),
        ("Azerbaijan has contracted with Orbital Sciences to build a satellite.", "contract"),
        ("a memorandum of understanding", "memorandum"),
        ("an MoU on lunar research", "memorandum"),
        ("a letter of intent", "memorandum"),
        ("an agreement on navigation", "agreement"),
        ("a framework agreement", "agreement"),
        ("the accord on Mars", "agreement"),
        ("an implementing arrangement", "agreement"),
        ("a cooperation programme for 2018-2022", "programme"),
        ("a joint program", "programme"),
        ("a protocol on launches", "protocol"),
        ("a contract for training", "contract"),
        ("a joint statement", "joint_statement"),
        ("a joint declaration", "joint_statement"),
        ("a joint communiqué", "joint_statement"),
        ("a treaty on the Moon", "treaty"),
        ("a new partnership", "partnership"),
        ("a roadmap for the station", "other"),
        ("ISRO and CNES are finalising an arrangement of implementation.", "agreement"),
        ("They signed an implementation arrangement.", "agreement"),
        ("An exchange of letters completed the framework.", "other"),
        ("The two ministers signed on Friday a declaration on navigation.", "joint_statement"),
        ("They signed a declaration of intent.", "memorandum"),
        ("Eutelsat ordered two satellites from Airbus.", "contract"),
        ("Eutelsat placed an order with Airbus for two satellites.", "contract"),
        ("The court placed the case on its list.", None),
        ("OneWeb placed an order for 36 satellites.", "contract"),
        ("A declaration of cooperation between the two countries.", "joint_statement"),
        ("The technical arrangements for the launch are ready.", None),
        ("In a declaration, the minister welcomed the launch.", None),
        ("He came in order to see 2 satellites launched.", None),
        ("The satellites were ordered by size.", None),
    ],
    idioms=[
        # agreeing only to look into something
        "Following the meeting, the parties agreed to consider opportunities for joint projects.",
        "NASA and ESA have a long-standing partnership in space exploration.",
        "The cameras, developed in partnership with 3DPlus, will fly on the mission.",
        "This is in accordance with international law.",
        "He is in agreement with the plan.",
        "It took a great deal of work.",
        "They need to deal with debris.",
        "A strategic partnership was mentioned.",
    ],
    agreements=[
        # a cooperation that cannot go on is ended
        (
            "Russia said it was impossible to continue cooperation with Ukraine.",
            [("other", "terminated", ["Russia", "Ukraine"])],
        ),
        # agreeing to sign is the named instrument's signing to come, no agreement besides
        (
            "India and Nigeria agreed to sign a supplemental MoU on geospatial technology.",
            [("memorandum", "proposed", ["India", "Nigeria"])],
        ),
        # the company the article is about, as the subject, is a side
        (
            "Avio signed a contract with ASI. "
            "The company also signed launch contracts with ESA and CNES.",
            [
                ("contract", "signed", ["Avio", "ASI"]),
                ("contract", "signed", ["Avio", "ESA"]),
                ("contract", "signed", ["Avio", "CNES"]),
            ],
        ),
        # what an agreement provides for is no agreement of its own
        (
            "The agreement between NASA and JAXA provides for a joint programme on lunar rovers.",
            [("agreement", None, ["NASA", "JAXA"])],
        ),
        # the sides before a distributive word each make one agreement with the others
        (
            "Ethiopia and Kenya each signed an agreement with France.",
            [
                ("agreement", "signed", ["Ethiopia", "France"]),
                ("agreement", "signed", ["Kenya", "France"]),
            ],
        ),
        # "the agreement" points back to the memorandum just told: no other agreement
        (
            "NASA and ESA signed a memorandum on Monday. NASA will deliver the spacecraft "
            "under the agreement.",
            [("memorandum", "signed", ["NASA", "ESA"]), ("memorandum", "signed", ["NASA", "ESA"])],
        ),
        # the pair the space agencies stand for is of agencies, not the company the sentence names
        (
            "NASA and ESA signed two agreements. The space agencies also signed a memorandum "
            "on a spacecraft developed by the company Surrey Satellite Technology.",
            [("agreement", "signed", ["NASA", "ESA"]), ("memorandum", "signed", ["ESA", "NASA"])],
        ),
        # a plural pointing back restates the headline's count: one with each customer
        (
            "SpaceX Signs New Launch Contracts\n\nThe contracts include the launch of a "
            "satellite for Hispasat and the launch of Arabsat 6A.",
            [("contract", None, ["SpaceX", "Hispasat"]), ("contract", None, ["SpaceX", "Arabsat"])],
        ),
        # a clause set off by commas between the verb and the cooperation tells when, not who
        (
            "ESA suspended, after the invasion of Ukraine, its cooperation with Roscosmos on "
            "ExoMars.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # documents counted by the verb's object: one with each counterpart
        (
            "NASA signed two documents with JAXA and ESA.",
            [("other", "signed", ["NASA", "JAXA"]), ("other", "signed", ["NASA", "ESA"])],
        ),
        # a short head points back to the space agency the article names
        (
            "Roscosmos is growing. The Russian agency signed an agreement with NASA.",
            [("agreement", "signed", ["Roscosmos", "NASA"])],
        ),
        # where a company is based gives its country, no side of its own
        (
            "Paris-based start-up Exotrail signed a contract with ESA.",
            [("contract", "signed", ["Exotrail", "ESA"])],
        ),
        # an ended cooperation agreement is that agreement, ended
        (
            "ESA suspended its cooperation agreement with Roscosmos.",
            [("agreement", "terminated", ["ESA", "Roscosmos"])],
        ),
        # the agent of the signing names its sides; who comments on it is none
        (
            "Washington criticised the agreement signed by Russia and China.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        # a cooperation put on hold
        (
            "ESA put its cooperation with Roscosmos on hold.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # a named treaty referred to in passing
        ("Italy and Luxembourg promote space law, including the 1967 Outer Space Treaty.", []),
        (
            "Italy and Luxembourg, parties to the Outer Space Treaty, signed a memorandum.",
            [("memorandum", "signed", ["Italy", "Luxembourg"])],
        ),
        (
            "Italy and Luxembourg signed two agreements, including the Framework Agreement.",
            [("agreement", "signed", ["Italy", "Luxembourg"])],
        ),
        # what the agreement, named by a common noun, conforms to is named in passing
        (
            "Italy and Luxembourg signed an agreement in accordance with the Outer Space Treaty.",
            [("agreement", "signed", ["Italy", "Luxembourg"])],
        ),
        # the provisions of a named treaty, after another named instrument: still in passing
        (
            "Italy and Luxembourg signed the Framework Agreement, in line with the provisions "
            "of the Outer Space Treaty.",
            [("agreement", "signed", ["Italy", "Luxembourg"])],
        ),
        # the sides another trigger stands between are its own, with their other names
        (
            "Azerbaijan has contracted with Orbital Sciences following an agreement between "
            "Azeri authorities and Malaysia's Measat.",
            [
                ("contract", None, ["Azerbaijan", "Orbital Sciences"]),
                ("agreement", None, ["Azerbaijan", "Malaysia"]),
            ],
        ),
        (
            "ESA suspended cooperation with Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "Cooperation between ESA and Roscosmos was suspended in March.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "ESA announced the suspension of cooperation with Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        ("ESA could suspend its cooperation with Roscosmos.", []),
        (
            "Sino-Russian talks on a treaty were held",
            [("treaty", "negotiating", ["China", "Russia"])],
        ),
        (
            "U.S.-Russian treaty talks were held",
            [("treaty", "negotiating", ["United States", "Russia"])],
        ),
        (
            "After months of negotiations, Russia and China signed the agreement.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Russia and China signed an agreement on lunar exploration.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Moscow and Beijing signed a memorandum.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "Roscosmos and NASA signed a protocol in Paris.",
            [("protocol", "signed", ["Roscosmos", "NASA"])],
        ),
        (
            "The Russian and Chinese space agencies signed a memorandum.",
            [("memorandum", "signed", ["Roscosmos", "CNSA"])],
        ),
        (
            "Indian Prime Minister and French President adopted a joint statement.",
            [("joint_statement", "signed", ["India", "France"])],
        ),
        (
            "A contract was signed between Glavkosmos and ISRO to train astronauts.",
            [("contract", "signed", ["Glavkosmos", "ISRO"])],
        ),
        (
            "NASA and JAXA signed an intergovernmental agreement.",
            [("agreement", "signed", ["United States", "Japan"])],
        ),
    ],
    statuses=[
        # a partnership its parties announce is made
        ("NASA and JAXA announced a new partnership on lunar rovers.", "signed"),
        # a renewal to come, of an agreement in force: the renewal is what is told
        (
            "EUMETSAT will renew its agreement with ASECNA, which has been in force since 1998.",
            "proposed",
        ),
        # a signing they failed to make: still negotiated
        ("Russia and China failed to reach an agreement.", "negotiating"),
        # authorised to sign, a signing told in the future: to come
        ("The agency was authorised to sign the contract.", "proposed"),
        ("The minister will attend the signing ceremony with China.", "proposed"),
        # an entry into force in a clause of time is still to come
        (
            "The satellite will be launched within three years from when the contract takes "
            "effect.",
            None,
        ),
        # a government approving a draft: a signing to come
        (
            "The Russian government has approved a draft agreement, to be signed with India.",
            "proposed",
        ),
        ("The parliament approved the agreement with India.", "signed"),
        # the text agreed, not yet signed
        ("South Korea and the United States agreed on the text of the agreement.", "negotiating"),
        # in effect after "to be" or "to remain"; "in effect" alone is "effectively"
        ("The agreement remains in effect until 2050.", "in_force"),
        ("In effect, the agency now builds the satellite alone.", None),
        # headlines sign in the present
        ("India, France seal space deal.", "signed"),
        ("India and France ink space pact.", "signed"),
        # a contract awarded is concluded
        ("NASA awarded SpaceX a $2.9 billion contract.", "signed"),
        # a former agreement is ended; a former president still signs
        ("The former agreement between Russia and Ukraine covered launches.", "terminated"),
        ("The former president signed an agreement with China.", "signed"),
        # a contract won is concluded; hoping to win one is not
        ("Airbus won a contract from ESA.", "signed"),
        ("Airbus was awarded the contract.", "signed"),
        ("NASA awarded a $50 million contract to Intuitive Machines.", "signed"),
        ("Airbus hopes to win the contract.", None),
        ("OHB received from ESA a contract for two satellites.", "signed"),
        ("OHB hopes to receive a contract from ESA.", None),
        # intent to sign: a signing to come
        ("India and Italy expressed their intention to sign an agreement.", "proposed"),
        # an order placed is the contract concluded
        ("Eutelsat ordered two satellites from Airbus.", "signed"),
        ("Eutelsat placed an order with Airbus.", "signed"),
        ("Eutelsat will order two satellites from Airbus.", None),
        # agreed to sign: a signing to come
        ("Russia and Belarus agreed to sign an agreement on satellites.", "proposed"),
        ("Russia and Belarus agreed to cooperate under the agreement.", "in_force"),
        ("Once signed, the agreement will allow joint flights.", None),
        ("Russia and China signed an agreement to replace the current satellites.", "signed"),
        ("Russia and China signed an agreement.", "signed"),
        ("Russia and China sign an agreement.", "signed"),
        ("Russia and China inked a deal.", "signed"),
        ("Russia and China concluded an agreement.", "signed"),
        ("Russia and China sealed an agreement.", "signed"),
        ("Russia and China agreed on a roadmap.", "signed"),
        ("Brazil joined the Artemis Accords.", "signed"),
        ("Russia and China adopted a joint statement.", "signed"),
        ("Russia and China will sign an agreement.", "proposed"),
        ("Russia and China plan to sign an agreement.", "proposed"),
        ("Russia and China intend to conclude a treaty.", "proposed"),
        ("The agreement is to be signed in Moscow.", "proposed"),
        ("Russia and China are negotiating an agreement.", "negotiating"),
        ("Negotiations on the agreement continue.", "negotiating"),
        ("Talks on the treaty resumed.", "negotiating"),
        ("A draft agreement was circulated.", "negotiating"),
        ("The agreement could be signed soon.", "negotiating"),
        ("The agreement is expected to be signed in 2022.", "negotiating"),
        ("The agreement has not yet been signed.", "negotiating"),
        ("The agreement entered into force in 2020.", "in_force"),
        ("The agreement is in force.", "in_force"),
        ("The existing agreement covers launches.", "in_force"),
        ("Under the agreement, data has been shared since 2015.", "in_force"),
        ("ESA terminated the agreement.", "terminated"),
        ("The US withdrew from the treaty.", "terminated"),
        ("ESA suspended the agreement.", "terminated"),
        ("The agreement expired last year.", "terminated"),
        ("ESA decided to end its cooperation with Roscosmos.", "terminated"),
        ("Under the 2014 agreement, Russia supplied engines to the US.", "in_force"),
        ("In accordance with the agreement, NASA provided the instrument.", "in_force"),
        ("Pursuant to the contract, Arianespace launched three satellites.", "in_force"),
        ("The framework agreement between CNES and CSA expires in December 2021.", "in_force"),
        ("The agreement remains valid.", "in_force"),
        ("Under the agreement, NASA will provide a lander.", "signed"),
        ("Under this arrangement, a pressurized rover is stipulated.", "signed"),
        ("The agreement has not yet entered into force.", "signed"),
        ("The treaty is not yet in force.", "signed"),
        ("The agreement will enter into force next year.", None),
        ("ESA could suspend its cooperation with Roscosmos.", None),
        ("Russia threatened to withdraw from the treaty.", None),
        ("The agreement is no longer in force.", "terminated"),
        ("Russia will no longer supply engines to the United States.", "terminated"),
        ("Russia stopped supplying engines to the United States.", "terminated"),
        ("Russia quit the agreement.", "terminated"),
        ("The partnership came to an end in 2020.", "terminated"),
        ("ESA found it impossible to continue the mission with Roscosmos.", "terminated"),
        ("Russia and Japan are working on an agreement.", "negotiating"),
        ("Russia and Japan are about to sign an agreement.", "negotiating"),
        ("The agreement is being negotiated.", "negotiating"),
        ("Their future cooperation agreement will cover navigation.", "proposed"),
        ("The Implementing Arrangement between ISRO and JAXA outlines cooperation terms.", None),
        ("Europe will no longer depend on Russia.", None),
        ("After months of negotiations, Russia and China signed the agreement.", "signed"),
    ],
    signings_to_come=[
        (
            "Russia and China sign a space agreement on Monday. "
            "The agreement will be signed by the ministers.",
            "proposed",
            "2021-03-15",
        ),
    ],
    dates=[
        # a season without its year: the nearest one, as the tense or relative word says
        ("Russia and China signed an agreement last summer.", "last summer", "2020"),
        # so long before the writing
        ("Russia and China signed an agreement two weeks ago.", "two weeks ago", "2021-02"),
        # the week before the writing: its month
        ("Russia and China signed an agreement last week.", "last week", "2021-03"),
        ("Russia and China signed an agreement in July last year.", "in July last year", "2020-07"),
        ("Russia and China signed an agreement on Monday.", "on Monday", "2021-03-08"),
        ("Russia and China signed an agreement last Friday.", "last Friday", "2021-03-05"),
        ("Russia and China signed an agreement yesterday.", "yesterday", "2021-03-10"),
        ("Russia and China signed an agreement on 9 March 2021.", "on 9 March 2021", "2021-03-09"),
        ("Russia and China signed an agreement in May 2015.", "in May 2015", "2015-05"),
        ("Russia and China signed an agreement in 1964.", "in 1964", "1964"),
        ("Russia and China will sign an agreement next year.", "next year", "2022"),
        ("Russia and China signed an agreement last month.", "last month", "2021-02"),
        (
            "Russia and China will sign an agreement by the end of August 2019.",
            "by the end of August 2019",
            "2019-08",
        ),
        (
            "Russia and China signed an agreement on March 9, 2021.",
            "on March 9, 2021",
            "2021-03-09",
        ),
    ],
    agreement_dates=[
        ("Russia and China signed an agreement on Tuesday.", "2022-07-13", "2022-07-12"),
        ("Russia and China signed an agreement on Monday.", "2021-03-11", "2021-03-08"),
        ("Russia and China signed an agreement last Friday.", "2021-03-11", "2021-03-05"),
        ("Russia and China signed an agreement yesterday.", "2021-03-11", "2021-03-10"),
        ("Russia and China signed an agreement on 9 March 2021.", None, "2021-03-09"),
        ("Russia and China signed an agreement on Saturday 10 March.", "2018-03-10", "2018-03-10"),
        ("Russia and China signed an agreement in May 2015.", None, "2015-05"),
        ("Russia and China signed an agreement in 1964.", None, "1964"),
        ("Russia and China will sign an agreement next year.", "2021-03-11", "2022"),
        ("Russia and China signed an agreement last month.", "2021-03-11", "2021-02"),
        ("Russia and China will sign an agreement by the end of August 2019.", None, "2019-08"),
        ("Russia and China signed an agreement on March 9, 2021.", None, "2021-03-09"),
    ],
    periods=[
        ("a cooperation programme for 2018-2022", "for 2018-2022", "2018", "2022"),
        ("a cooperation programme for 2018–2022", "for 2018–2022", "2018", "2022"),
        ("an agreement from 2023 to 2027", "from 2023 to 2027", "2023", "2027"),
        ("a cooperation programme for 2024 to 2028", "for 2024 to 2028", "2024", "2028"),
        ("an agreement between 2023 and 2027", "between 2023 and 2027", "2023", "2027"),
        ("an agreement valid until 2027", "until 2027", None, "2027"),
    ],
    sentence_parties=[
        # the agency of an organisation among the complements of an agency head
        (
            "Roscosmos suspended cooperation with the space agencies of the United States, "
            "Canada, the European Union and Japan.",
            ["Roscosmos", "United States", "Canada", "ESA", "Japan"],
        ),
        # the target of a verb of criticism is no side
        ("Mexico defends a deal with Russia and criticises Washington.", ["Mexico", "Russia"]),
        # a counterpart in a country is that country's
        (
            "China's space agency and its counterpart in Senegal signed an agreement.",
            ["CNSA", "Senegal"],
        ),
        # a place before a news agency's credit and a dash is where the news was filed
        ("Paris (Reuters) - Eutelsat ordered two satellites from Airbus.", ["Eutelsat", "Airbus"]),
        # a demonym before a minister's portfolio; the seat of a government for its state
        (
            "Ukrainian Defense Minister Andrii Taran and Pentagon chief Lloyd Austin signed a "
            "memorandum.",
            ["Ukraine", "United States"],
        ),
        # a cue word that ends a known name ("… Organisation") introduces no other one
        (
            "India signed an agreement with Israel, says Indian Space Research Organisation "
            "chief AS Kiran Kumar.",
            ["ISRO", "Israel"],
        ),
        # a state named with its article after a locative preposition is a place
        (
            "At a ceremony in the United Kingdom, ESA signed an agreement with Japan.",
            ["ESA", "Japan"],
        ),
        # who imposes sanctions is no side
        (
            "In response to EU sanctions against our companies, "
            "Roskosmos is suspending cooperation with ESA.",
            ["Roscosmos", "ESA"],
        ),
        # a name spelled out before the acronym the catalog knows is that party
        (
            "The state-owned China Aerospace & Technology Corporation (CASC) signed a contract "
            "with the Democratic Republic of the Congo.",
            ["CASC", "DR Congo"],
        ),
        # belligerents are no sides
        (
            "Mexico and Russia signed the agreement before the war between Russia and Ukraine.",
            ["Mexico", "Russia"],
        ),
        # who attends a signing is no side of it, where another side is named
        (
            "NASA and JAXA signed the agreement in the presence of the Prime Minister of India.",
            ["NASA", "JAXA"],
        ),
        # a state a dispute is over is no side
        (
            "Roskosmos is suspending cooperation with Germany over sanctions over Ukraine.",
            ["Roscosmos", "Germany"],
        ),
        # a country invaded is the setting of an ended cooperation, not a side
        (
            "After the invasion of Ukraine, ESA suspended its cooperation with Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # a parliament stands for its state
        ("The Venezuelan parliament approved a new contract with China.", ["Venezuela", "China"]),
        (
            "France and India concluded an agreement, signed by the Indian minister.",
            ["France", "India"],
        ),
        # a company's owners are described, not parties
        (
            "Thales Alenia Space, 33 percent owned by Finmeccanica, signed a contract with ESA.",
            ["Thales Alenia Space", "ESA"],
        ),
        # a concession names no signatory
        (
            "China signed an agreement with Pakistan despite its close ties with India.",
            ["China", "Pakistan"],
        ),
        # an organisation in an event's setting is no signatory
        (
            "Bolivia and China signed an agreement on the sidelines of the UN General Assembly.",
            ["Bolivia", "China"],
        ),
        # critics of the agreement are not its parties
        ("The agreement, criticised by Russia, binds China and Pakistan.", ["China", "Pakistan"]),
        (
            "The French president and his Chinese colleague signed an agreement.",
            ["France", "China"],
        ),
        ("ESA suspended cooperation with Roscosmos.", ["ESA", "Roscosmos"]),
        ("Cooperation between ESA and Roscosmos was suspended in March.", ["ESA", "Roscosmos"]),
        ("ESA announced the suspension of cooperation with Roscosmos.", ["ESA", "Roscosmos"]),
        (
            "After months of negotiations, Russia and China signed the agreement.",
            ["Russia", "China"],
        ),
        ("Russia and China signed an agreement on lunar exploration.", ["Russia", "China"]),
        ("Moscow and Beijing signed a memorandum.", ["Russia", "China"]),
        ("Roscosmos and NASA signed a protocol in Paris.", ["Roscosmos", "NASA"]),
        # set aside: China's other partner
        ("Besides France, China signed an agreement with Pakistan.", ["China", "Pakistan"]),
        # a dateline: where the news was filed, not a signatory
        (
            "PARIS — Azerbaijan has contracted with Orbital Sciences.",
            ["Azerbaijan", "Orbital Sciences"],
        ),
        ("PARIS (Reuters) - Azerbaijan signed an agreement with Japan.", ["Azerbaijan", "Japan"]),
        ("The Russian and Chinese space agencies signed a memorandum.", ["Roscosmos", "CNSA"]),
        (
            "Indian Prime Minister and French President adopted a joint statement.",
            ["India", "France"],
        ),
        (
            "A contract was signed between Glavkosmos and ISRO to train astronauts.",
            ["Glavkosmos", "ISRO"],
        ),
        ("NASA and JAXA signed an intergovernmental agreement.", ["NASA", "JAXA"]),
    ],
    new_instruments=["China and Brazil are negotiating a new agreement."],
    conjunctions=[("France, India and Japan, or China", ["and"])],
    pair_references=[("the two countries", "state"), ("the space agencies", "agency")],
    pairs_from_context=[
        (
            "India and France met in New Delhi. The two countries signed a treaty.",
            ["France", "India"],
        )
    ],
    scopes=[
        ("lunar exploration", ["lunar_exploration"]),
        ("a mission to Mars", ["deep_space"]),
        ("the space station", ["space_station"]),
        ("astronauts", ["human_spaceflight"]),
        ("satellite navigation", ["satellite_navigation"]),
        ("Earth observation", ["earth_observation"]),
        ("launch services", ["launch_services"]),
        ("agriculture", ["non_space"]),
    ],
    agreement_scopes=[
        ("Russia and China signed an agreement on lunar exploration.", ["lunar_exploration"])
    ],
    masked_lines=[
        "By continuing to browse this site, you agree to our use of cookies.",
        "Follow us on Twitter",
        "Share this article",
        "Subscribe to our newsletter",
        "© 2021 Reuters. All rights reserved.",
        "Image credit: NASA/JPL",
        "Also read: Russia and China sign a lunar pact",
    ],
    kept_line="Russia and China signed an agreement on Tuesday.",
)
