"""The built-in template library: reminder, motivation, new content and deadline, in fi/sv/en.

Kept as data rather than gettext strings: a coach picks the language of the message,
which need not be the language of the page they compose it on. An organisation edits its
own copy (MessageTemplate); these texts are what it starts from.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryText:
    subject: str
    body: str


LIBRARY: dict[str, dict[str, LibraryText]] = {
    "reminder": {
        "fi": LibraryText(
            "{{ first_name }}, {{ programme }} odottaa sinua",
            "Hei {{ first_name }},\n\nedellisestä käynnistäsi ohjelmassa {{ programme }} on "
            "kulunut {{ days_since_last_visit }} päivää. Jatka siitä, mihin jäit:\n"
            "{{ continue_link }}\n\nTervetuloa takaisin!",
        ),
        "sv": LibraryText(
            "{{ first_name }}, {{ programme }} väntar på dig",
            "Hej {{ first_name }},\n\ndet har gått {{ days_since_last_visit }} dagar sedan ditt "
            "senaste besök i {{ programme }}. Fortsätt där du slutade:\n{{ continue_link }}\n\n"
            "Välkommen tillbaka!",
        ),
        "en": LibraryText(
            "{{ first_name }}, {{ programme }} is waiting for you",
            "Hi {{ first_name }},\n\nit has been {{ days_since_last_visit }} days since your last "
            "visit to {{ programme }}. Continue where you left off:\n{{ continue_link }}\n\n"
            "Welcome back!",
        ),
    },
    "motivation": {
        "fi": LibraryText(
            "Hyvää työtä, {{ first_name }}!",
            "Hei {{ first_name }},\n\njokainen pieni askel ohjelmassa {{ programme }} vie "
            "eteenpäin. Varaa tälle viikolle vartti itsellesi:\n{{ continue_link }}",
        ),
        "sv": LibraryText(
            "Bra jobbat, {{ first_name }}!",
            "Hej {{ first_name }},\n\nvarje litet steg i {{ programme }} för dig framåt. "
            "Reservera en kvart för dig själv den här veckan:\n{{ continue_link }}",
        ),
        "en": LibraryText(
            "Good work, {{ first_name }}!",
            "Hi {{ first_name }},\n\nevery small step in {{ programme }} takes you forward. "
            "Set aside fifteen minutes for yourself this week:\n{{ continue_link }}",
        ),
    },
    "new_content": {
        "fi": LibraryText(
            "Uutta sisältöä: {{ programme }}",
            "Hei {{ first_name }},\n\nohjelmaan {{ programme }} on avautunut uutta "
            "sisältöä. Tutustu siihen täällä:\n{{ section_link }}",
        ),
        "sv": LibraryText(
            "Nytt innehåll: {{ programme }}",
            "Hej {{ first_name }},\n\nnytt innehåll har öppnats i {{ programme }}. "
            "Ta en titt här:\n{{ section_link }}",
        ),
        "en": LibraryText(
            "New in {{ programme }}",
            "Hi {{ first_name }},\n\nnew content has opened in {{ programme }}. "
            "Have a look here:\n{{ section_link }}",
        ),
    },
    "deadline": {
        "fi": LibraryText(
            "Muistutus: määräaika lähestyy",
            "Hei {{ first_name }},\n\nohjelman {{ programme }} tehtävän määräaika lähestyy. "
            "Ehdit vielä hyvin:\n{{ section_link }}",
        ),
        "sv": LibraryText(
            "Påminnelse: tidsfristen närmar sig",
            "Hej {{ first_name }},\n\ntidsfristen för en uppgift i {{ programme }} närmar sig. "
            "Du hinner ännu:\n{{ section_link }}",
        ),
        "en": LibraryText(
            "Reminder: a deadline is coming up",
            "Hi {{ first_name }},\n\na task in {{ programme }} is due soon. "
            "There is still time:\n{{ section_link }}",
        ),
    },
}
