"""Built-in template: a design sprint in five steps, one section per plan unit."""

from luukku.programmes.builtin_templates.coaching import bilingual_section

NAME = {"en": "Design sprint", "fi": "Muotoilusprintti"}
DESCRIPTION = {
    "en": "Understand, sketch, decide, prototype and test a solution with real users.",
    "fi": "Ymmärrä, luonnostele, päätä, prototypoi ja testaa ratkaisu oikeilla käyttäjillä.",
}

SECTIONS = [
    bilingual_section(
        ("Understand", "Ymmärrä"),
        (
            "Learn about the challenge and the people it affects.",
            "Perehdy haasteeseen ja ihmisiin, joita se koskee.",
        ),
        [
            (
                ("Understanding the challenge", "Haasteen ymmärtäminen"),
                (
                    "Start by listening. Interview a few people who live with the problem "
                    "and write down what surprised you.",
                    "Aloita kuuntelemalla. Haastattele muutamaa ihmistä, joita ongelma "
                    "koskettaa, ja kirjoita ylös, mikä yllätti sinut.",
                ),
            )
        ],
        (
            ("Write a challenge question", "Kirjoita haastekysymys"),
            (
                "Write the challenge as a question that starts with 'How might we'.",
                "Kirjoita haaste kysymykseksi, joka alkaa sanoilla 'Miten voisimme'.",
            ),
        ),
    ),
    bilingual_section(
        ("Sketch", "Luonnostele"),
        (
            "Come up with many possible solutions.",
            "Keksi monta mahdollista ratkaisua.",
        ),
        [
            (
                ("Sketching solutions", "Ratkaisujen luonnostelu"),
                (
                    "Quantity first: sketch quickly, alone, on paper. Nobody needs to draw "
                    "well; a clear idea is enough.",
                    "Ensin määrä: luonnostele nopeasti, yksin, paperille. Kenenkään ei "
                    "tarvitse piirtää hyvin; selkeä idea riittää.",
                ),
            )
        ],
        (
            ("Share three sketches", "Jaa kolme luonnosta"),
            (
                "Sketch three different solutions and share a photo of each.",
                "Luonnostele kolme erilaista ratkaisua ja jaa niistä kuvat.",
            ),
        ),
    ),
    bilingual_section(
        ("Decide", "Päätä"),
        (
            "Choose the solution to prototype.",
            "Valitse ratkaisu, josta tehdään prototyyppi.",
        ),
        [
            (
                ("Making a decision", "Päätöksen tekeminen"),
                (
                    "Review the sketches together, vote for the strongest ideas and let the "
                    "decision maker choose one to take forward.",
                    "Käykää luonnokset läpi yhdessä, äänestäkää vahvimpia ideoita ja "
                    "antakaa päättäjän valita yksi vietäväksi eteenpäin.",
                ),
            )
        ],
        (
            ("Vote for the best ideas", "Äänestä parhaita ideoita"),
            (
                "Vote for the ideas you believe in most and explain your choice.",
                "Äänestä ideoita, joihin uskot eniten, ja perustele valintasi.",
            ),
        ),
    ),
    bilingual_section(
        ("Prototype", "Prototypoi"),
        (
            "Build a realistic-looking prototype quickly.",
            "Rakenna nopeasti todentuntuinen prototyyppi.",
        ),
        [
            (
                ("Building a prototype", "Prototyypin rakentaminen"),
                (
                    "A prototype only needs to look real enough for people to react to it: "
                    "a paper form, a slide show or a role play can do.",
                    "Prototyypin tarvitsee näyttää vain niin todelta, että ihmiset voivat "
                    "reagoida siihen: paperilomake, diaesitys tai roolileikki riittää.",
                ),
            )
        ],
        (
            ("Build the prototype", "Rakenna prototyyppi"),
            (
                "Build the prototype and plan five test sessions.",
                "Rakenna prototyyppi ja suunnittele viisi testikertaa.",
            ),
        ),
    ),
    bilingual_section(
        ("Test", "Testaa"),
        (
            "Test the prototype with real users and collect feedback.",
            "Testaa prototyyppiä oikeilla käyttäjillä ja kerää palautetta.",
        ),
        [
            (
                ("Testing with users", "Testaus käyttäjien kanssa"),
                (
                    "Watch five people use the prototype. Ask them to think aloud, and note "
                    "patterns: what worked, what confused them.",
                    "Seuraa, kun viisi ihmistä käyttää prototyyppiä. Pyydä heitä "
                    "ajattelemaan ääneen ja kirjaa toistuvat havainnot: mikä toimi, mikä "
                    "hämmensi.",
                ),
            )
        ],
        (
            ("Summarise the feedback", "Tiivistä palaute"),
            (
                "Summarise what you learned from the tests and decide the next step.",
                "Tiivistä, mitä opit testeistä, ja päätä seuraava askel.",
            ),
        ),
    ),
]
