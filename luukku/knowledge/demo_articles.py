"""Demo articles of a university's student services and a municipal employment service.

(category key, language, title, question variants, answer). The evaluation questions in
`evaluation/questions.json` name their expected articles by title.
"""

CATEGORIES = {
    "studies": {"fi": "Opinnot", "sv": "Studier", "en": "Studies"},
    "money": {"fi": "Raha-asiat", "sv": "Ekonomi", "en": "Money"},
    "it": {"fi": "Tietotekniikka", "sv": "IT", "en": "IT services"},
    "work": {"fi": "Työ ja harjoittelu", "sv": "Arbete och praktik", "en": "Work and internships"},
}

ARTICLES: list[tuple[str, str, str, str, str]] = [
    ("money", "fi", "Opintotuen hakeminen",
     "Miten haen opintotukea?\nMistä saan opintorahaa?\nKela opintotuki hakemus",
     "Opintotukea haetaan Kelasta verkossa OmaKelassa. Korkeakoulu ilmoittaa Kelalle, että olet "
     "läsnä oleva opiskelija. Tukea voi hakea aikaisintaan opintojen alkamiskuukaudelta. "
     "Opintotukeen kuuluvat opintoraha, asumislisä ja valtiontakaus opintolainalle. Muista "
     "seurata opintojen edistymistä: Kela tarkistaa, että suoritat riittävästi opintopisteitä."),
    ("studies", "fi", "Ilmoittautuminen lukuvuodelle",
     "Miten ilmoittaudun läsnäolevaksi?\nIlmoittautuminen poissaolevaksi\nMilloin pitää "
         "ilmoittautua syksyllä?",
     "Jokaisen opiskelijan on ilmoittauduttava joka lukuvuodeksi joko läsnä- tai poissaolevaksi "
     "opiskelijarekisteriin. Ilmoittautuminen tehdään Peppi-portaalissa toukokuun alusta "
     "elokuun loppuun. Jos et ilmoittaudu, menetät opiskeluoikeutesi ja joudut hakemaan sitä "
     "takaisin. Poissaolevana et voi suorittaa opintoja eikä saada opintotukea."),
    ("it", "fi", "Unohtunut salasana",
     "Unohdin salasanani\nEn pääse kirjautumaan\nSalasanan vaihtaminen",
     "Voit vaihtaa unohtuneen salasanan itse salasanapalvelussa tunnistautumalla "
     "pankkitunnuksilla tai mobiilivarmenteella. Uusi salasana toimii kaikissa korkeakoulun "
     "palveluissa (sähköposti, Moodle, Peppi) noin 15 minuutin kuluessa. Jos tunnus on "
     "lukittu, ota yhteyttä IT-palveluihin."),
    ("studies", "fi", "Tutkintotodistuksen tilaaminen",
     "Miten saan tutkintotodistuksen?\nValmistuminen ja todistus\nMilloin todistus tulee "
         "valmistumisen jälkeen?",
     "Kun kaikki tutkintoon kuuluvat opinnot on arvioitu, tee valmistumisilmoitus Pepissä. "
     "Opintopalvelut tarkistaa opintosi ja tekee tutkintotodistuksen noin kahden viikon "
     "kuluessa. Todistus lähetetään kotiin tai sen voi noutaa opintotoimistosta. Todistuksen "
     "liitteenä on opintosuoritusote ja englanninkielinen Diploma Supplement."),
    ("studies", "fi", "Opintosuoritusote",
     "Mistä saan opintorekisteriotteen?\nTarvitsen todistuksen suorituksista\nVirallinen ote "
         "opinnoista",
     "Opintosuoritusotteen voit tulostaa itse Pepistä. Se näyttää kaikki arvioidut opintojaksot "
     "arvosanoineen ja opintopisteineen. Sähköisesti allekirjoitetun otteen saat englanniksi "
     "tai suomeksi esimerkiksi työnhakua tai jatko-opintoja varten."),
    ("studies", "fi", "Aiemmin hankitun osaamisen tunnustaminen",
     "Voiko aiempia opintoja hyväksilukea?\nAHOT-hakemus\nOlen opiskellut toisessa korkeakoulussa",
     "Aiemmin suoritetut opinnot tai työssä hankittu osaaminen voidaan tunnustaa osaksi "
     "tutkintoasi (AHOT, hyväksiluku). Tee hakemus Pepissä ja liitä mukaan todistus tai "
     "opintosuoritusote. Opettaja arvioi vastaako osaaminen opintojakson tavoitteita. "
     "Päätös tehdään yleensä kuukauden kuluessa."),
    ("work", "fi", "Harjoittelupaikan hakeminen",
     "Mistä löydän harjoittelupaikan?\nHarjoittelu tutkinnossa\nHarjoittelusopimus",
     "Harjoittelupaikan haet itse: katso ilmoituksia korkeakoulun rekrytointipalvelusta ja "
     "työnantajien sivuilta. Hyväksytä paikka harjoittelun ohjaajalla ennen aloitusta ja tee "
     "harjoittelusopimus. Harjoittelun laajuus on yleensä 30 opintopistettä. Ulkomaan "
     "harjoitteluun voi saada apurahan."),
    ("studies", "fi", "Opinnäytetyön ohjaus",
     "Kuka ohjaa opinnäytetyötäni?\nOpinnäytetyön aiheen hyväksyminen\nMiten aloitan opinnäytteen?"
         ,
     "Opinnäytetyö alkaa aiheen valinnalla ja ideapaperilla, jonka ohjaava opettaja hyväksyy. "
     "Ohjaaja nimetään koulutuksesta, ja ohjausta saat tapaamisissa sekä seminaareissa. "
     "Toimeksiantajan kanssa tehdään sopimus. Valmis työ tarkastetaan plagiaatintunnistuksella."),
    ("studies", "fi", "Tenttiin ilmoittautuminen ja uusintatentti",
     "Miten ilmoittaudun tenttiin?\nHylätty tentti, voinko uusia?\nUusintatentin päivät",
     "Tenttiin ilmoittaudutaan viimeistään viikkoa ennen tenttiä Pepissä. Hylätyn tai "
     "korotettavan tentin voit uusia kaksi kertaa opintojakson päättymisen jälkeen. "
     "Uusintatenttien päivät näet tenttikalenterista. Jos sairastut, peru ilmoittautuminen."),
    ("money", "fi", "Opiskelijakortti ja alennukset",
     "Mistä saan opiskelijakortin?\nOpiskelija-alennus junassa\nOpiskelijahinta ruoasta",
     "Opiskelijakortin saat ylioppilaskunnan jäsenenä esimerkiksi Frank- tai Slice-sovelluksesta. "
     "Kortilla saat opiskelija-alennuksen VR:n junista, HSL:n matkoista ja Kelan tukemista "
     "opiskelijalounaista. Alennukseen tarvitaan voimassa oleva läsnäoloilmoittautuminen."),
    ("money", "fi", "Työttömyysturva ja opiskelu",
     "Menetänkö työttömyysetuuden jos opiskelen?\nVoinko opiskella työttömänä?\nOmaehtoinen "
         "opiskelu",
     "Päätoiminen opiskelu estää yleensä työttömyysetuuden saamisen. Työllisyyspalvelut voi "
     "kuitenkin tukea omaehtoista opiskelua, jos koulutus parantaa työllistymistäsi. Sovi "
     "opiskelusta aina ennen opintojen alkua työllisyyspalvelujen asiantuntijasi kanssa, "
     "muuten etuus voi katketa."),
    ("work", "fi", "Työnhakijaksi ilmoittautuminen",
     "Miten ilmoittaudun työttömäksi työnhakijaksi?\nJäin työttömäksi, mitä teen?\nTyönhaun "
         "aloittaminen",
     "Ilmoittaudu työnhakijaksi verkossa Työmarkkinatorilla viimeistään ensimmäisenä "
     "työttömyyspäivänä. Kun työnhaku on voimassa, voit hakea työttömyysetuutta Kelasta tai "
     "työttömyyskassasta. Saat työllisyyspalveluista asiantuntijan, jonka kanssa laaditte "
     "työllistymissuunnitelman."),
    ("it", "fi", "Langaton verkko eduroam",
     "Miten pääsen wifiin?\nEduroam ei toimi\nKampuksen langaton verkko",
     "Kampuksilla toimii langaton eduroam-verkko. Kirjaudu verkkoon tunnuksella "
     "muodossa tunnus@korkeakoulu.fi ja korkeakoulun salasanalla. Jos yhteys ei toimi, poista "
     "verkko laitteesi asetuksista ja lisää se uudelleen. Vierailijoille on oma verkko."),
    ("studies", "fi", "Opintojen keskeyttäminen",
     "Haluan lopettaa opinnot\nVälivuosi\nOpiskeluoikeuden menettäminen",
     "Jos haluat pitää taukoa, ilmoittaudu poissaolevaksi seuraavaksi lukuvuodeksi. Jos "
     "haluat lopettaa kokonaan, tee eroilmoitus opintopalveluihin. Ennen päätöstä kannattaa "
     "keskustella opinto-ohjaajan kanssa: opintoja voi usein jatkaa kevyemmällä tahdilla."),
    ("money", "sv", "Ansöka om studiestöd",
     "Hur ansöker jag om studiestöd?\nStudiepenning från FPA",
     "Studiestöd söks hos FPA på nätet i MittFPA. Högskolan meddelar FPA att du är "
     "närvarande studerande. Studiestödet består av studiepenning, bostadstillägg och statsborgen "
     "för studielån. FPA följer upp att du avlägger tillräckligt många studiepoäng."),
    ("studies", "sv", "Anmälan till läsåret",
     "Hur anmäler jag mig som närvarande?\nAnmäla sig som frånvarande",
     "Alla studerande ska varje läsår anmäla sig som närvarande eller frånvarande i Peppi "
     "mellan början av maj och slutet av augusti. Den som inte anmäler sig förlorar sin "
     "studierätt. Som frånvarande kan du inte avlägga studier."),
    ("it", "sv", "Glömt lösenord",
     "Jag har glömt mitt lösenord\nByta lösenord",
     "Du kan själv byta ett glömt lösenord i lösenordstjänsten genom att identifiera dig med "
     "bankkoder eller mobilcertifikat. Det nya lösenordet gäller i e-posten, Moodle och Peppi "
     "inom cirka 15 minuter. Är kontot låst, kontakta IT-tjänsterna."),
    ("studies", "sv", "Beställa examensbetyg",
     "Hur får jag mitt examensbetyg?\nUtexaminering",
     "När alla studier i examen har bedömts gör du en anmälan om utexaminering i Peppi. "
     "Studieservicen kontrollerar dina studier och gör betyget inom cirka två veckor. Betyget "
     "skickas hem eller hämtas på studiebyrån. Som bilaga följer ett studieutdrag."),
    ("studies", "sv", "Studieutdrag",
     "Var får jag ett utdrag över mina studier?\nOfficiellt studieregisterutdrag",
     "Ett utdrag över avlagda studier skriver du själv ut i Peppi. Det visar alla bedömda "
     "studieavsnitt med vitsord och studiepoäng. Ett elektroniskt undertecknat utdrag får du på "
     "svenska, finska eller engelska."),
    ("studies", "sv", "Tillgodoräknande av tidigare studier",
     "Kan jag få tidigare studier tillgodoräknade?\nJag har studerat vid en annan högskola",
     "Tidigare studier eller kunnande från arbetslivet kan räknas in i din examen. Ansök i "
     "Peppi och bifoga betyg eller studieutdrag. Läraren bedömer om kunnandet motsvarar målen "
     "för studieavsnittet. Beslutet fattas oftast inom en månad."),
    ("work", "sv", "Praktik",
     "Hur hittar jag en praktikplats?\nPraktikavtal",
     "Praktikplatsen söker du själv via högskolans rekryteringstjänst och arbetsgivarnas "
     "webbplatser. Låt praktikhandledaren godkänna platsen innan du börjar och gör ett "
     "praktikavtal. Praktiken omfattar oftast 30 studiepoäng. För praktik utomlands kan du få "
     "stipendium."),
    ("studies", "sv", "Anmälan till tentamen och omtentamen",
     "Hur anmäler jag mig till en tentamen?\nUnderkänd tentamen",
     "Till tentamen anmäler du dig i Peppi senast en vecka före. En underkänd tentamen eller "
     "ett vitsord du vill höja kan du skriva om två gånger efter att kursen slutat. Datumen "
     "finns i tentamenskalendern."),
    ("money", "sv", "Studentkort och rabatter",
     "Var får jag studentkort?\nStudentrabatt på tåget",
     "Studentkortet får du som medlem i studentkåren, till exempel i appen Frank. Med kortet "
     "får du studentrabatt på VR:s tåg, i kollektivtrafiken och på studentluncher. Rabatten "
     "kräver att du är anmäld som närvarande."),
    ("work", "sv", "Anmäla sig som arbetssökande",
     "Hur anmäler jag mig som arbetslös arbetssökande?\nJag blev arbetslös",
     "Anmäl dig som arbetssökande på nätet på Jobbmarknaden senast den första dagen du är "
     "arbetslös. När jobbsökningen är i kraft kan du söka arbetslöshetsförmån hos FPA eller "
     "arbetslöshetskassan. Sysselsättningstjänsterna ger dig en sakkunnig och en plan."),
    ("it", "sv", "Trådlöst nätverk eduroam",
     "Hur kommer jag ut på wifi?\nEduroam fungerar inte",
     "På campus finns det trådlösa nätverket eduroam. Logga in med användarnamn@hogskolan.fi "
     "och ditt lösenord. Om det inte fungerar, ta bort nätverket från enheten och lägg till det "
     "på nytt."),
    ("money", "en", "Applying for student financial aid",
     "How do I apply for student financial aid?\nKela study grant\nHousing supplement for students"
         ,
     "Student financial aid is applied for from Kela online in OmaKela. The university tells "
     "Kela that you are registered as attending. The aid consists of the study grant, the "
     "housing supplement and a government guarantee for a student loan. Kela checks that you "
     "earn enough credits."),
    ("studies", "en", "Registering for the academic year",
     "How do I register as attending?\nRegister as non-attending",
     "Every student must register as attending or non-attending for each academic year in "
     "Peppi between early May and the end of August. If you do not register, you lose your "
     "right to study. Non-attending students cannot take courses or receive financial aid."),
    ("it", "en", "Forgotten password",
     "I forgot my password\nChange password\nAccount locked",
     "You can reset a forgotten password yourself in the password service by identifying "
     "with online banking codes or a mobile certificate. The new password works in e-mail, "
     "Moodle and Peppi within about 15 minutes. If your account is locked, contact IT services."),
    ("studies", "en", "Ordering your degree certificate",
     "How do I get my degree certificate?\nGraduation",
     "When all studies of your degree have been assessed, submit a graduation application in "
     "Peppi. Study services check your studies and issue the certificate within about two "
     "weeks. It is posted to you or collected from the student office, with a transcript and "
     "a Diploma Supplement attached."),
    ("studies", "en", "Transcript of records",
     "Where do I get a transcript?\nOfficial record of my studies",
     "You can print your transcript of records yourself in Peppi. It lists every assessed "
     "course with grades and credits. An electronically signed transcript is available in "
     "English or Finnish, for example for job applications or further studies."),
    ("studies", "en", "Recognition of prior learning",
     "Can my earlier studies be credited?\nCredit transfer from another university",
     "Studies completed earlier, or competence gained at work, can be recognised as part of "
     "your degree. Apply in Peppi and attach a certificate or transcript. A teacher assesses "
     "whether your competence matches the learning outcomes. Decisions usually take a month."),
    ("work", "en", "Internship",
     "How do I find an internship?\nInternship agreement",
     "You look for an internship placement yourself, through the university's recruitment "
     "service and employers' websites. Have your internship supervisor approve the placement "
     "before you start, and sign an internship agreement. An internship is usually 30 credits. "
     "Grants are available for internships abroad."),
    ("studies", "en", "Exam registration and retakes",
     "How do I sign up for an exam?\nFailed exam",
     "Register for an exam in Peppi at least a week before it. A failed exam, or a grade you "
     "want to improve, can be retaken twice after the course ends. Retake dates are in the "
     "exam calendar. If you fall ill, cancel your registration."),
    ("money", "en", "Student card and discounts",
     "Where do I get a student card?\nStudent discount on trains",
     "You get a student card as a member of the student union, for example in the Frank app. "
     "It gives student discounts on VR trains, public transport and subsidised student "
     "lunches. You must be registered as attending."),
    ("studies", "en", "Extending a residence permit for studies",
     "My residence permit is expiring\nResidence permit for international students",
     "International students from outside the EU need a residence permit for studies. Apply "
     "for an extended permit from the Finnish Immigration Service (Migri) in Enter Finland "
     "before the current permit expires. You need a certificate of attendance and proof of "
     "sufficient funds. Study services issue the certificate."),
    ("it", "en", "Wireless network eduroam",
     "How do I connect to the Wi-Fi?\nEduroam not working",
     "The eduroam wireless network works on every campus. Sign in as username@university.fi "
     "with your university password. If it does not connect, forget the network on your "
     "device and add it again. Visitors have a separate guest network."),
]  # fmt: skip
