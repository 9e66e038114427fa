// The demo company in Finnish: every text of the demo a person reads, by its English original,
// in one place for a translator. Comments customers already wrote in Finnish are not here.
extension DemoWords {
  /// Finnish.
  static let finnish = DemoWords(
    language: .finnish,
    table: [
      // Cycles.
      "Latausverkko Oy 2026 (demo)": "Latausverkko Oy 2026 (esittely)",
      "Latausverkko Oy 2025 (demo)": "Latausverkko Oy 2025 (esittely)",

      // Themes.
      "Communication": "Viestintä",
      "Customer service": "Asiakaspalvelu",
      "Influence": "Vaikutusmahdollisuudet",
      "Reliability": "Luotettavuus",
      "Pricing clarity": "Hinnoittelun selkeys",
      "App & payment": "Sovellus ja maksaminen",
      "Recommendation": "Suositteleminen",

      // Objectives, key results and actions of 2026.
      "Customers understand what we offer and what changes":
        "Asiakkaat ymmärtävät, mitä tarjoamme ja mikä muuttuu",
      "Customer Communication index from 30 to 45": "Asiakkaiden viestintäindeksi 30:stä 45:een",
      "Newsletter open rate": "Uutiskirjeen avausprosentti",
      "Outage notices on every charger page": "Katkoilmoitukset jokaisen laturin sivulle",
      "Monthly customer newsletter": "Kuukausittainen asiakasuutiskirje",
      "Plain-language charging guide on every charger": "Selkokielinen latausohje jokaiseen laturiin",
      "Push notice when a favourite charger goes down": "Ilmoitus sovellukseen, kun suosikkilaturi vikaantuu",
      "Brief staff before every product or price change":
        "Henkilöstö perehdytetään ennen jokaista tuote- tai hintamuutosta",
      "Charging just works": "Lataus yksinkertaisesti toimii",
      "Charger uptime": "Latureiden käytettävyys",
      "Customer App & payment index to 65": "Asiakkaiden sovellus- ja maksamisindeksi 65:een",
      "Failed payment sessions": "Epäonnistuneet maksutapahtumat",
      "E-mail receipts for company cars": "Sähköpostikuitit työsuhdeautoille",
      "New payment provider with Apple Pay and Google Pay":
        "Uusi maksupalvelu, jossa Apple Pay ja Google Pay",
      "App redesign: start charging in two taps":
        "Sovelluksen uudistus: lataus käyntiin kahdella napautuksella",
      "Remote reboot for all DC chargers": "Etäkäynnistys kaikille DC-latureille",
      "Spare-part depots in Tampere and Oulu": "Varaosavarastot Tampereelle ja Ouluun",
      "Predictive maintenance pilot": "Ennakoivan huollon kokeilu",
      "Every contact leaves the customer better off": "Jokaisesta yhteydenotosta on asiakkaalle hyötyä",
      "Customer service index from 57 to 70": "Asiakkaiden asiakaspalveluindeksi 57:stä 70:een",
      "Staff Influence index to 50": "Henkilöstön vaikutusmahdollisuusindeksi 50:een",
      "First-contact resolution": "Ratkaisu ensimmäisellä yhteydenotolla",
      "Phone line open 24/7 in Finnish, Swedish and English":
        "Puhelinpalvelu auki 24/7 suomeksi, ruotsiksi ja englanniksi",
      "Service training for the whole customer service team": "Palvelukoulutus koko asiakaspalvelutiimille",
      "Call-back promise within two hours": "Takaisinsoittolupaus kahdessa tunnissa",
      "Knowledge base for field technicians": "Tietopankki kenttäasentajille",
      "Night-shift phone service pilot": "Yövuoron puhelinpalvelun kokeilu",
      "Account managers for fleet customers": "Asiakkuuspäälliköt kalustoasiakkaille",
      "Grow the network profitably": "Verkko kasvaa kannattavasti",
      "Charging points in operation": "Käytössä olevat latauspisteet",
      "Oulu fast-charging hub open": "Oulun pikalatausasema avattu",
      "Site agreements with two retail chains": "Sijaintisopimukset kahden kauppaketjun kanssa",
      "Grid connections for 12 new sites": "Sähköliittymät 12 uudelle asemalle",
      "State charging infrastructure grant application": "Valtion latausinfratuen hakemus",
      "Depot charging offer for fleets": "Varikkolataustarjous kalustoasiakkaille",
      "Renegotiate the electricity purchase contract": "Sähkön hankintasopimus neuvotellaan uudelleen",

      // Objectives, key results and actions of 2025.
      "No one has to ask what charging costs": "Kenenkään ei tarvitse kysyä, mitä lataus maksaa",
      "Customer Pricing clarity index from 43 to 50":
        "Asiakkaiden hinnoittelun selkeyden indeksi 43:sta 50:een",
      "Price per kWh on every charger display": "Kilowattituntihinta jokaisen laturin näytölle",
      "Charging-card loyalty programme": "Latauskortin kanta-asiakasohjelma",
      "Service that answers, at lower cost": "Palvelu, joka vastaa, pienemmin kustannuksin",
      "Cost per customer contact": "Kustannus asiakasyhteydenottoa kohden",
      "Evening phone line to a subcontractor": "Iltapuhelinpalvelu alihankkijalle",
      "Customer panel of 30 drivers": "30 autoilijan asiakaspaneeli",
      "Chargers people can rely on": "Laturit, joihin voi luottaa",
      "Replace the 40 oldest AC chargers": "40 vanhinta AC-laturia uusitaan",
      "Fault monitoring around the clock": "Vikavalvonta ympäri vuorokauden",
      "Spare-part van for Lapland": "Varaosa-auto Lappiin",
      "Fault status page in Swedish and English": "Vikatilannesivu ruotsiksi ja englanniksi",

      // Units and channels of communication.
      "points": "kpl",
      "the newsletter itself": "uutiskirje itse",
      "app and charger stickers": "sovellus ja laturitarrat",
      "app release notes": "sovelluksen julkaisutiedote",
      "customer e-mail": "asiakassähköposti",
      "charger displays and the website": "laturien näytöt ja verkkosivut",
      "press release": "lehdistötiedote",

      // Owners' check-in notes.
      "Uptime dips in frost; the spare-part depots should help this winter":
        "Käytettävyys notkahtaa pakkasella; varaosavarastojen pitäisi auttaa tänä talvena",
      "New provider helped, but roaming payments still fail too often":
        "Uusi maksupalvelu auttoi, mutta verkkovierailumaksut epäonnistuvat yhä liian usein",
      "Night shift staffed for Finnish only; Swedish and English need hires":
        "Yövuorossa palvellaan vain suomeksi; ruotsiin ja englantiin tarvitaan lisää väkeä",
      "Grid connections are the bottleneck, not the sites":
        "Pullonkaula ovat sähköliittymät, eivät asemapaikat",
      "Oulu depot open; Tampere waits for the lease": "Oulun varasto auki; Tampere odottaa vuokrasopimusta",
      "Blocked: the invoicing system vendor has no API for company cars yet":
        "Estynyt: laskutusjärjestelmän toimittajalla ei vielä ole rajapintaa työsuhdeautoille",
      "120 articles written; technicians use it on the road":
        "120 artikkelia kirjoitettu; asentajat käyttävät sitä tien päällä",
      "Pilot runs three nights a week": "Kokeilu on käynnissä kolmena yönä viikossa",
      "Seven of twelve connections approved by the grid company":
        "Verkkoyhtiö on hyväksynyt seitsemän liittymää kahdestatoista",

      // Survey: segments and their values.
      "customer_type": "asiakastyyppi",
      "region": "alue",
      "team": "tiimi",
      "private": "yksityisasiakas",
      "business": "yritysasiakas",
      "fleet": "kalustoasiakas",

      // Survey: customers' questions (staff answer them too, as the mirror).
      "I understand what Latausverkko offers": "Ymmärrän, mitä Latausverkko tarjoaa",
      "I hear about changes (prices, new sites, outages) in good time":
        "Kuulen muutoksista (hinnat, uudet asemat, katkot) hyvissä ajoin",
      "Their messages are clear and easy to understand": "Viestit ovat selkeitä ja helppoja ymmärtää",
      "I can find information when I need it": "Löydän tietoa, kun tarvitsen sitä",
      "It is easy to reach customer service": "Asiakaspalvelun tavoittaa helposti",
      "My problem was solved on the first contact": "Ongelmani ratkesi ensimmäisellä yhteydenotolla",
      "Customer service is friendly and competent": "Asiakaspalvelu on ystävällistä ja osaavaa",
      "They get back to me when they promise": "Minuun otetaan yhteyttä silloin kuin luvataan",
      "Latausverkko listens to customer feedback": "Latausverkko kuuntelee asiakaspalautetta",
      "Customer feedback leads to visible changes": "Asiakaspalaute johtaa näkyviin muutoksiin",
      "I can influence how the service develops": "Voin vaikuttaa siihen, miten palvelu kehittyy",
      "Chargers work when I arrive": "Laturit toimivat, kun saavun paikalle",
      "Charging speed matches what is promised": "Latausnopeus vastaa luvattua",
      "Faults are fixed quickly": "Viat korjataan nopeasti",
      "I find a free charger when I need one": "Löydän vapaan laturin, kun tarvitsen sellaisen",
      "The price of a charging session is clear before I start":
        "Latauksen hinta on selvä ennen kuin aloitan",
      "The price is fair for what I get": "Hinta on kohtuullinen siihen nähden, mitä saan",
      "My receipt or invoice is easy to understand": "Kuittini tai laskuni on helppo ymmärtää",
      "Starting a charging session with the app is easy": "Latauksen aloittaminen sovelluksella on helppoa",
      "Paying is smooth": "Maksaminen sujuu vaivatta",
      "The app shows charger availability reliably": "Sovellus näyttää latureiden saatavuuden luotettavasti",
      "I can find my past sessions and receipts": "Löydän aiemmat lataukseni ja kuittini",
      "How likely are you to recommend Latausverkko to a friend or colleague?":
        "Kuinka todennäköisesti suosittelisit Latausverkkoa ystävälle tai kollegalle?",
      "Overall I am satisfied with Latausverkko": "Kaiken kaikkiaan olen tyytyväinen Latausverkkoon",
      "I will keep charging with Latausverkko": "Lataan jatkossakin Latausverkon latureilla",

      // Survey: staff's questions about their own work.
      "I hear about changes before customers ask me about them":
        "Kuulen muutoksista ennen kuin asiakkaat kysyvät niistä",
      "I can explain our offer and prices to a customer":
        "Osaan selittää tarjontamme ja hintamme asiakkaalle",
      "Management communicates clearly": "Johto viestii selkeästi",
      "I have the tools to solve customer problems":
        "Minulla on välineet asiakkaiden ongelmien ratkaisemiseen",
      "Management is interested in what happens at the customer interface":
        "Johto on kiinnostunut siitä, mitä asiakasrajapinnassa tapahtuu",
      "I have time to serve customers well": "Minulla on aikaa palvella asiakkaita hyvin",
      "I can influence decisions about my own work": "Voin vaikuttaa omaa työtäni koskeviin päätöksiin",
      "Ideas from the field are taken forward": "Kentän ideat viedään eteenpäin",
      "My manager listens to me": "Esihenkilöni kuuntelee minua",
      "Our chargers are reliable": "Laturimme ovat luotettavia",
      "Faults reported to us get fixed quickly": "Meille ilmoitetut viat korjataan nopeasti",
      "I am proud of the quality of our network": "Olen ylpeä latausverkkomme laadusta",
      "Our app lets customers charge without calling us":
        "Sovelluksemme ansiosta asiakkaat voivat ladata soittamatta meille",
      "App problems reported by customers get fixed": "Asiakkaiden ilmoittamat sovellusongelmat korjataan",
      "Our internal systems work well": "Sisäiset järjestelmämme toimivat hyvin",
      "How likely are you to recommend Latausverkko as a place to work?":
        "Kuinka todennäköisesti suosittelisit Latausverkkoa työpaikkana?",
      "I see myself working here in two years": "Näen itseni täällä töissä kahden vuoden kuluttua",
      "I am proud to work at Latausverkko": "Olen ylpeä siitä, että työskentelen Latausverkossa",

      // Comments customers and staff wrote in English.
      "I never know what a session will cost before I plug in.":
        "En koskaan tiedä, mitä lataus maksaa, ennen kuin kytken johdon.",
      "Hard to tell what the monthly plan actually includes.":
        "Vaikea sanoa, mitä kuukausipaketti oikeasti sisältää.",
      "Chat answers were copy-paste and did not help at all.":
        "Chatin vastaukset olivat valmiita pohjia eivätkä auttaneet yhtään.",
      "Too many taps to start charging in the rain.":
        "Liian monta napautusta latauksen aloittamiseen sateessa.",
      "Receipts for company cars are a mess.": "Työsuhdeautojen kuitit ovat yhtä sotkua.",
      "Finally I get a notice when my usual charger is down.":
        "Vihdoin saan ilmoituksen, kun tavallinen laturini on epäkunnossa.",
      "Still not sure why the price per kWh differs between stations.":
        "Vieläkään en ymmärrä, miksi kilowattituntihinta vaihtelee asemittain.",
      "Our fleet account manager knows our cars, big improvement.":
        "Kalustomme asiakkuuspäällikkö tuntee automme, iso parannus.",
      "Quick and friendly help with a stuck cable.":
        "Nopeaa ja ystävällistä apua jumiin jääneen johdon kanssa.",
      "Apple Pay works great now.": "Apple Pay toimii nyt hienosti.",
      "E-mail receipts for the company car still missing.": "Työsuhdeauton sähköpostikuitit puuttuvat yhä.",
      "Nobody asks the technicians before buying new chargers.":
        "Asentajilta ei kysytä mitään ennen kuin uusia latureita ostetaan.",
      "Customers are angrier on the phone than in the surveys, I think.":
        "Asiakkaat ovat mielestäni puhelimessa vihaisempia kuin kyselyissä.",
      "The idea box got one answer in a year.": "Ideapankkiin tuli vuodessa yksi vastaus.",
      "Knowledge base saves me calls every day.": "Tietopankki säästää minulta puheluita joka päivä.",
    ])
}
