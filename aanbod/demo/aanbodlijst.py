"""The demo catalogue: about forty Flemish offers.

Invented but plausible: the titles and providers are those a Flemish prison knows
(CVO and Ligo, VDAB, CAW, CGG, Sport Vlaanderen, De Rode Antraciet…); descriptions are
in plain language, most also in French and English for the brochure. A new offer goes
at the end: the draws of every prison's availability follow this order.
"""

from __future__ import annotations

from aanbod.models import Levensdomein

from .catalogus import GROEP, INDIVIDUEEL, DemoAanbod, Vertaling

L = Levensdomein

V = Vertaling

CATALOGUS = (
    # --- onderwijs ----------------------------------------------------------------
    DemoAanbod(
        "Nederlands tweede taal A1",
        "Je leert de eerste woorden en zinnen in het Nederlands: jezelf voorstellen, vragen "
        "stellen, een formulier invullen. Je oefent spreken, luisteren, lezen en schrijven. "
        "Je hoeft nog geen Nederlands te kennen.",
        L.ONDERWIJS, "CVO-ANT", GROEP, "cvo-ligo-opleiding", 1.0, fpc=0.8, klein=0.8,
        doelgroepen=("anderstaligen",), duur_weken=20, met_examen=True, met_attest=True,
        fr=V("Néerlandais langue seconde A1",
             "Vous apprenez les premiers mots et phrases en néerlandais : vous présenter, poser "
             "des questions, remplir un formulaire. Aucune connaissance du néerlandais n'est "
             "nécessaire."),
        en=V("Dutch as a second language A1",
             "You learn your first words and sentences in Dutch: introducing yourself, asking "
             "questions, filling in a form. You do not need to know any Dutch yet."),
        lokalen=("klas", "bib", "polyvalent"), groepsgrootte=12, gewicht=3,
    ),
    DemoAanbod(
        "Nederlands tweede taal A2",
        "Je bouwt verder op wat je in A1 leerde. Je leert praten over je werk, je familie en je "
        "plannen, en korte teksten lezen en schrijven.",
        L.ONDERWIJS, "CVO-ANT", GROEP, "cvo-ligo-opleiding", 0.7, fpc=0.5, klein=0.3,
        doelgroepen=("anderstaligen",), duur_weken=20, met_examen=True, met_attest=True,
        nederlandsniveau="A1",
        fr=V("Néerlandais langue seconde A2",
             "Vous continuez après le niveau A1. Vous apprenez à parler de votre travail, de "
             "votre famille et de vos projets, et à lire et écrire des textes courts."),
        en=V("Dutch as a second language A2",
             "You build on what you learned in A1. You learn to talk about your work, your "
             "family and your plans, and to read and write short texts."),
        lokalen=("klas", "bib", "polyvalent"), groepsgrootte=12, gewicht=2,
    ),
    DemoAanbod(
        "Lezen en schrijven (alfabetisering)",
        "Je leert lezen en schrijven in het Nederlands, stap voor stap en in je eigen tempo. "
        "Voor wie nooit of weinig naar school ging.",
        L.ONDERWIJS, "LIGO", GROEP, "cvo-ligo-opleiding", 0.5, klein=0.2,
        doelgroepen=("anderstaligen",), duur_weken=30, met_attest=True,
        fr=V("Apprendre à lire et à écrire",
             "Vous apprenez à lire et à écrire en néerlandais, pas à pas et à votre rythme. Pour "
             "celles et ceux qui ne sont jamais ou peu allés à l'école."),
        en=V("Learning to read and write",
             "You learn to read and write in Dutch, step by step and at your own pace. For "
             "people who never or hardly went to school."),
        lokalen=("klas", "bib"), groepsgrootte=8,
    ),
    DemoAanbod(
        "Basiseducatie wiskunde",
        "Rekenen voor het dagelijks leven: omgaan met geld, procenten, maten en gewichten, een "
        "loonbrief lezen. Je werkt in een kleine groep en in je eigen tempo.",
        L.ONDERWIJS, "LIGO", GROEP, "cvo-ligo-opleiding", 0.7, klein=0.3,
        duur_weken=15, met_attest=True, nederlandsniveau="A2",
        fr=V("Éducation de base : mathématiques",
             "Calculer au quotidien : gérer l'argent, les pourcentages, les mesures et les "
             "poids, lire une fiche de paie. En petit groupe et à votre rythme."),
        en=V("Basic education: maths",
             "Everyday arithmetic: handling money, percentages, measures and weights, reading a "
             "payslip. You work in a small group at your own pace."),
        lokalen=("klas",), groepsgrootte=10,
    ),
    DemoAanbod(
        "Digitale vaardigheden",
        "Je leert werken met een computer: typen, een tekst maken, veilig omgaan met internet "
        "en e-mail. Zo ben je klaar om te solliciteren en om na je vrijlating zelf je zaken te "
        "regelen met diensten.",
        L.ONDERWIJS, "LIGO", GROEP, "cvo-ligo-opleiding", 0.6, fpc=0.6, klein=0.5,
        duur_weken=10, met_attest=True, nederlandsniveau="A1",
        fr=V("Compétences numériques",
             "Vous apprenez à utiliser un ordinateur : taper un texte, utiliser internet et "
             "l'e-mail en toute sécurité, pour chercher un emploi et faire vos démarches après "
             "votre libération."),
        en=V("Digital skills",
             "You learn to use a computer: typing, writing a text, using the internet and "
             "e-mail safely, so you can apply for jobs and deal with services after release."),
        lokalen=("computer", "klas"), groepsgrootte=10, gewicht=2,
    ),
    DemoAanbod(
        "Secundair onderwijs tweede kans",
        "Je behaalt alsnog je diploma secundair onderwijs, vak per vak. Je volgt les en maakt "
        "opdrachten; de examens leg je af bij de examencommissie.",
        L.ONDERWIJS, "CVO-ANT", GROEP, "cvo-ligo-opleiding", 0.4, fpc=0.2,
        duur_weken=40, met_examen=True, met_attest=True, nederlandsniveau="B1",
        minimale_resterende_detentie_weken=26,
        toelatingsvoorwaarden="Een intakegesprek met de trajectbegeleider van het CVO.",
        fr=V("Enseignement secondaire de la deuxième chance",
             "Vous obtenez votre diplôme de l'enseignement secondaire, matière par matière. "
             "Vous suivez des cours et passez les examens devant le jury central."),
        en=V("Second-chance secondary education",
             "You earn your secondary school diploma, subject by subject. You attend classes "
             "and take the exams of the central examination board."),
        lokalen=("klas", "computer"), groepsgrootte=12,
    ),
    DemoAanbod(
        "Koken (opleiding keukenmedewerker)",
        "Je leert koken in een professionele keuken: hygiëne, snijtechnieken, soepen, sauzen en "
        "eenvoudige gerechten. Je krijgt een attest dat werkgevers in de horeca kennen.",
        L.ONDERWIJS, "CVO-ANT", GROEP, "cvo-ligo-opleiding", 0.4, fpc=0.3,
        duur_weken=24, met_examen=True, met_attest=True, nederlandsniveau="A2",
        minimale_resterende_detentie_weken=24,
        fr=V("Cuisine (formation d'aide-cuisinier)",
             "Vous apprenez à cuisiner dans une cuisine professionnelle : hygiène, techniques de "
             "découpe, soupes, sauces et plats simples. Vous recevez une attestation reconnue "
             "dans l'horeca."),
        en=V("Cooking (kitchen assistant course)",
             "You learn to cook in a professional kitchen: hygiene, cutting techniques, soups, "
             "sauces and simple dishes. You receive a certificate that catering employers know."),
        lokalen=("keuken",), groepsgrootte=8, ritme="opleiding",
    ),
    # --- werk -----------------------------------------------------------------------
    DemoAanbod(
        "Beroepsopleiding lassen",
        "Je leert de basis van het lassen (MIG/MAG) in een werkplaats. Veiligheid komt eerst. "
        "Na de opleiding kan je een lasattest behalen.",
        L.WERK, "VDAB", GROEP, "vdab-beroepsopleiding", 0.35, fpc=0.1,
        duur_weken=16, met_examen=True, met_attest=True, nederlandsniveau="A2",
        minimale_resterende_detentie_weken=20,
        toelatingsvoorwaarden="Medisch geschikt om met lasapparatuur te werken.",
        fr=V("Formation professionnelle : soudage",
             "Vous apprenez les bases du soudage (MIG/MAG) en atelier, la sécurité avant tout. "
             "Après la formation, vous pouvez obtenir un certificat de soudeur."),
        en=V("Vocational training: welding",
             "You learn the basics of welding (MIG/MAG) in a workshop, safety first. After the "
             "course you can earn a welding certificate."),
        lokalen=("werkplaats",), groepsgrootte=8, ritme="opleiding", gewicht=2,
    ),
    DemoAanbod(
        "Heftruckchauffeur",
        "Je leert veilig rijden met een heftruck: laden, lossen en stapelen. Je sluit af met "
        "een praktijkproef en krijgt een attest.",
        L.WERK, "VDAB", GROEP, "vdab-beroepsopleiding", 0.3, fpc=0.0,
        duur_weken=3, met_examen=True, met_attest=True, nederlandsniveau="A1",
        lokalen=("buiten", "werkplaats"), groepsgrootte=6, ritme="opleiding",
    ),
    DemoAanbod(
        "Schilder-decorateur",
        "Je leert muren en plafonds voorbereiden, schilderen en behangen. Je oefent op echte "
        "opdrachten binnen de gevangenis.",
        L.WERK, "VDAB", GROEP, "vdab-beroepsopleiding", 0.35, fpc=0.1,
        duur_weken=20, met_attest=True, nederlandsniveau="A2",
        minimale_resterende_detentie_weken=16,
        lokalen=("werkplaats",), groepsgrootte=8, ritme="opleiding",
    ),
    DemoAanbod(
        "Werkplekleren keuken",
        "Je werkt mee in de keuken van de gevangenis en leert op de werkvloer, met een "
        "begeleider van VDAB. Zo bouw je werkervaring op voor je cv.",
        L.WERK, "VDAB", GROEP, "vdab-werkplekleren", 0.4, fpc=0.2,
        duur_weken=12, met_attest=True,
        fr=V("Apprentissage sur le lieu de travail : cuisine",
             "Vous travaillez dans la cuisine de la prison et apprenez sur le terrain, "
             "accompagné par le VDAB. Vous acquérez une expérience pour votre CV."),
        en=V("Work-based learning: kitchen",
             "You work in the prison kitchen and learn on the job, with a VDAB coach. You gain "
             "work experience for your CV."),
        lokalen=("keuken",), groepsgrootte=6, ritme="opleiding",
    ),
    DemoAanbod(
        "Werkplekleren wasserij",
        "Je werkt in de wasserij van de gevangenis: wassen, drogen, strijken en sorteren. Je "
        "leert werken in een team en volgens afspraken.",
        L.WERK, "VDAB", GROEP, "vdab-werkplekleren", 0.4, fpc=0.2,
        duur_weken=12, met_attest=True,
        lokalen=("werkplaats",), groepsgrootte=6, ritme="opleiding",
    ),
    DemoAanbod(
        "Sollicitatietraining",
        "Je maakt je cv en een sollicitatiebrief, en je oefent een gesprek met een werkgever. "
        "Je leert ook hoe je over je detentie kan praten.",
        L.WERK, "VDAB", GROEP, "vdab-toeleiding-werk", 0.8, fpc=0.4, klein=0.8,
        duur_weken=6, nederlandsniveau="A2",
        fr=V("Préparation à l'entretien d'embauche",
             "Vous rédigez votre CV et une lettre de motivation et vous vous exercez à un "
             "entretien. Vous apprenez aussi à parler de votre détention."),
        en=V("Job application training",
             "You write your CV and a cover letter and practise a job interview. You also learn "
             "how to talk about your time in prison."),
        lokalen=("computer", "klas"), groepsgrootte=10, gewicht=2,
    ),
    DemoAanbod(
        "Begeleiding naar werk",
        "Een detentieconsulent van VDAB zoekt samen met jou naar werk of een opleiding voor na "
        "je vrijlating, en helpt je inschrijven als werkzoekende.",
        L.WERK, "VDAB", INDIVIDUEEL, "vdab-toeleiding-werk", 0.9, fpc=0.6, klein=1.0,
        talen=("nl", "fr", "en"),
        fr=V("Accompagnement vers l'emploi",
             "Un consultant du VDAB cherche avec vous un emploi ou une formation pour après "
             "votre libération et vous aide à vous inscrire comme demandeur d'emploi."),
        en=V("Guidance towards work",
             "A VDAB consultant looks with you for a job or training for after your release, "
             "and helps you register as a jobseeker."),
    ),
    # --- welzijn, wonen, financiën (CAW) --------------------------------------------
    DemoAanbod(
        "Trajectbegeleiding",
        "Een trajectbegeleider van het CAW luistert naar je vragen en zoekt samen met jou welke "
        "hulp je nodig hebt, in de gevangenis en na je vrijlating.",
        L.WELZIJN, "CAW", INDIVIDUEEL, "caw-trajectbegeleiding", 1.0, fpc=1.0, klein=1.0,
        talen=("nl", "fr", "en"),
        fr=V("Accompagnement de parcours",
             "Un accompagnateur du CAW écoute vos questions et cherche avec vous l'aide dont vous "
             "avez besoin, en prison et après votre libération."),
        en=V("Personal guidance",
             "A CAW counsellor listens to your questions and works out with you what help you "
             "need, in prison and after your release."),
    ),
    DemoAanbod(
        "Groepsaanbod agressiebeheersing",
        "In een kleine groep leer je herkennen wanneer je boos wordt en hoe je anders kan "
        "reageren. Je oefent met situaties uit het dagelijks leven.",
        L.WELZIJN, "CAW", GROEP, "caw-groepsaanbod", 0.6, fpc=0.6,
        doelgroepen=("veelplegers", "jongvolwassenen"), duur_weken=10, met_attest=True,
        nederlandsniveau="A2",
        fr=V("Groupe de gestion de l'agressivité",
             "En petit groupe, vous apprenez à reconnaître quand la colère monte et à réagir "
             "autrement, avec des situations de la vie quotidienne."),
        en=V("Anger management group",
             "In a small group you learn to notice when you get angry and how to react "
             "differently, practising with everyday situations."),
        lokalen=("polyvalent", "klas"), groepsgrootte=8, ritme="groep",
    ),
    DemoAanbod(
        "Ouderschap vanuit de gevangenis",
        "Je praat met andere ouders over hoe je contact houdt met je kinderen tijdens je "
        "detentie. Je krijgt tips voor bezoek, brieven en telefoongesprekken.",
        L.WELZIJN, "CAW", GROEP, "caw-groepsaanbod", 0.5, fpc=0.3, klein=0.3,
        doelgroepen=("vrouwen",), duur_weken=8,
        fr=V("Être parent en prison",
             "Vous parlez avec d'autres parents de la manière de garder le contact avec vos "
             "enfants pendant la détention : visites, lettres et appels."),
        en=V("Parenting from prison",
             "You talk with other parents about keeping in touch with your children while in "
             "prison, with tips for visits, letters and phone calls."),
        lokalen=("polyvalent", "klas", "bib"), groepsgrootte=10, ritme="groep",
    ),
    DemoAanbod(
        "Woonwinkel-info",
        "Een infosessie over wonen na je vrijlating: een woning zoeken, een huurcontract, de "
        "huurwaarborg en sociale huisvesting.",
        L.WONEN, "CAW", GROEP, "woonbegeleiding", 0.5, fpc=0.3, klein=0.8,
        duur_weken=1, talen=("nl", "fr"),
        fr=V("Info logement",
             "Une séance d'information sur le logement après la libération : chercher un "
             "logement, le bail, la garantie locative et le logement social."),
        en=V("Housing information",
             "An information session on housing after release: finding a home, the lease, the "
             "rental deposit and social housing."),
        lokalen=("klas", "bib", "polyvalent"), groepsgrootte=12, ritme="info",
    ),
    DemoAanbod(
        "Budgetbegeleiding",
        "Je krijgt hulp om zicht te krijgen op je schulden en je inkomsten. Samen maak je een "
        "plan om je schulden af te betalen.",
        L.FINANCIEN, "CAW", INDIVIDUEEL, "schuldhulpverlening", 0.7, fpc=0.5, klein=0.6,
        fr=V("Accompagnement budgétaire",
             "Vous recevez de l'aide pour faire le point sur vos dettes et vos revenus, et vous "
             "établissez ensemble un plan de remboursement."),
        en=V("Budget support",
             "You get help to get a clear view of your debts and income, and together you make "
             "a plan to pay off your debts."),
    ),
    # --- geestelijke gezondheid (CGG, UFC) ---------------------------------------------
    DemoAanbod(
        "Individuele therapie",
        "Gesprekken met een psycholoog of psychiater van het CGG over wat je moeilijk vindt: "
        "angst, somberheid, trauma of wat je gedaan hebt.",
        L.GEESTELIJKE_GEZONDHEID, "CGG", INDIVIDUEEL, "cgg-behandeling", 0.7, fpc=1.0,
        talen=("nl", "fr", "en"),
        fr=V("Thérapie individuelle",
             "Des entretiens avec un psychologue ou un psychiatre du CGG sur ce qui vous pèse : "
             "angoisse, tristesse, traumatisme ou les faits commis."),
        en=V("Individual therapy",
             "Sessions with a psychologist or psychiatrist of the CGG about what you find hard: "
             "anxiety, low mood, trauma or what you have done."),
    ),
    DemoAanbod(
        "Groepsaanbod verslaving",
        "Met anderen praat je over je gebruik van alcohol of drugs: waarom je gebruikt, wat het "
        "je kost en hoe je wil veranderen. Een hulpverlener leidt de groep.",
        L.GEESTELIJKE_GEZONDHEID, "CGG", GROEP, "verslavingszorg", 0.6, fpc=1.0, klein=0.3,
        doelgroepen=("verslaafden",), duur_weken=12,
        fr=V("Groupe addictions",
             "Vous parlez avec d'autres de votre consommation d'alcool ou de drogues : pourquoi, "
             "ce que cela vous coûte et comment changer. Un intervenant anime le groupe."),
        en=V("Addiction group",
             "With others you talk about your use of alcohol or drugs: why you use, what it "
             "costs you and how you want to change. A counsellor leads the group."),
        lokalen=("polyvalent", "klas"), groepsgrootte=10, ritme="groep", gewicht=2,
    ),
    DemoAanbod(
        "Intrafamiliaal geweld groep",
        "Een groep voor wie geweld gebruikte tegen een partner of familielid. Je leert wat "
        "geweld met anderen doet en hoe je het kan stoppen.",
        L.GEESTELIJKE_GEZONDHEID, "CGG", GROEP, "cgg-behandeling", 0.4, fpc=0.7,
        doelgroepen=("daders-intrafamiliaal-geweld",), duur_weken=16, nederlandsniveau="A2",
        minimale_resterende_detentie_weken=16,
        toelatingsvoorwaarden="Na een intakegesprek met het CGG.",
        fr=V("Groupe violences intrafamiliales",
             "Un groupe pour les personnes qui ont été violentes envers un partenaire ou un "
             "membre de la famille : comprendre l'impact de la violence et y mettre fin."),
        en=V("Domestic violence group",
             "A group for people who used violence against a partner or relative. You learn "
             "what violence does to others and how to stop it."),
        lokalen=("polyvalent", "klas"), groepsgrootte=8, ritme="groep",
    ),
    DemoAanbod(
        "Psycho-educatie",
        "Je leert meer over je psychische kwetsbaarheid, over medicatie en over wat je zelf kan "
        "doen om je beter te voelen.",
        L.GEESTELIJKE_GEZONDHEID, "CGG", GROEP, "cgg-behandeling", 0.15, fpc=1.0,
        doelgroepen=("geinterneerden",), duur_weken=10,
        lokalen=("polyvalent", "klas"), groepsgrootte=8, ritme="groep", gewicht=2,
    ),
    DemoAanbod(
        "Daderhulp zedendelicten",
        "Gespecialiseerde behandeling voor wie een seksueel misdrijf pleegde, in groep en met "
        "individuele gesprekken. Het doel is herval voorkomen.",
        L.GEESTELIJKE_GEZONDHEID, "UFC", GROEP, "cgg-behandeling", 0.35, fpc=0.9,
        doelgroepen=("zedendaders",), duur_weken=52, nederlandsniveau="A2",
        minimale_resterende_detentie_weken=52,
        toelatingsvoorwaarden="Na een diagnostisch onderzoek, op verwijzing van de "
        "psychosociale dienst.",
        fr=V("Traitement des auteurs d'infractions sexuelles",
             "Un traitement spécialisé en groupe et en entretiens individuels pour les auteurs "
             "d'infractions sexuelles, afin de prévenir la récidive."),
        en=V("Treatment for sexual offenders",
             "Specialised treatment in a group and in individual sessions for people who "
             "committed a sexual offence, to prevent reoffending."),
        lokalen=("polyvalent", "klas"), groepsgrootte=8, ritme="groep",
    ),
    # --- sport (Sport Vlaanderen) -------------------------------------------------------
    DemoAanbod(
        "Fitness",
        "Je traint met gewichten en toestellen onder begeleiding van een sportmonitor. Je leert "
        "oefeningen die goed zijn voor je lichaam en je humeur.",
        L.SPORT, "SPORT-VL", GROEP, "sport", 1.0, fpc=1.0, klein=0.6,
        talen=("nl", "fr", "en"),
        fr=V("Fitness",
             "Vous vous entraînez avec des poids et des appareils, encadré par un moniteur "
             "sportif, avec des exercices bons pour le corps et le moral."),
        en=V("Fitness",
             "You train with weights and machines, guided by a sports instructor, with exercises "
             "that are good for your body and your mood."),
        lokalen=("sport",), groepsgrootte=12, ritme="sport", gewicht=3, met_wachtlijst=False,
    ),
    DemoAanbod(
        "Voetbal",
        "Samen voetballen in ploegen, met aandacht voor fair play en samenwerken.",
        L.SPORT, "SPORT-VL", GROEP, "sport", 0.8, fpc=0.6, klein=0.3,
        talen=("nl", "fr", "en"),
        fr=V("Football", "Jouer au football en équipes, dans le respect du fair-play."),
        en=V("Football", "Playing football in teams, with attention to fair play and teamwork."),
        lokalen=("buiten", "sport"), groepsgrootte=20, ritme="sport", gewicht=2,
        met_wachtlijst=False,
    ),
    DemoAanbod(
        "Yoga",
        "Rustige oefeningen voor je lichaam en je ademhaling. Yoga helpt om te ontspannen en "
        "beter te slapen. Je hebt geen ervaring nodig.",
        L.SPORT, "SPORT-VL", GROEP, "sport", 0.5, fpc=0.8, klein=0.4,
        talen=("nl", "en"),
        fr=V("Yoga",
             "Des exercices calmes pour le corps et la respiration, pour se détendre et mieux "
             "dormir. Aucune expérience n'est nécessaire."),
        en=V("Yoga",
             "Calm exercises for your body and breathing that help you relax and sleep better. "
             "No experience needed."),
        lokalen=("polyvalent", "sport"), groepsgrootte=12, ritme="sport",
    ),
    DemoAanbod(
        "Sportsnack",
        "Elke week een andere sport proberen: badminton, tafeltennis, basketbal, "
        "circuittraining… Voor wie wil beginnen met sporten.",
        L.SPORT, "SPORT-VL", GROEP, "sport", 0.6, fpc=0.6, klein=0.5,
        duur_weken=8,
        fr=V("Sport découverte",
             "Chaque semaine un autre sport : badminton, tennis de table, basket, "
             "entraînement en circuit… Pour qui veut se (re)mettre au sport."),
        en=V("Sports taster",
             "Try a different sport every week: badminton, table tennis, basketball, circuit "
             "training… For anyone who wants to start."),
        lokalen=("sport", "polyvalent"), groepsgrootte=14, ritme="sport",
    ),
    DemoAanbod(
        "Loopgroep",
        "Je leert in tien weken vijf kilometer lopen, in je eigen tempo, op het sportveld of de "
        "wandelkoer.",
        L.SPORT, "SPORT-VL", GROEP, "sport", 0.3, fpc=0.3,
        duur_weken=10,
        lokalen=("buiten",), groepsgrootte=15, ritme="sport",
    ),
    # --- cultuur ------------------------------------------------------------------------
    DemoAanbod(
        "Bibliotheek",
        "Je leent boeken, strips, tijdschriften en muziek, ook in andere talen. Je kan er "
        "rustig lezen of iets opzoeken.",
        L.CULTUUR, "BIB", GROEP, "bibliotheek", 1.0, fpc=1.0, klein=0.9,
        talen=("nl", "fr", "en", "ar", "tr", "pl", "ro"),
        fr=V("Bibliothèque",
             "Vous empruntez des livres, des BD, des magazines et de la musique, aussi dans "
             "d'autres langues, et vous pouvez y lire au calme."),
        en=V("Library",
             "You borrow books, comics, magazines and music, also in other languages, and you "
             "can read quietly or look something up."),
        lokalen=("bib",), groepsgrootte=12, ritme="sport", gewicht=2, met_wachtlijst=False,
    ),
    DemoAanbod(
        "Theaterworkshop",
        "Je speelt theater met anderen: improviseren, een verhaal vertellen, op een podium "
        "staan. Aan het einde is er een voorstelling.",
        L.CULTUUR, "DRA", GROEP, "cultuur", 0.4, fpc=0.5,
        duur_weken=12,
        fr=V("Atelier théâtre",
             "Vous faites du théâtre avec d'autres : improviser, raconter une histoire, monter "
             "sur scène. Un spectacle clôture l'atelier."),
        en=V("Theatre workshop",
             "You act with others: improvising, telling a story, being on stage. It ends with a "
             "performance."),
        lokalen=("polyvalent",), groepsgrootte=12, ritme="atelier",
    ),
    DemoAanbod(
        "Muziekatelier",
        "Samen muziek maken: drums, gitaar, zingen of zelf nummers schrijven. Je hoeft geen "
        "noten te kunnen lezen.",
        L.CULTUUR, "DRA", GROEP, "cultuur", 0.5, fpc=0.7, klein=0.2,
        duur_weken=12,
        lokalen=("polyvalent", "klas"), groepsgrootte=8, ritme="atelier",
    ),
    DemoAanbod(
        "Schrijfatelier",
        "Je schrijft verhalen, gedichten of brieven en leest ze voor in de groep, als je dat "
        "wil. Schrijven helpt om je gedachten te ordenen.",
        L.CULTUUR, "DRA", GROEP, "cultuur", 0.4, fpc=0.5,
        duur_weken=10, nederlandsniveau="A2",
        lokalen=("bib", "klas"), groepsgrootte=8, ritme="atelier",
    ),
    DemoAanbod(
        "Filmclub",
        "Samen naar een film kijken en erover praten. De films komen uit verschillende landen, "
        "met ondertitels.",
        L.CULTUUR, "DRA", GROEP, "cultuur", 0.5, fpc=0.8, klein=0.3,
        talen=("nl", "fr", "en"),
        fr=V("Ciné-club",
             "Regarder un film ensemble et en discuter. Des films de différents pays, sous-titrés."),
        en=V("Film club",
             "Watching a film together and talking about it. Films from different countries, "
             "with subtitles."),
        lokalen=("polyvalent",), groepsgrootte=20, ritme="atelier",
    ),
    # --- gezondheid, juridisch ------------------------------------------------------------
    DemoAanbod(
        "Rookstop",
        "Wil je stoppen met roken? In de groep krijg je uitleg, tips en steun van een "
        "tabakoloog, en hulp bij nicotinevervangers.",
        L.GEZONDHEID, "GEZOND-LEVEN", GROEP, "gezondheidspromotie", 0.5, fpc=0.7, klein=0.3,
        duur_weken=8,
        fr=V("Arrêter de fumer",
             "Vous voulez arrêter de fumer ? En groupe, un tabacologue vous donne des "
             "explications, des conseils et du soutien, et vous aide avec les substituts."),
        en=V("Stop smoking",
             "Want to quit smoking? In the group a tobacco specialist gives you information, "
             "tips and support, and help with nicotine replacement."),
        lokalen=("klas", "polyvalent"), groepsgrootte=10, ritme="groep",
    ),
    DemoAanbod(
        "Eerstelijns juridisch advies",
        "Een advocaat beantwoordt gratis je juridische vragen, bijvoorbeeld over je "
        "strafuitvoering, schulden, verblijfsrecht of familierecht.",
        L.JURIDISCH, "CJB", INDIVIDUEEL, "juridisch-advies", 0.6, fpc=0.6, klein=0.5,
        talen=("nl", "fr", "en"),
        fr=V("Aide juridique de première ligne",
             "Un avocat répond gratuitement à vos questions juridiques, par exemple sur "
             "l'exécution de votre peine, vos dettes, le droit de séjour ou le droit familial."),
        en=V("Free legal advice",
             "A lawyer answers your legal questions for free, for example about serving your "
             "sentence, debts, residence rights or family law."),
    ),
)  # fmt: skip
