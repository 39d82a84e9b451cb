"""Built-in template: a 10-week online coaching programme, one section a week."""

from typing import Any

NAME = {"en": "10-week online coaching programme", "fi": "10 viikon verkkovalmennus"}
DESCRIPTION = {
    "en": "Ten weekly steps from setting goals to planning what comes next.",
    "fi": "Kymmenen viikoittaista askelta tavoitteiden asettamisesta jatkosuunnitelmaan.",
}


def bilingual_section(
    title: tuple[str, str],
    summary: tuple[str, str],
    pages: list[tuple[tuple[str, str], tuple[str, str]]],
    task: tuple[tuple[str, str], tuple[str, str]],
) -> dict[str, Any]:
    """One week: (English, Finnish) pairs for every text."""

    def both(pair: tuple[str, str]) -> dict[str, str]:
        return {"en": pair[0], "fi": pair[1]}

    return {
        "title": both(title),
        "summary": both(summary),
        "pages": [{"title": both(page[0]), "body": both(page[1])} for page in pages],
        "task": {"title": both(task[0]), "description": both(task[1]), "due_after_days": 6},
    }


SECTIONS = [
    bilingual_section(
        ("Kick-off and goals", "Aloitus ja tavoitteet"),
        (
            "Get to know the programme and each other, and write down what you want to achieve.",
            "Tutustu valmennukseen ja toisiisi ja kirjoita ylös, mitä haluat saavuttaa.",
        ),
        [
            (
                ("Welcome to the programme", "Tervetuloa valmennukseen"),
                (
                    "Over the next ten weeks we work step by step towards your own goals. "
                    "Each week opens a new section with material and a small task.\n\n"
                    "Read the material at your own pace and share your thoughts in the "
                    "discussions. Your coach follows the programme and answers your questions.",
                    "Seuraavien kymmenen viikon aikana etenemme askel kerrallaan kohti omia "
                    "tavoitteitasi. Joka viikko avautuu uusi osio, jossa on materiaalia ja "
                    "pieni tehtävä.\n\n"
                    "Lue materiaali omaan tahtiisi ja jaa ajatuksiasi keskusteluissa. "
                    "Valmentajasi seuraa valmennusta ja vastaa kysymyksiisi.",
                ),
            ),
            (
                ("Setting good goals", "Hyvän tavoitteen asettaminen"),
                (
                    "A good goal is concrete, meaningful to you and small enough to start "
                    "on this week. Write it so that you will know when you have reached it.",
                    "Hyvä tavoite on konkreettinen, sinulle merkityksellinen ja niin pieni, "
                    "että sen voi aloittaa jo tällä viikolla. Kirjoita se niin, että tiedät, "
                    "milloin olet saavuttanut sen.",
                ),
            ),
        ],
        (
            ("Write down your goals", "Kirjoita tavoitteesi"),
            (
                "Write one to three goals for the programme and share one of them in the "
                "discussion.",
                "Kirjoita yhdestä kolmeen tavoitetta valmennukselle ja jaa yksi niistä "
                "keskustelussa.",
            ),
        ),
    ),
    bilingual_section(
        ("Your strengths", "Omat vahvuudet"),
        (
            "Recognise what you are already good at.",
            "Tunnista, missä olet jo hyvä.",
        ),
        [
            (
                ("Finding your strengths", "Vahvuuksien löytäminen"),
                (
                    "Strengths are things that give you energy and that others ask your help "
                    "with. Think of a recent moment when something went well: what did you do?",
                    "Vahvuudet ovat asioita, jotka antavat sinulle energiaa ja joissa muut "
                    "pyytävät apuasi. Mieti hetkeä, jolloin jokin onnistui hyvin: mitä teit?",
                ),
            )
        ],
        (
            ("List three strengths", "Listaa kolme vahvuutta"),
            (
                "List three of your strengths and an example of each.",
                "Listaa kolme vahvuuttasi ja esimerkki kustakin.",
            ),
        ),
    ),
    bilingual_section(
        ("Where are you now", "Missä olet nyt"),
        (
            "Map your current situation honestly.",
            "Kartoita nykytilanteesi rehellisesti.",
        ),
        [
            (
                ("Mapping your situation", "Tilanteen kartoitus"),
                (
                    "Look at your work, learning, health and relationships. What is going "
                    "well, and what would you like to change?",
                    "Katso työtäsi, oppimistasi, terveyttäsi ja ihmissuhteitasi. Mikä sujuu "
                    "hyvin, ja mitä haluaisit muuttaa?",
                ),
            )
        ],
        (
            ("Draw your situation map", "Piirrä tilannekarttasi"),
            (
                "Make a short map of your situation and mark one thing you want to change.",
                "Tee lyhyt kartta tilanteestasi ja merkitse yksi asia, jonka haluat muuttaa.",
            ),
        ),
    ),
    bilingual_section(
        ("Small steps and habits", "Pienet askeleet ja tavat"),
        (
            "Turn goals into small daily actions.",
            "Muuta tavoitteet pieniksi päivittäisiksi teoiksi.",
        ),
        [
            (
                ("How habits form", "Miten tavat syntyvät"),
                (
                    "New habits stick when they are small, tied to something you already "
                    "do and repeated often. Start with two minutes a day.",
                    "Uudet tavat jäävät elämään, kun ne ovat pieniä, liittyvät johonkin, "
                    "mitä jo teet, ja toistuvat usein. Aloita kahdella minuutilla päivässä.",
                ),
            )
        ],
        (
            ("Choose one small habit", "Valitse yksi pieni tapa"),
            (
                "Choose one small habit that supports your goal and try it every day.",
                "Valitse yksi tavoitettasi tukeva pieni tapa ja kokeile sitä joka päivä.",
            ),
        ),
    ),
    bilingual_section(
        ("Networks and support", "Verkostot ja tuki"),
        (
            "Find the people who can help you forward.",
            "Löydä ihmiset, jotka voivat auttaa sinua eteenpäin.",
        ),
        [
            (
                ("Your support network", "Tukiverkostosi"),
                (
                    "Friends, colleagues, former teachers and services can all help. "
                    "Asking for help is a skill that gets easier with practice.",
                    "Ystävät, kollegat, entiset opettajat ja palvelut voivat kaikki auttaa. "
                    "Avun pyytäminen on taito, joka helpottuu harjoitellessa.",
                ),
            )
        ],
        (
            ("Contact one person", "Ota yhteyttä yhteen ihmiseen"),
            (
                "Contact one person from your network and tell the group how it went.",
                "Ota yhteyttä yhteen verkostosi ihmiseen ja kerro ryhmälle, miten kävi.",
            ),
        ),
    ),
    bilingual_section(
        ("Mid-point review", "Puolivälin katsaus"),
        (
            "Look back at the first half and adjust your goals.",
            "Katso taaksepäin ensimmäiseen puoliskoon ja tarkenna tavoitteitasi.",
        ),
        [
            (
                ("Looking back", "Katse taaksepäin"),
                (
                    "Half of the programme is behind you. What has changed since the first "
                    "week? Goals may change too: that is progress, not failure.",
                    "Puolet valmennuksesta on takana. Mikä on muuttunut ensimmäisen viikon "
                    "jälkeen? Tavoitteetkin saavat muuttua: se on edistystä, ei epäonnistumista.",
                ),
            )
        ],
        (
            ("Update your goals", "Päivitä tavoitteesi"),
            (
                "Read your goals from week one and update them if needed.",
                "Lue ensimmäisen viikon tavoitteesi ja päivitä niitä tarvittaessa.",
            ),
        ),
    ),
    bilingual_section(
        ("Skills and learning", "Osaaminen ja oppiminen"),
        (
            "Plan how to learn what your goal needs.",
            "Suunnittele, miten opit sen, mitä tavoitteesi vaatii.",
        ),
        [
            (
                ("Ways to learn", "Tapoja oppia"),
                (
                    "Courses are one way; so are trying, asking, following someone at work "
                    "and teaching others. Choose what suits your life now.",
                    "Kurssit ovat yksi tapa; niin ovat myös kokeileminen, kysyminen, toisen "
                    "työn seuraaminen ja muiden opettaminen. Valitse, mikä sopii elämääsi nyt.",
                ),
            )
        ],
        (
            ("Make a learning plan", "Tee oppimissuunnitelma"),
            (
                "Write which skill you will learn next and how.",
                "Kirjoita, minkä taidon opettelet seuraavaksi ja miten.",
            ),
        ),
    ),
    bilingual_section(
        ("Trying things out", "Kokeilut"),
        (
            "Test an idea in practice with a small experiment.",
            "Testaa ideaa käytännössä pienellä kokeilulla.",
        ),
        [
            (
                ("Small experiments", "Pienet kokeilut"),
                (
                    "An experiment is a safe way to learn: decide what you try, for how long "
                    "and how you will know whether it worked.",
                    "Kokeilu on turvallinen tapa oppia: päätä, mitä kokeilet, kuinka kauan "
                    "ja mistä tiedät, toimiko se.",
                ),
            )
        ],
        (
            ("Run one experiment", "Tee yksi kokeilu"),
            (
                "Run one small experiment this week and share what you learned.",
                "Tee tällä viikolla yksi pieni kokeilu ja jaa, mitä opit.",
            ),
        ),
    ),
    bilingual_section(
        ("Overcoming obstacles", "Esteiden ylittäminen"),
        (
            "Prepare for setbacks before they come.",
            "Varaudu takaiskuihin ennen kuin ne tulevat.",
        ),
        [
            (
                ("When things get hard", "Kun on vaikeaa"),
                (
                    "Everyone meets obstacles. Plan in advance: if this happens, then I will "
                    "do that. A ready plan makes it easier to continue.",
                    "Jokainen kohtaa esteitä. Suunnittele etukäteen: jos näin käy, teen näin. "
                    "Valmis suunnitelma helpottaa jatkamista.",
                ),
            )
        ],
        (
            ("Write an if-then plan", "Kirjoita varasuunnitelma"),
            (
                "Name your biggest obstacle and write an if-then plan for it.",
                "Nimeä suurin esteesi ja kirjoita sille varasuunnitelma: jos näin käy, teen näin.",
            ),
        ),
    ),
    bilingual_section(
        ("Wrap-up and next steps", "Päätös ja seuraavat askeleet"),
        (
            "Celebrate what you achieved and plan what comes next.",
            "Juhlista saavutuksiasi ja suunnittele, mitä seuraavaksi.",
        ),
        [
            (
                ("Looking ahead", "Katse eteenpäin"),
                (
                    "Compare where you are now with where you started. Write down the next "
                    "three steps you will take after the programme.",
                    "Vertaa nykytilannettasi lähtötilanteeseen. Kirjoita ylös kolme "
                    "seuraavaa askelta, jotka otat valmennuksen jälkeen.",
                ),
            ),
            (
                ("Thank you", "Kiitos"),
                (
                    "Thank you for taking part. Your feedback helps us improve the programme.",
                    "Kiitos osallistumisestasi. Palautteesi auttaa meitä kehittämään valmennusta.",
                ),
            ),
        ],
        (
            ("Plan your next three steps", "Suunnittele kolme seuraavaa askelta"),
            (
                "Write your next three steps and share your most important lesson.",
                "Kirjoita kolme seuraavaa askeltasi ja jaa tärkein oppisi.",
            ),
        ),
    ),
]
