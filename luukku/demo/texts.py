"""The demo's words: names of people and the discussions they have, in Finnish and English.

Plain data, so the builder stays about structure and the simulation about numbers.
"""

from dataclasses import dataclass

ORGANISATION_NAME = "Pohjolan Valmennuskeskus (demo)"
ORGANISATION_SLUG = "demo"
EMAIL_DOMAIN = "demo.luukku.fi"
PROGRAMME_NAME = "Kasvun polku: 10 viikon verkkovalmennus"
PROGRAMME_DESCRIPTION = (
    "Demo-ohjelma: kymmenen viikkoa tavoitteista jatkosuunnitelmaan. "
    "A demo programme: ten weeks from goals to next steps."
)

ADMIN = ("Helena Koivisto", "fi")
COACHES = [("Marja Lehtonen", "fi"), ("Johan Lindqvist", "sv"), ("Sarah Mitchell", "en")]

# (first names, surnames, language); most participants are Finnish speakers, some Swedish
# speakers and a few English speakers, as in a Finnish organisation's programme.
FINNISH_FIRST = [
    "Aino", "Eero", "Helmi", "Onni", "Elias", "Ella", "Emma", "Venla", "Aada", "Sofia",
    "Leo", "Väinö", "Eino", "Lauri", "Juho", "Mikko", "Sanna", "Riikka", "Tuomas", "Katri",
    "Jussi", "Päivi", "Heikki", "Anne", "Satu", "Minna", "Petri", "Marjut", "Ilona", "Kalle",
    "Noora", "Ville", "Tiina", "Antti", "Hanna", "Joonas", "Kaisa", "Otto", "Iida", "Sami",
]  # fmt: skip
FINNISH_SURNAMES = [
    "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
    "Heikkinen", "Koskinen", "Järvinen", "Lehtinen", "Saarinen", "Salminen", "Heinonen",
    "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen",
    "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen",
    "Kettunen", "Leinonen", "Hiltunen", "Miettinen", "Kokkonen", "Peltonen",
]  # fmt: skip
SWEDISH_FIRST = [
    "Linnea", "Elsa", "Axel", "Oskar", "Ebba", "Hugo", "Wilma", "Nils", "Alva", "Ida",
    "Fredrik", "Stina",
]  # fmt: skip
SWEDISH_SURNAMES = [
    "Nyström", "Lindholm", "Holmström", "Sjöberg", "Eriksson", "Grönroos", "Andersson",
    "Lindberg", "Forsman", "Åström",
]  # fmt: skip
ENGLISH_FIRST = ["Emily", "James", "Olivia", "Daniel", "Grace", "Thomas", "Chloe", "Ryan"]
ENGLISH_SURNAMES = ["Smith", "Brown", "Taylor", "Wilson", "Murphy", "Walker", "Evans"]

NAME_POOLS = [
    # (weight, first names, surnames, language)
    (0.78, FINNISH_FIRST, FINNISH_SURNAMES, "fi"),
    (0.14, SWEDISH_FIRST, SWEDISH_SURNAMES, "sv"),
    (0.08, ENGLISH_FIRST, ENGLISH_SURNAMES, "en"),
]

ASCII_LETTERS = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def email_local_part(display_name: str) -> str:
    """'Väinö Mäkelä' -> 'vaino.makela' (addresses stay ASCII)."""
    plain = display_name.lower().translate(ASCII_LETTERS)
    return ".".join("".join(ch for ch in part if ch.isalnum()) for part in plain.split())


@dataclass(frozen=True)
class ThreadText:
    """A discussion opened in `week` (0-based) by a participant or a coach, with replies.

    Replies marked True are written by a coach, the others by participants.
    """

    week: int
    language: str
    by_coach: bool
    title: str
    body: str
    replies: list[tuple[bool, str]]


THREADS = [
    ThreadText(
        0,
        "fi",
        True,
        "Esittäytymiskierros",
        "Tervetuloa valmennukseen! Kerro lyhyesti, kuka olet ja mitä toivot näiltä viikoilta.",
        [
            (
                False,
                "Hei kaikki! Olen töissä kunnan asiakaspalvelussa ja haluan oppia "
                "johtamaan omaa aikaani paremmin.",
            ),
            (False, "Moikka! Vaihdoin juuri alaa ja toivon löytäväni täältä vertaistukea."),
            (False, "Hei! Minulle tärkeintä on saada rutiini, jolla jaksan arjessa."),
            (True, "Kiitos esittäytymisistä! Palataan näihin toiveisiin viikolla viisi."),
            (False, "Terveisiä Oulusta. Odotan erityisesti viikoittaisia tehtäviä."),
        ],
    ),
    ThreadText(
        0,
        "en",
        True,
        "Introductions in English",
        "Welcome! If you prefer English, introduce yourself here: who you are and one thing "
        "you hope to get out of the programme.",
        [
            (False, "Hi all, I moved to Finland last year and work in a small design agency."),
            (False, "Hello! I'd like to get better at setting boundaries at work."),
            (True, "Great to have you here. Feel free to write in either language."),
        ],
    ),
    ThreadText(
        1,
        "fi",
        False,
        "Miten teet tavoitteesta tarpeeksi pienen?",
        "Kirjoitin tavoitteen, mutta se tuntuu liian isolta aloittaa. Miten te pilkoitte omanne?",
        [
            (False, "Minä kysyin itseltäni, mitä voisin tehdä jo huomenna 15 minuutissa."),
            (
                True,
                "Hyvä kysymys! Kokeile kirjoittaa ensimmäinen askel niin, että sen voi "
                "tehdä yhdellä istumalla.",
            ),
            (False, "Tämä auttoi, kiitos. Jaoin omani kolmeen osaan."),
            (False, "Samaa mietin, hyvä ketju."),
        ],
    ),
    ThreadText(
        2,
        "en",
        False,
        "Tracking habits: paper or app?",
        "Does anyone track their new habit on paper? I keep forgetting to open the app.",
        [
            (False, "Paper calendar on the fridge works for me. Very visible."),
            (
                True,
                "Whatever you look at every day is the right tool. Try pairing it with "
                "something you already do, like morning coffee.",
            ),
            (False, "I set a reminder right after lunch, that helped."),
        ],
    ),
    ThreadText(
        3,
        "fi",
        True,
        "Viikon 4 tehtävä: mikä vei energiaa?",
        "Kirjatkaa tähän yksi asia, joka vei tällä viikolla energiaa, ja yksi joka antoi sitä.",
        [
            (False, "Vei: iltaisin venyvät palaverit. Antoi: lounaskävely kollegan kanssa."),
            (False, "Vei: sähköpostien jatkuva tarkistelu. Antoi: aamun hiljainen tunti."),
            (True, "Hienoja havaintoja. Huomaatteko, että monessa toistuu keskeytykset?"),
            (False, "Antoi: sain vihdoin aloitettua kurssin, jota olin lykännyt."),
        ],
    ),
    ThreadText(
        4,
        "fi",
        False,
        "Motivaatio hiipuu, vinkkejä?",
        "Alku oli innostavaa, mutta nyt on vaikea löytää aikaa tehtäville. Onko muilla samaa?",
        [
            (False, "Sama täällä. Olen alkanut tehdä tehtävät sunnuntai-iltana."),
            (
                True,
                "Tämä on tavallista puolivälissä. Riittää, että teet tällä viikolla "
                "yhden pienen asian. Kiitos, että kirjoitit tästä!",
            ),
            (False, "Auttaa, kun lukee muiden kokemuksia täältä."),
        ],
    ),
    ThreadText(
        5,
        "en",
        True,
        "Midway check-in",
        "We are halfway. What has worked for you so far, and what would you change?",
        [
            (False, "The weekly rhythm works. I'd like shorter reading material."),
            (False, "The discussions have been the most useful part for me."),
            (True, "Thanks, noted: next weeks have shorter texts and one video each."),
        ],
    ),
    ThreadText(
        6,
        "fi",
        False,
        "Palautteen pyytäminen esihenkilöltä",
        "Miten olette pyytäneet palautetta? Minua jännittää ottaa asia puheeksi.",
        [
            (
                True,
                "Voit aloittaa pyytämällä palautetta yhdestä rajatusta asiasta, esimerkiksi "
                "viime viikon esityksestä.",
            ),
            (False, "Minä lähetin ensin viestin ja kysyin, sopiiko jutella perjantaina."),
        ],
    ),
    ThreadText(
        7,
        "fi",
        True,
        "Mitä jatkossa?",
        "Viimeiset viikot lähestyvät. Mikä on yksi asia, jota jatkat valmennuksen jälkeen?",
        [
            (False, "Jatkan aamun hiljaista tuntia, se on ollut paras muutos."),
            (False, "Viikoittainen suunnittelu perjantaisin."),
        ],
    ),
    ThreadText(
        8,
        "en",
        False,
        "Book recommendations?",
        "Any books on habits or time management you'd recommend after the programme?",
        [
            (False, "I liked a short one on deep work, happy to share notes."),
            (True, "I'll add a reading list to the last week's page."),
        ],
    ),
]

REMINDER_TITLE = "Muistutus: viikon {week} materiaali odottaa sinua"
