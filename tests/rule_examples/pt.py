"""Portuguese rules (rules/pt/): the examples every language's checks read."""

from tests.rule_examples import Examples

EXAMPLES = Examples(
    model=None,
    date_anchors={"months": "janeiro", "weekdays": "segunda-feira"},
    inflected=(),
    entities=[
        ("reunião em Moscou", [("Moscou", "Russia")]),
        ("reunião em Moscovo", [("Moscovo", "Russia")]),
        ("com a Força Aérea Brasileira", [("Força Aérea Brasileira", "Brazilian Air Force")]),
        # the state with its capital, the verb without ("irão" is "they will go")
        ("o Irão e iniciativas que irão beneficiar", [("Irão", "Iran")]),
        ("Pequim respondeu", [("Pequim", "China")]),
        ("Washington e Paris", [("Washington", "United States"), ("Paris", "France")]),
        ("Tóquio e Nova Délhi", [("Tóquio", "Japan"), ("Nova Délhi", "India")]),
        ("o Kremlin disse", [("Kremlin", "Russia")]),
        ("os EUA e a Rússia", [("EUA", "United States"), ("Rússia", "Russia")]),
        ("os Estados Unidos", [("Estados Unidos", "United States")]),
        ("o Itamaraty informou", [("Itamaraty", "Brazil")]),
        ("o Palácio do Planalto", [("Palácio do Planalto", "Brazil")]),
        ("a Argentina e o Brasil", [("Argentina", "Argentina"), ("Brasil", "Brazil")]),
        ("a Índia e a China", [("Índia", "India"), ("China", "China")]),
        ("a Federação Russa", [("Federação Russa", "Russia")]),
        (
            "o Ministério da Ciência, Tecnologia e Inovação",
            [("Ministério da Ciência, Tecnologia e Inovação", "Brazil")],
        ),
        ("uma empresa argentina", []),
        ("um peru assado", []),
        ("uma índia", []),
        ("a agência espacial russa", [("agência espacial russa", "Roscosmos")]),
        ("a agência espacial chinesa", [("agência espacial chinesa", "CNSA")]),
        ("a Agência Espacial Europeia", [("Agência Espacial Europeia", "ESA")]),
        (
            "a Administração Espacial Nacional da China",
            [("Administração Espacial Nacional da China", "CNSA")],
        ),
        ("a agência espacial francesa", [("agência espacial francesa", "CNES")]),
        ("a agência espacial norte-americana", [("agência espacial norte-americana", "NASA")]),
        ("a Agência Espacial Brasileira", [("Agência Espacial Brasileira", "AEB")]),
        ("a Agência Espacial Portuguesa", [("Agência Espacial Portuguesa", "Portugal Space")]),
        (
            "a Estação Internacional de Pesquisa Lunar",
            [("Estação Internacional de Pesquisa Lunar", "ILRS")],
        ),
        ("os Acordos Artemis", [("Acordos Artemis", "Artemis Accords")]),
        ("os Acordos Ártemis", [("Acordos Ártemis", "Artemis Accords")]),
    ],
    demonyms=[
        ("o lado russo", "russo", "Russia"),
        ("o lado russa", "russa", "Russia"),
        ("o lado russos", "russos", "Russia"),
        ("o lado russas", "russas", "Russia"),
        ("o lado chinês", "chinês", "China"),
        ("o lado chinesa", "chinesa", "China"),
        ("o lado chineses", "chineses", "China"),
        ("o lado francesa", "francesa", "France"),
        ("o lado norte-americano", "norte-americano", "United States"),
        ("o lado americana", "americana", "United States"),
        ("o lado japonesas", "japonesas", "Japan"),
        ("o lado indiano", "indiano", "India"),
        ("o lado brasileira", "brasileira", "Brazil"),
        ("o lado alemã", "alemã", "Germany"),
        ("o lado alemães", "alemães", "Germany"),
    ],
    instruments=[
        # a tender won is a contract
        ("A Thales Alenia Space venceu a licitação para construir um satélite.", "contract"),
        # work awarded to a supplier
        ("O desenvolvimento do satélite foi adjudicado à Reshetnev.", "contract"),
        # a supplier chosen, charged or hired to build or launch: a contract
        ("A AEB contratou a empresa Visiona para desenvolver o satélite.", "contract"),
        ("A AEB contratou a empresa Visiona.", "contract"),
        # letters or notes exchanged conclude an arrangement
        ("Japão e Estados Unidos trocaram notas sobre a estação Gateway.", "other"),
        # a cooperation plan is a programme
        ("Brasil e China assinaram o Plano Decenal de Cooperação Espacial.", "programme"),
        # a lease between states
        ("O arrendamento de Baikonur termina em 2050.", "other"),
        # entrusting a supplier with building or launching
        ("A Embratel confiou à Arianespace o lançamento do satélite.", "contract"),
        # buying space hardware, not its images
        ("O Peru adquiriu um satélite da Airbus.", "contract"),
        ("O governo comprou dois foguetes.", "contract"),
        ("O governo comprou imagens do satélite.", None),
        ("Angola e Rússia acordaram lançar o satélite.", "agreement"),
        ("um memorando de entendimento", "memorandum"),
        ("uma carta de intenções", "memorandum"),
        ("um protocolo de intenções", "memorandum"),
        ("um acordo sobre navegação", "agreement"),
        ("um acordo-quadro", "agreement"),
        ("um convênio de cooperação", "agreement"),
        ("um programa de cooperação para 2018-2022", "programme"),
        ("um protocolo sobre lançamentos", "protocol"),
        ("um contrato de treinamento", "contract"),
        ("uma declaração conjunta", "joint_statement"),
        ("uma declaração de intenção conjunta", "joint_statement"),
        ("um comunicado conjunto", "joint_statement"),
        ("um tratado sobre a Lua", "treaty"),
        ("uma parceria com a NASA", "partnership"),
        ("um roteiro para a estação", "other"),
        ("As partes assinaram uma declaração sobre o programa.", "joint_statement"),
        ("Assinaram uma declaração de intenção.", "memorandum"),
        ("Assinaram uma declaração de intenção conjunta.", "joint_statement"),
        ("Uma troca de notas entre os governos.", "other"),
        ("A empresa encomendou dois satélites à Airbus.", "contract"),
        ("A empresa encomendou à Airbus dois satélites.", "contract"),
        ("O grupo discutiu uma declaração de cooperação espacial.", "joint_statement"),
        ("Em uma declaração, o ministro saudou o lançamento.", None),
    ],
    idioms=[
        # agreeing only to look into something
        "As partes concordaram em estudar as possibilidades de projetos conjuntos.",
        "Brasil e China têm uma parceria de longa data no setor espacial.",
        "As câmeras, desenvolvidas em parceria com a 3DPlus, voarão na missão.",
        "De acordo com a NASA, o lançamento foi um sucesso.",
        "O ministro está de acordo com o plano.",
        "Decidiram de comum acordo.",
        "Uma parceria estratégica foi citada.",
    ],
    agreements=[
        # a cooperation that cannot go on is ended
        (
            "A Rússia disse que é impossível continuar a cooperação com a Ucrânia.",
            [("other", "terminated", ["Russia", "Ukraine"])],
        ),
        # what the agreement, named by a common noun, conforms to is named in passing
        (
            "O Brasil e os Emirados assinaram um acordo, em conformidade com o Tratado do "
            "Espaço Exterior de 1967.",
            [("agreement", "signed", ["Brazil", "United Arab Emirates"])],
        ),
        # the company the article is about, as the subject, is a side
        (
            "A Avio assinou um contrato com a ASI. "
            "O grupo também assinou com a ESA e o CNES contratos de lançamento.",
            [
                ("contract", "signed", ["Avio", "ASI"]),
                ("contract", "signed", ["Avio", "ESA", "CNES"]),
            ],
        ),
        # the sides before a distributive word each make one agreement with the others
        (
            "A Etiópia e o Quênia assinaram cada um um acordo com a França.",
            [
                ("agreement", "signed", ["Ethiopia", "France"]),
                ("agreement", "signed", ["Kenya", "France"]),
            ],
        ),
        # a plural pointing back restates the headline's count: one with each customer
        (
            "Arianespace assina novos contratos\n\nOs contratos incluem o lançamento de um "
            "satélite para a Hispasat e o lançamento do Arabsat 6A.",
            [
                ("contract", None, ["Arianespace", "Hispasat"]),
                ("contract", None, ["Arianespace", "Arabsat"]),
            ],
        ),
        # a clause set off by commas between the verb and the cooperation tells when, not who
        (
            "A ESA suspendeu, após a invasão da Ucrânia, a cooperação com a Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        # documents counted by the verb's object: one with each counterpart
        (
            "A NASA assinou dois documentos com a JAXA e a ESA.",
            [("other", "signed", ["NASA", "JAXA"]), ("other", "signed", ["NASA", "ESA"])],
        ),
        # a short head points back to the space agency the article names
        (
            "A Roscosmos cresce. A agência russa assinou um acordo com a NASA.",
            [("agreement", "signed", ["Roscosmos", "NASA"])],
        ),
        # an ended cooperation agreement is that agreement, ended
        (
            "A ESA suspendeu o acordo de cooperação com a Roscosmos.",
            [("agreement", "terminated", ["ESA", "Roscosmos"])],
        ),
        # the agent of the signing names its sides; who comments on it is none
        (
            "Washington criticou o acordo assinado pela Rússia e pela China.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        # a named treaty referred to in passing
        ("Brasil e China defendem o direito espacial, incluindo o Tratado do Espaço de 1967.", []),
        (
            "Brasil e China, partes do Tratado do Espaço, assinaram um memorando.",
            [("memorandum", "signed", ["Brazil", "China"])],
        ),
        (
            "A ESA suspendeu a cooperação com a Roscosmos.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        (
            "A cooperação entre a ESA e a Roscosmos foi suspensa.",
            [("other", "terminated", ["ESA", "Roscosmos"])],
        ),
        ("A ESA poderia suspender a cooperação com a Roscosmos.", []),
        (
            "As negociações sino-russas sobre o tratado continuam.",
            [("treaty", "negotiating", ["China", "Russia"])],
        ),
        (
            "Rússia e China assinaram um acordo sobre exploração lunar.",
            [("agreement", "signed", ["Russia", "China"])],
        ),
        (
            "Moscou e Pequim assinaram um memorando.",
            [("memorandum", "signed", ["Russia", "China"])],
        ),
        (
            "A Roscosmos e a NASA assinaram um protocolo em Paris.",
            [("protocol", "signed", ["Roscosmos", "NASA"])],
        ),
        (
            "As agências espaciais russa e chinesa assinaram um memorando.",
            [("memorandum", "signed", ["Roscosmos", "CNSA"])],
        ),
        (
            "O Brasil assinou os Acordos Artemis.",
            [("agreement", "signed", ["Brazil", "United States"])],
        ),
        (
            "Foi assinado um contrato entre a Glavkosmos e a ISRO para treinar astronautas.",
            [("contract", "signed", ["Glavkosmos", "ISRO"])],
        ),
        (
            "A NASA e a JAXA assinaram um acordo intergovernamental.",
            [("agreement", "signed", ["United States", "Japan"])],
        ),
    ],
    statuses=[
        # a statement published is made, as in en and fr
        ("A declaração conjunta da Rússia e da Índia foi publicada na terça-feira.", "signed"),
        # a partnership its parties announce is made
        ("A NASA e a AEB anunciaram uma parceria para a Lua.", "signed"),
        # a signing they failed to make: still negotiated
        ("O governo não conseguiu costurar um acordo com a Rússia.", "negotiating"),
        ("Como parte do acordo, o INPE compartilhou dados.", "in_force"),
        # authorised to sign, a signing told in the future: to come
        ("O presidente autorizou o ministro a assinar o contrato com a empresa.", "proposed"),
        ("O governo aprovou o projeto de acordo com a Índia.", "proposed"),
        ("Uma vez em vigor, o acordo durará dez anos.", None),
        # the near future of a passive is a signing to come
        ("Um acordo entre a Rússia e a França vai ser assinado.", "proposed"),
        # the text agreed, not yet signed
        ("Brasil e China finalizaram o texto do acordo.", "negotiating"),
        # a contract awarded is concluded
        ("A NASA concedeu à SpaceX um contrato de 2,9 bilhões de dólares.", "signed"),
        ("Brasil e China concordaram em ampliar a cooperação espacial.", "signed"),
        ("O Brasil concordou com as críticas da China.", None),
        # a contract won is concluded; hoping to win one is not
        ("A Airbus ganhou um contrato da AEB.", "signed"),
        ("A OHB recebeu da ESA um contrato para dois satélites.", "signed"),
        # intent to sign: a signing to come
        ("Portugal e Índia manifestaram a intenção de assinar um acordo.", "proposed"),
        # an order placed is the contract concluded
        ("A empresa encomendou à Airbus dois satélites.", "signed"),
        # a capitalised word with a future ending mid-sentence is a name, not a verb that
        # looks ahead; opening the sentence, it is still that verb
        ("No âmbito do acordo, a Universidade Federal do Pará recebe dados.", "in_force"),
        ("Receberá, no âmbito do acordo, a universidade dados do satélite.", "signed"),
        ("O Brasil e a China negociaram um acordo.", "negotiating"),
        ("Uma vez assinado, o acordo permitirá voos conjuntos.", None),
        ("Rússia e China assinaram um acordo para ampliar a rede existente.", "signed"),
        ("Rússia e China assinaram um acordo.", "signed"),
        ("O Brasil assinou o acordo.", "signed"),
        ("O acordo foi assinado em Brasília.", "signed"),
        ("Rússia e China firmaram um memorando.", "signed"),
        ("Rússia e China celebraram um convênio.", "signed"),
        ("Portugal aderiu aos Acordos Artemis.", "signed"),
        ("Rússia e China chegaram a um acordo.", "signed"),
        ("Rússia e China vão assinar um acordo.", "proposed"),
        ("Rússia e China assinarão um acordo.", "proposed"),
        ("Rússia e China pretendem assinar um acordo.", "proposed"),
        ("O acordo será assinado em Moscou.", "proposed"),
        ("Rússia e China negociam um acordo.", "negotiating"),
        ("As negociações sobre o acordo continuam.", "negotiating"),
        ("A minuta do acordo circula.", "negotiating"),
        ("O acordo deverá ser assinado em 2022.", "negotiating"),
        ("O acordo poderá ser assinado em breve.", "negotiating"),
        ("O acordo ainda não foi assinado.", "negotiating"),
        ("O acordo entrou em vigor em 2020.", "in_force"),
        ("O acordo está em vigor.", "in_force"),
        ("O acordo vigente cobre os lançamentos.", "in_force"),
        ("No âmbito do acordo foram compartilhados dados.", "in_force"),
        ("O acordo foi rescindido.", "terminated"),
        ("A ESA suspendeu a cooperação com a Roscosmos.", "terminated"),
        ("Os Estados Unidos retiraram-se do tratado.", "terminated"),
        ("O acordo expirou no ano passado.", "terminated"),
        ("A Rússia pôs fim ao acordo.", "terminated"),
        ("Em virtude do acordo assinado em 2014, a Rússia forneceu motores.", "in_force"),
        ("A operação foi viabilizada por meio de um acordo firmado em julho.", "in_force"),
        ("Ao abrigo do acordo, o INPE operou a estação.", "in_force"),
        ("O acordo continua vigente.", "in_force"),
        ("O convênio vence em dezembro de 2021.", "in_force"),
        ("No âmbito do acordo, a Rússia fornecerá motores.", "signed"),
        ("O acordo prevê que o Brasil forneça a estação.", None),
        ("O acordo ainda não entrou em vigor.", "signed"),
        ("O acordo entrará em vigor no próximo ano.", None),
        ("A ESA poderia suspender a cooperação com a Roscosmos.", None),
        ("O acordo não está mais em vigor.", "terminated"),
        ("A Rússia não fornecerá mais motores aos Estados Unidos.", "terminated"),
        ("A Rússia deixou de fornecer motores aos Estados Unidos.", "terminated"),
        ("O acordo ficou sem efeito.", "terminated"),
        ("A Rússia anunciou o fim da cooperação com a ESA.", "terminated"),
        ("O Brasil e a China trabalham num acordo espacial.", "negotiating"),
        ("O acordo está sendo negociado.", "negotiating"),
        ("O futuro acordo cobrirá a navegação.", "proposed"),
        ("A história do programa espacial brasileiro é longa.", None),
    ],
    signings_to_come=[
        (
            "Portugal e Espanha assinam na segunda-feira um memorando sobre o espaço. "
            "O memorando será assinado pelos ministros.",
            "proposed",
            "2021-03-15",
        ),
    ],
    dates=[
        # a season without its year: the nearest one, as the tense or relative word says
        ("Rússia e China assinaram um acordo no verão passado.", "no verão passado", "2020"),
        # so long before the writing
        ("Rússia e China assinaram um acordo há três dias.", "há três dias", "2021-03-08"),
        # the week before the writing: its month
        ("Rússia e China assinaram um acordo na semana passada.", "na semana passada", "2021-03"),
        # a day of the month alone: the nearest of that number, back from the writing
        ("Rússia e China assinaram um acordo no último dia 5.", "no último dia 5", "2021-03-05"),
        ("Rússia e China assinaram um acordo no dia 20.", "no dia 20", "2021-02-20"),
        ("O acordo foi firmado em julho do ano passado.", "em julho do ano passado", "2020-07"),
        (
            "Rússia e China assinaram um acordo nesta terça-feira.",
            "nesta terça-feira",
            "2021-03-09",
        ),
        ("Rússia e China assinaram um acordo no sábado.", "no sábado", "2021-03-06"),
        ("Rússia e China assinaram um acordo ontem.", "ontem", "2021-03-10"),
        (
            "Rússia e China assinaram um acordo no dia 15 de junho de 2021.",
            "no dia 15 de junho de 2021",
            "2021-06-15",
        ),
        ("Rússia e China assinaram um acordo em 9 de março.", "em 9 de março", "2021-03-09"),
        (
            "Rússia e China assinaram um acordo em dezembro de 2020.",
            "em dezembro de 2020",
            "2020-12",
        ),
        ("Rússia e China assinaram um acordo em 2017.", "em 2017", "2017"),
        ("Rússia e China vão assinar um acordo no próximo ano.", "no próximo ano", "2022"),
        ("Rússia e China vão assinar um acordo no ano que vem.", "no ano que vem", "2022"),
        ("Rússia e China assinaram um acordo no mês passado.", "no mês passado", "2021-02"),
        ("Rússia e China assinaram um acordo em 05/09/2018.", "em 05/09/2018", "2018-09-05"),
        (
            "Rússia e China assinaram um acordo em 1º de janeiro de 2022.",
            "em 1º de janeiro de 2022",
            "2022-01-01",
        ),
    ],
    agreement_dates=[
        ("Rússia e China assinaram um acordo na quinta-feira.", "2021-03-12", "2021-03-11"),
        ("Rússia e China assinaram um acordo nesta terça-feira.", "2021-03-11", "2021-03-09"),
        ("Rússia e China assinaram um acordo no sábado.", "2021-03-11", "2021-03-06"),
        ("Rússia e China assinaram um acordo ontem.", "2021-03-11", "2021-03-10"),
        ("Rússia e China assinaram um acordo no dia 15 de junho de 2021.", None, "2021-06-15"),
        ("Rússia e China assinaram um acordo em 9 de março.", "2021-03-11", "2021-03-09"),
        ("Rússia e China assinaram um acordo em dezembro de 2020.", None, "2020-12"),
        ("Rússia e China assinaram um acordo em 2017.", None, "2017"),
        ("Rússia e China vão assinar um acordo no próximo ano.", "2021-03-11", "2022"),
        ("Rússia e China vão assinar um acordo no ano que vem.", "2021-03-11", "2022"),
        ("Rússia e China assinaram um acordo no mês passado.", "2021-03-11", "2021-02"),
        ("Rússia e China assinaram um acordo em 05/09/2018.", None, "2018-09-05"),
        ("Rússia e China assinaram um acordo em 1º de janeiro de 2022.", None, "2022-01-01"),
    ],
    periods=[
        ("um programa de cooperação para 2018-2022", "para 2018-2022", "2018", "2022"),
        ("um acordo de 2023 a 2027", "de 2023 a 2027", "2023", "2027"),
        ("um acordo entre 2023 e 2027", "entre 2023 e 2027", "2023", "2027"),
        ("um acordo válido até 2030", "até 2030", None, "2030"),
        ("um acordo a partir de 2023", "a partir de 2023", "2023", None),
    ],
    sentence_parties=[
        # belligerents are no sides
        (
            "O México e a Rússia assinaram o acordo antes da guerra entre a Rússia e a Ucrânia.",
            ["Mexico", "Russia"],
        ),
        # who attends a signing is no side of it, where another side is named
        (
            "A NASA e a JAXA assinaram o acordo na presença de representantes da França.",
            ["NASA", "JAXA"],
        ),
        # an organisation whose session was attended is its setting
        (
            "A Roscosmos assinou um acordo com os Emirados Árabes Unidos e participou da 61ª "
            "sessão do comitê espacial da ONU.",
            ["Roscosmos", "United Arab Emirates"],
        ),
        # a country invaded is the setting of an ended cooperation, not a side
        (
            "Após a invasão da Ucrânia, a ESA suspendeu a cooperação com a Roscosmos.",
            ["ESA", "Roscosmos"],
        ),
        # a state's representatives, a coordinated complement
        (
            "Representantes do Brasil e da Argentina negociam um acordo espacial.",
            ["Brazil", "Argentina"],
        ),
        # a company's owners are described, not parties
        (
            "A Thales Alenia Space, controlada pela Finmeccanica, assinou um contrato com a AEB.",
            ["Thales Alenia Space", "AEB"],
        ),
        ("A ESA suspendeu a cooperação com a Roscosmos.", ["ESA", "Roscosmos"]),
        ("Além da França, a China assinou um acordo com o Paquistão.", ["China", "Pakistan"]),
        ("A cooperação entre a ESA e a Roscosmos foi suspensa.", ["ESA", "Roscosmos"]),
        ("Rússia e China assinaram um acordo sobre exploração lunar.", ["Russia", "China"]),
        ("Moscou e Pequim assinaram um memorando.", ["Russia", "China"]),
        ("A Roscosmos e a NASA assinaram um protocolo em Paris.", ["Roscosmos", "NASA"]),
        ("As agências espaciais russa e chinesa assinaram um memorando.", ["Roscosmos", "CNSA"]),
        ("O Brasil assinou os Acordos Artemis.", ["Brazil"]),
        (
            "Foi assinado um contrato entre a Glavkosmos e a ISRO para treinar astronautas.",
            ["Glavkosmos", "ISRO"],
        ),
        ("A NASA e a JAXA assinaram um acordo intergovernamental.", ["NASA", "JAXA"]),
    ],
    new_instruments=["China e Brasil negociam um novo acordo."],
    conjunctions=[("o Brasil e a China, ou a Índia", ["e"])],
    pair_references=[("os dois países", "state"), ("as duas agências", "agency")],
    pairs_from_context=[
        (
            "Índia e França reuniram-se em Nova Délhi. Os dois países assinaram um tratado.",
            ["France", "India"],
        )
    ],
    scopes=[
        ("exploração lunar", ["lunar_exploration"]),
        ("uma missão a Marte", ["deep_space"]),
        ("a estação espacial", ["space_station"]),
        ("astronautas", ["human_spaceflight"]),
        ("navegação por satélite", ["satellite_navigation"]),
        ("observação da Terra", ["earth_observation"]),
        ("agricultura", ["non_space"]),
    ],
    agreement_scopes=[
        ("Rússia e China assinaram um acordo sobre exploração lunar.", ["lunar_exploration"])
    ],
    masked_lines=[
        "Este site utiliza cookies para melhorar a sua experiência.",
        "Siga-nos no Instagram",
        "Compartilhe",
        "Assine a nossa newsletter",
        "© 2021 Agência Brasil. Todos os direitos reservados.",
        "Créditos: Marco Corrêa/PR",
        "Leia também: Brasil assina os Acordos Artemis",
    ],
    kept_line="Rússia e China assinaram um acordo na quinta-feira.",
)
