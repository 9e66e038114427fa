// The command line's help texts in Finnish, by their English (the `help:`, `abstract:` and
// `discussion:` texts of Sources/peili, read through `Help.text`); the examples are the same
// commands as in English. `CommandHelpTests` checks that every English text has its Finnish.

extension CommandHelp {
  /// Finnish, by English text.
  public static let finnish: [String: String] = [
    "Record a check-in on an action (progress, status, communication) or a key result (value).":
      "Kirjaa tilannepäivitys toimenpiteelle (edistyminen, tila, viestintä) tai avaintulokselle (arvo).",
    """
    The change is attributed to your operating-system user and kept in the audit trail \
    (see `peili history`). Progress is 0–100, confidence 1–10. On a key result, --value \
    sets a metric's current value or marks a milestone done (1) or not (0); a perception \
    key result takes its value from the latest survey wave.

    A check-in applies to the value as it is when it is written, so check-ins from several \
    people or scripts at once all land. A script that must not overwrite a change it has \
    not seen names the value it expects: with --expect-progress (actions) or \
    --expect-value (key results) nothing is written when the value has moved on, and the \
    command exits 3.

    An action records when and how its change was told to the audience it targets: \
    --communicated DATE (YYYY-MM-DD) with --channel TEXT (newsletter, release notes, …), \
    both together; --not-communicated clears it. The Impact screen flags a done action \
    that was never communicated.

    Examples:
      peili checkin A3 --progress 60 --confidence 7 --note "pilot running"
      peili checkin A12 --status done --progress 100
      peili checkin A9 --confidence 3 --note "blocked by the supplier"
      peili checkin KR4 --value 98.9 --confidence 6
      peili checkin A3 --progress 70 --expect-progress 60
      peili checkin A3 --communicated 2026-03-01 --channel "newsletter"
    """:
      """
    Muutos kirjataan käyttöjärjestelmän käyttäjällesi ja säilyy muutoshistoriassa (ks. `peili \
    history`). Edistyminen on 0–100, luottamus 1–10. Avaintuloksella --value asettaa mittarin \
    nykyisen arvon tai merkitsee virstanpylvään valmiiksi (1) tai keskeneräiseksi (0); kyselyyn \
    perustuva avaintulos saa arvonsa viimeisimmältä kyselykierrokselta.

    Tilannepäivitys kohdistuu arvoon sellaisena kuin se on kirjoitushetkellä, joten usean \
    ihmisen tai skriptin yhtäaikaiset päivitykset menevät kaikki perille. Skripti, joka ei saa \
    korvata näkemätöntä muutosta, nimeää odottamansa arvon: --expect-progress (toimenpiteet) tai \
    --expect-value (avaintulokset) ei kirjoita mitään, jos arvo on ehtinyt muuttua, ja komento \
    päättyy koodiin 3.

    Toimenpiteelle kirjataan, milloin ja miten sen muutoksesta kerrottiin kohderyhmälle: \
    --communicated PÄIVÄ (VVVV-KK-PP) ja --channel TEKSTI (uutiskirje, julkaisutiedote, …) \
    yhdessä; --not-communicated poistaa tiedon. Vaikuttavuus-näkymä merkitsee valmiin \
    toimenpiteen, josta ei koskaan viestitty.

    Esimerkkejä:
      peili checkin A3 --progress 60 --confidence 7 --note "pilot running"
      peili checkin A12 --status done --progress 100
      peili checkin A9 --confidence 3 --note "blocked by the supplier"
      peili checkin KR4 --value 98.9 --confidence 6
      peili checkin A3 --progress 70 --expect-progress 60
      peili checkin A3 --communicated 2026-03-01 --channel "newsletter"
    """,
    "The action's or key result's id, e.g. A3 or KR4.":
      "Toimenpiteen tai avaintuloksen tunnus, esim. A3 tai KR4.",
    "Progress 0–100.":
      "Edistyminen 0–100.",
    "Confidence 1–10 that the action lands.":
      "Luottamus 1–10 siihen, että toimenpide onnistuu.",
    "A note for the check-in.":
      "Tilannepäivityksen muistiinpano.",
    "New status (actions).":
      "Uusi tila (toimenpiteet).",
    "New current value (key results).":
      "Uusi nykyinen arvo (avaintulokset).",
    "The day the action's change was told to its audience, YYYY-MM-DD (with --channel).":
      "Päivä, jona toimenpiteen muutoksesta kerrottiin kohderyhmälle, VVVV-KK-PP (yhdessä --channel kanssa).",
    "How it was told, e.g. \"newsletter\" (with --communicated).":
      "Miten kerrottiin, esim. \"uutiskirje\" (yhdessä --communicated kanssa).",
    "Clear the action's communication (it was not told after all).":
      "Poista toimenpiteen viestintätieto (siitä ei sittenkään kerrottu).",
    "Write only if the action's progress is still this (else exit 3, nothing written).":
      "Kirjoita vain, jos toimenpiteen edistyminen on yhä tämä (muuten koodi 3, mitään ei kirjoiteta).",
    "Write only if the key result's current value is still this (a milestone: 1 or 0).":
      "Kirjoita vain, jos avaintuloksen nykyinen arvo on yhä tämä (virstanpylväs: 1 tai 0).",
    "Start a new OKR cycle (carrying over unfinished actions) or list the cycles.":
      "Aloita uusi OKR-kausi (keskeneräiset toimenpiteet siirtyvät) tai luettele kaudet.",
    """
    A cycle is an OKR period with start and end dates. The dashboard and every command show \
    the cycle running today unless --cycle names another.

    Examples:
      peili cycle list
      peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
            --from 2026
    """:
      """
    Kausi on OKR-jakso alku- ja loppupäivineen. Yleiskuva ja kaikki komennot näyttävät tänään \
    käynnissä olevan kauden, ellei --cycle nimeä toista.

    Esimerkkejä:
      peili cycle list
      peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
            --from 2026
    """,
    "Start a cycle; with --from, carry over the previous cycle's unfinished actions.":
      "Aloita kausi; --from siirtää edellisen kauden keskeneräiset toimenpiteet.",
    """
    With --from PREV, every action of PREV that is planned, active or blocked moves to the \
    new cycle with its id, check-ins, history and theme links. The objectives and key \
    results holding them (and the objectives they align under) are copied into the new \
    cycle as <id>-<new cycle id>, e.g. O1-2027. Done and dropped actions stay in PREV, \
    where the Impact screen judges them a year later.

    Everything is one change in the audit trail (`peili history`), attributed to your \
    operating-system user; a refusal leaves the workspace as it was.

    To add the new cycle's own OKRs, export it, edit and import with --update (a plain \
    import replaces the cycle's OKRs, carried-over ones included).

    Examples:
      peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
            --from 2026
      peili cycle new 2027-Q1 --name "Q1 2027" --start 2027-01-01 --end 2027-03-31
      peili export okrs --cycle 2027 > okrs-2027.yaml
      peili import okrs okrs-2027.yaml --update
    """:
      """
    --from EDELLINEN siirtää jokaisen EDELLISEN kauden suunnitellun, käynnissä olevan tai \
    estyneen toimenpiteen uudelle kaudelle tunnuksineen, tilannepäivityksineen, historioineen ja \
    teemalinkkeineen. Niitä sisältävät tavoitteet ja avaintulokset (ja tavoitteet, joihin ne \
    linjautuvat) kopioidaan uudelle kaudelle muodossa <tunnus>-<uuden kauden tunnus>, esim. \
    O1-2027. Valmiit ja hylätyt toimenpiteet jäävät EDELLISELLE kaudelle, jossa \
    Vaikuttavuus-näkymä arvioi ne vuoden kuluttua.

    Kaikki on yksi muutos muutoshistoriassa (`peili history`) käyttöjärjestelmän käyttäjäsi \
    nimissä; hylätty pyyntö jättää työtilan ennalleen.

    Uuden kauden omat OKR:t lisätään viemällä kausi, muokkaamalla ja tuomalla \
    --update-valitsimella (pelkkä tuonti korvaa kauden OKR:t, myös siirretyt).

    Esimerkkejä:
      peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
            --from 2026
      peili cycle new 2027-Q1 --name "Q1 2027" --start 2027-01-01 --end 2027-03-31
      peili export okrs --cycle 2027 > okrs-2027.yaml
      peili import okrs okrs-2027.yaml --update
    """,
    "The new cycle's id, e.g. 2027 or 2027-Q1.":
      "Uuden kauden tunnus, esim. 2027 tai 2027-Q1.",
    "The cycle's name, shown in headers and reports.":
      "Kauden nimi otsikoissa ja raporteissa.",
    "The first day of the cycle.":
      "Kauden ensimmäinen päivä.",
    "The last day of the cycle.":
      "Kauden viimeinen päivä.",
    "A cycle whose unfinished actions (planned, active, blocked) move to the new one.":
      "Kausi, jonka keskeneräiset toimenpiteet (suunniteltu, käynnissä, estynyt) siirtyvät uudelle.",
    "List every cycle with its dates and how many objectives and actions it holds.":
      "Luettele kaikki kaudet päivineen sekä niiden tavoitteiden ja toimenpiteiden määrä.",
    """
    Oldest first; `*` marks the cycle running today, the one the dashboard and the other \
    commands show unless --cycle names another. The JSON is an array of \
    {"id", "name", "start", "end"}.

    Examples:
      peili cycle list
      peili cycle list --format json | jq -r '.[].id'
    """:
      """
    Vanhin ensin; `*` merkitsee tänään käynnissä olevan kauden, jonka yleiskuva ja muut komennot \
    näyttävät, ellei --cycle nimeä toista. JSON on taulukko {"id", "name", "start", "end"}.

    Esimerkkejä:
      peili cycle list
      peili cycle list --format json | jq -r '.[].id'
    """,
    "Output format.":
      "Tulostusmuoto.",
    "Build the demo workspace (Latausverkko Oy, an EV charging operator) and open it.":
      "Rakenna esittelytyötila (Latausverkko Oy, sähköautojen latausoperaattori) ja avaa se.",
    """
    Writes a fictional but realistic workspace: the OKRs of 2025 and of 2026 (started \
    from 2025, its unfinished actions carried over) and three survey waves a year apart \
    (2024-09, 2025-09, 2026-09) of customers, staff and the staff mirror, so that last \
    year's actions are judged a year later. The default file is ./peili-demo.db (not \
    $PEILI_WORKSPACE, so a real workspace is never replaced by accident). An earlier demo \
    at the path is rebuilt; any other existing file needs --force. In a terminal the \
    dashboard opens; otherwise the path and the report are printed.

    Examples:
      peili demo
      peili demo --workspace /tmp/demo.db --force
      peili demo | less
    """:
      """
    Kirjoittaa kuvitteellisen mutta realistisen työtilan: vuosien 2025 ja 2026 OKR:t (2026 \
    aloitettu 2025:stä, keskeneräiset toimenpiteet siirrettyinä) ja kolme vuoden välein tehtyä \
    kyselykierrosta (2024-09, 2025-09, 2026-09) asiakkaille, henkilöstölle ja henkilöstön \
    peilille, joten edellisen vuoden toimenpiteet arvioidaan vuoden kuluttua. Oletustiedosto on \
    ./peili-demo.db (ei $PEILI_WORKSPACE, jottei oikeaa työtilaa korvata vahingossa). Aiempi \
    esittely samassa polussa rakennetaan uudelleen; muu olemassa oleva tiedosto vaatii \
    --force-valitsimen. Päätteessä yleiskuva avautuu; muuten tulostetaan polku ja raportti.

    Esimerkkejä:
      peili demo
      peili demo --workspace /tmp/demo.db --force
      peili demo | less
    """,
    "Overwrite an existing file that is not a peili demo.":
      "Korvaa olemassa oleva tiedosto, joka ei ole peilin esittely.",
    "Seed of the demo's random generator.":
      "Esittelyn satunnaislukugeneraattorin siemen.",
    "Write the OKRs (YAML), a survey wave (CSV) or the audit trail (CSV) to standard output.":
      "Kirjoita OKR:t (YAML), kyselykierros (CSV) tai muutoshistoria (CSV) vakiotulosteeseen.",
    """
    Exports read the workspace and change nothing. The OKR export is the import format: edit \
    it and apply the edits with `peili import okrs FILE.yaml --update`.

    Examples:
      peili export okrs > okrs.yaml
      peili import okrs okrs.yaml --update
      peili export survey --format csv --wave 2025-09 --audience customer \\
            --mapping-out customers-mapping.yaml > customers.csv
      peili export audit --format csv > audit.csv
    """:
      """
    Vienti lukee työtilaa eikä muuta mitään. OKR-vienti on tuontimuodossa: muokkaa sitä ja vie \
    muutokset komennolla `peili import okrs FILE.yaml --update`.

    Esimerkkejä:
      peili export okrs > okrs.yaml
      peili import okrs okrs.yaml --update
      peili export survey --format csv --wave 2025-09 --audience customer \\
            --mapping-out customers-mapping.yaml > customers.csv
      peili export audit --format csv > audit.csv
    """,
    "Write a cycle's OKRs as YAML in the import format.":
      "Kirjoita kauden OKR:t YAML-muodossa tuontimuodon mukaan.",
    """
    Includes every objective, key result and action with current progress, status, confidence, \
    metric values and theme links. Exporting and importing the file back with --update \
    changes nothing; edit the file to change titles, values or structure. The format is \
    described in docs/okr-format.md.

    Examples:
      peili export okrs > okrs.yaml
      peili export okrs --cycle 2025 > okrs-2025.yaml
    """:
      """
    Sisältää jokaisen tavoitteen, avaintuloksen ja toimenpiteen nykyisine edistymisineen, \
    tiloineen, luottamuksineen, mittariarvoineen ja teemalinkkeineen. Vienti ja takaisintuonti \
    --update-valitsimella ei muuta mitään; muokkaa tiedostoa muuttaaksesi otsikoita, arvoja tai \
    rakennetta. Muoto on kuvattu tiedostossa docs/okr-format.md.

    Esimerkkejä:
      peili export okrs > okrs.yaml
      peili export okrs --cycle 2025 > okrs-2025.yaml
    """,
    "Write one wave's raw respondent data as CSV in the canonical survey layout.":
      "Kirjoita yhden kierroksen vastaajatason raakadata CSV-muodossa peilin kyselyasettelulla.",
    """
    This is raw respondent data: every answer, segment value and comment of every respondent \
    of the wave and audience, without the minimum group size that the dashboard and reports \
    apply. Anyone who can read the workspace file can read this data anyway; share the export \
    no more widely than the workspace itself.

    Columns: the respondent id, the segment columns, one column per question id (a blank is a \
    missing answer) and the comment columns. --mapping-out writes the mapping that imports the \
    CSV back (its first lines show the `peili import survey` command). --wave defaults to the \
    latest wave; --audience may be left out when the wave has only one.

    Spreadsheet safety: a text cell starting with =, +, -, @, a tab or a CR is written with a \
    leading ' so that Excel, LibreOffice or Google Sheets show it instead of running it as a \
    formula (e.g. =HYPERLINK(…) in a comment or a check-in note); a plain number such as -5 \
    stays a number. --raw writes the cells exactly as stored (use it to import the export back \
    byte for byte, never to open it in a spreadsheet).

    Examples:
      peili export survey --format csv --audience customer > customers.csv
      peili export survey --format csv --wave 2025-09 --audience staff \\
            --mapping-out staff-mapping.yaml > staff.csv
    """:
      """
    Tämä on vastaajatason raakadataa: kierroksen ja vastaajaryhmän jokaisen vastaajan kaikki \
    vastaukset, ryhmäarvot ja avovastaukset ilman pienimmän ryhmän rajaa, jota yleiskuva ja \
    raportit noudattavat. Kuka tahansa, joka voi lukea työtilatiedostoa, voi lukea tämän datan \
    muutenkin; älä jaa vientiä laajemmin kuin itse työtilaa.

    Sarakkeet: vastaajan tunnus, ryhmäsarakkeet, yksi sarake kysymystä kohden (tyhjä on puuttuva \
    vastaus) ja avovastaussarakkeet. --mapping-out kirjoittaa vastaavuustiedoston, jolla CSV \
    tuodaan takaisin (sen ensimmäiset rivit näyttävät `peili import survey` -komennon). --wave \
    on oletuksena viimeisin kierros; --audience voidaan jättää pois, kun kierroksella on vain \
    yksi vastaajaryhmä.

    Taulukkolaskentaturva: tekstisolu, joka alkaa merkillä =, +, -, @, sarkaimella tai CR:llä, \
    kirjoitetaan alkuun lisätyllä ':llä, jotta Excel, LibreOffice tai Google Sheets näyttää sen \
    eikä suorita sitä kaavana (esim. =HYPERLINK(…) avovastauksessa tai muistiinpanossa); pelkkä \
    luku kuten -5 pysyy lukuna. --raw kirjoittaa solut täsmälleen tallennettuina (käytä sitä \
    viennin tuomiseen takaisin tavu tavulta, älä koskaan taulukkolaskentaan avaamiseen).

    Esimerkkejä:
      peili export survey --format csv --audience customer > customers.csv
      peili export survey --format csv --wave 2025-09 --audience staff \\
            --mapping-out staff-mapping.yaml > staff.csv
    """,
    "The wave (default: the latest with respondents).":
      "Kyselykierros (oletus: viimeisin, jolla on vastaajia).",
    "Whose answers (customer, staff or mirror; needed when the wave has several).":
      "Kenen vastaukset (customer, staff tai mirror; tarvitaan, kun kierroksella on useita).",
    "Write cells exactly as stored, without the leading ' that keeps a spreadsheet from running "
      + "a cell starting with =, +, -, @, a tab or a CR as a formula.":
      "Kirjoita solut täsmälleen tallennettuina, ilman alkuun lisättyä ':ää, joka estää taulukkolaskentaa suorittamasta merkillä =, +, -, @, sarkaimella tai CR:llä alkavaa solua kaavana.",
    "Also write the mapping YAML that imports the CSV back.":
      "Kirjoita myös vastaavuus-YAML, jolla CSV tuodaan takaisin.",
    "Write the whole audit trail, oldest first, as CSV.":
      "Kirjoita koko muutoshistoria vanhin ensin CSV-muodossa.",
    """
    Columns: at (UTC), user, kind (edit, undo, import), entity, entity_id, field, old_value, \
    new_value. Values are quoted as RFC 4180 describes; an empty field is a missing value.

    Spreadsheet safety: a text cell starting with =, +, -, @, a tab or a CR is written with a \
    leading ' so that Excel, LibreOffice or Google Sheets show it instead of running it as a \
    formula (e.g. =HYPERLINK(…) in a comment or a check-in note); a plain number such as -5 \
    stays a number. --raw writes the cells exactly as stored (use it to import the export back \
    byte for byte, never to open it in a spreadsheet).

    Examples:
      peili export audit --format csv > audit.csv
    """:
      """
    Sarakkeet: at (UTC), user, kind (edit, undo, import), entity, entity_id, field, old_value, \
    new_value. Arvot lainataan RFC 4180:n mukaan; tyhjä kenttä on puuttuva arvo.

    Taulukkolaskentaturva: tekstisolu, joka alkaa merkillä =, +, -, @, sarkaimella tai CR:llä, \
    kirjoitetaan alkuun lisätyllä ':llä, jotta Excel, LibreOffice tai Google Sheets näyttää sen \
    eikä suorita sitä kaavana (esim. =HYPERLINK(…) avovastauksessa tai muistiinpanossa); pelkkä \
    luku kuten -5 pysyy lukuna. --raw kirjoittaa solut täsmälleen tallennettuina (käytä sitä \
    viennin tuomiseen takaisin tavu tavulta, älä koskaan taulukkolaskentaan avaamiseen).

    Esimerkkejä:
      peili export audit --format csv > audit.csv
    """,
    "The workspace file (default: $PEILI_WORKSPACE, then ./peili.db).":
      "Työtilatiedosto (oletus: $PEILI_WORKSPACE, sitten ./peili.db).",
    "Colour theme for the dashboard: a built-in name or a .toml file.":
      "Yleiskuvan väriteema: sisäänrakennettu nimi tai .toml-tiedosto.",
    "The OKR cycle to show (default: the current one by date).":
      "Näytettävä OKR-kausi (oletus: päivämäärän mukaan nykyinen).",
    "On a failure, also print the underlying library error.":
      "Tulosta virheen sattuessa myös taustalla olevan kirjaston virhe.",
    "The language: fi or en (default: $PEILI_LANG, then $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG).":
      "Kieli: fi tai en (oletus: $PEILI_LANG, sitten $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG).",
    "Show who changed what and when (the audit trail), newest first.":
      "Näytä, kuka muutti mitä ja milloin (muutoshistoria), uusin ensin.",
    """
    Every edit, undo and import is recorded with the operating-system user, the time \
    (UTC), the field and its old and new value.

    Examples:
      peili history
      peili history --limit 200 | grep A3
    """:
      """
    Jokainen muokkaus, kumous ja tuonti kirjataan käyttöjärjestelmän käyttäjän, ajan (UTC), \
    kentän sekä vanhan ja uuden arvon kanssa.

    Esimerkkejä:
      peili history
      peili history --limit 200 | grep A3
    """,
    "How many entries to show.":
      "Montako riviä näytetään.",
    "Import OKRs (YAML) or a survey wave (CSV + mapping) into the workspace.":
      "Tuo OKR:t (YAML) tai kyselykierros (CSV + vastaavuus) työtilaan.",
    """
    Imports are all-or-nothing: a file with an error is named with its line and column, \
    and the workspace is left as it was.

    Examples:
      peili import okrs examples/okrs.yaml
      peili import survey examples/survey-customers.csv \\
            --mapping examples/survey-mapping.yaml \\
            --wave 2025-09 --date 2025-09-15 --audience customer
    """:
      """
    Tuonti tehdään kokonaan tai ei lainkaan: virheellinen tiedosto nimetään rivin ja sarakkeen \
    kanssa, ja työtila jää ennalleen.

    Esimerkkejä:
      peili import okrs examples/okrs.yaml
      peili import survey examples/survey-customers.csv \\
            --mapping examples/survey-mapping.yaml \\
            --wave 2025-09 --date 2025-09-15 --audience customer
    """,
    "Import a cycle's objectives, key results and actions from a YAML file.":
      "Tuo kauden tavoitteet, avaintulokset ja toimenpiteet YAML-tiedostosta.",
    """
    The format (cycle, themes, objectives with key results and actions) is described in \
    the README; examples/ holds a complete file.

    Without --update, the file replaces the cycle's OKRs (items it leaves out are removed); \
    with --update, it is applied as edits by id and left-out items are kept unless --prune. \
    Fields the file leaves out (progress, status, current, done, confidence) keep their values.

    Examples:
      peili import okrs okrs.yaml
      peili --workspace team.db import okrs 2026.yaml
      peili export okrs > okrs.yaml && $EDITOR okrs.yaml && peili import okrs okrs.yaml --update
    """:
      """
    Muoto (kausi, teemat, tavoitteet avaintuloksineen ja toimenpiteineen) on kuvattu README:ssä; \
    examples/ sisältää täydellisen tiedoston.

    Ilman --update-valitsinta tiedosto korvaa kauden OKR:t (pois jätetyt kohdat poistetaan); \
    --update-valitsimella se tuodaan muokkauksina tunnusten mukaan, ja pois jätetyt kohdat \
    säilyvät, ellei anneta --prune. Tiedostosta puuttuvat kentät (progress, status, current, \
    done, confidence) säilyttävät arvonsa.

    Esimerkkejä:
      peili import okrs okrs.yaml
      peili --workspace team.db import okrs 2026.yaml
      peili export okrs > okrs.yaml && $EDITOR okrs.yaml && peili import okrs okrs.yaml --update
    """,
    "The OKR file.":
      "OKR-tiedosto.",
    """
    Apply the file as edits by id (e.g. an edited `peili export okrs`): add new items, update \
    changed ones, keep items the file leaves out.
    """:
      """
    Tuo tiedosto muokkauksina tunnusten mukaan (esim. muokattu `peili export okrs`): lisää uudet \
    kohdat, päivitä muuttuneet, säilytä tiedostosta puuttuvat.
    """,
    "With --update, also remove the cycle's items that the file leaves out.":
      "Poista --update-valitsimen kanssa myös kauden kohdat, jotka tiedostosta puuttuvat.",
    "Import one survey wave of one audience from a CSV file and its mapping.":
      "Tuo yhden vastaajaryhmän kyselykierros CSV-tiedostosta ja sen vastaavuustiedostosta.",
    """
    One row per respondent; the mapping (YAML) names the respondent id column, segment \
    columns, question columns (id, text, theme, scale, nps, outcome) and comment columns. \
    A new wave needs --date. Importing the same wave and audience again needs --replace. \
    Audiences: customer (customers about you), staff (staff about their work and the \
    company), mirror (staff answering the customer questions as they think customers would).

    The file may be peili's CSV or an export as Qualtrics, SurveyMonkey, Google Forms or \
    Typeform give it, or a CSV saved by Excel (semicolons, decimal commas, Windows-1252 or \
    UTF-16), or any of these as an Excel workbook (.xlsx: the first sheet, or --sheet NAME); \
    the layout, encoding and delimiter are detected (--format forces a layout). \
    --inspect prints what was detected and, with --mapping-out, writes a draft mapping in \
    which only the themes are left to fill in. Personal columns (email, names, IP address, \
    location, recipient fields) are never stored.

    Examples:
      peili import survey qualtrics-export.csv --inspect --mapping-out customer-mapping.yaml
      peili import survey responses.xlsx --sheet "Form Responses 1" --inspect
      peili import survey customers.csv --mapping customer-mapping.yaml \\
            --wave 2025-09 --date 2025-09-15 --audience customer
      peili import survey mirror.csv --mapping mirror-mapping.yaml \\
            --wave 2025-09 --audience mirror
      peili import survey customers-fixed.csv --mapping customer-mapping.yaml \\
            --wave 2025-09 --audience customer --replace
    """:
      """
    Yksi rivi vastaajaa kohden; vastaavuustiedosto (YAML) nimeää vastaajatunnuksen sarakkeen, \
    ryhmäsarakkeet, kysymyssarakkeet (id, text, theme, scale, nps, outcome) ja \
    avovastaussarakkeet. Uusi kierros tarvitsee --date-valitsimen. Saman kierroksen ja \
    vastaajaryhmän tuonti uudelleen tarvitsee --replace-valitsimen. Vastaajaryhmät: customer \
    (asiakkaat teistä), staff (henkilöstö työstään ja yrityksestä), mirror (henkilöstö vastaa \
    asiakaskysymyksiin niin kuin arvelee asiakkaiden vastaavan).

    Tiedosto voi olla peilin CSV tai Qualtricsin, SurveyMonkeyn, Google Formsin tai Typeformin \
    vienti, tai Excelin tallentama CSV (puolipisteet, desimaalipilkut, Windows-1252 tai UTF-16), \
    tai mikä tahansa näistä Excel-työkirjana (.xlsx: ensimmäinen taulukko tai --sheet NIMI); \
    asettelu, merkistö ja erotin tunnistetaan (--format pakottaa asettelun). --inspect tulostaa, \
    mitä tunnistettiin, ja --mapping-out-valitsimen kanssa kirjoittaa vastaavuusluonnoksen, \
    johon jää täytettäväksi vain teemat. Henkilötietosarakkeita (sähköposti, nimet, IP-osoite, \
    sijainti, vastaanottajakentät) ei koskaan tallenneta.

    Esimerkkejä:
      peili import survey qualtrics-export.csv --inspect --mapping-out customer-mapping.yaml
      peili import survey responses.xlsx --sheet "Form Responses 1" --inspect
      peili import survey customers.csv --mapping customer-mapping.yaml \\
            --wave 2025-09 --date 2025-09-15 --audience customer
      peili import survey mirror.csv --mapping mirror-mapping.yaml \\
            --wave 2025-09 --audience mirror
      peili import survey customers-fixed.csv --mapping customer-mapping.yaml \\
            --wave 2025-09 --audience customer --replace
    """,
    "The survey export, one row per respondent: a CSV file or an Excel workbook (.xlsx).":
      "Kyselyn vienti, yksi rivi vastaajaa kohden: CSV-tiedosto tai Excel-työkirja (.xlsx).",
    "The sheet of an Excel workbook to read (default: the first).":
      "Luettava Excel-työkirjan taulukko (oletus: ensimmäinen).",
    "The mapping from columns to questions and themes (needed unless --inspect).":
      "Vastaavuus sarakkeista kysymyksiin ja teemoihin (tarvitaan, ellei --inspect).",
    "The wave name, e.g. 2025-09 (needed unless --inspect).":
      "Kyselykierroksen nimi, esim. 2025-09 (tarvitaan, ellei --inspect).",
    "The wave's date (needed when the wave is new).":
      "Kyselykierroksen päivämäärä (tarvitaan uudelle kierrokselle).",
    "Who answered (needed unless --inspect).":
      "Kuka vastasi (tarvitaan, ellei --inspect).",
    "Replace an earlier import of the same wave and audience.":
      "Korvaa saman kierroksen ja vastaajaryhmän aiempi tuonti.",
    "The export's layout, instead of detecting it: canonical, qualtrics, surveymonkey, googleforms, "
      + "typeform or excel.":
      "Viennin asettelu tunnistamisen sijaan: canonical, qualtrics, surveymonkey, googleforms, typeform tai excel.",
    "The file's character encoding, instead of detecting it: utf-8, windows-1252, iso-8859-1, iso-8859-15, "
      + "cp850, cp437, mac-roman, utf-16le or utf-16be.":
      "Tiedoston merkistö tunnistamisen sijaan: utf-8, windows-1252, iso-8859-1, iso-8859-15, cp850, cp437, mac-roman, utf-16le tai utf-16be.",
    "Keep unfinished responses (Qualtrics Finished = False), which are left out by default.":
      "Säilytä keskeneräiset vastaukset (Qualtrics Finished = False), jotka oletuksena jätetään pois.",
    "Keep survey previews and test responses (Qualtrics), which are left out by default.":
      "Säilytä kyselyn esikatselut ja testivastaukset (Qualtrics), jotka oletuksena jätetään pois.",
    "No progress line on the terminal while a long import reads its rows.":
      "Ei edistymisriviä päätteeseen pitkän tuonnin lukiessa rivejään.",
    "Print the detected layout, encoding, delimiter, respondents and column kinds; import nothing.":
      "Tulosta tunnistettu asettelu, merkistö, erotin, vastaajat ja sarakkeiden lajit; älä tuo mitään.",
    "With --inspect: write a draft mapping to this file.":
      "--inspect-valitsimen kanssa: kirjoita vastaavuusluonnos tähän tiedostoon.",
    "Create an empty workspace.":
      "Luo tyhjä työtila.",
    """
    Creates the workspace file (--workspace, then $PEILI_WORKSPACE, then ./peili.db) with \
    mode 0666 minus your umask. An existing file is never changed, except by --group.

    --group shares the workspace with a team: the file and the -wal and -shm files SQLite \
    keeps beside it get that group and group read and write, whatever anyone's umask \
    (a command over ssh reads no shell profile). peili keeps it so from then on. Given for \
    an existing workspace you own, it shares that one.

    Examples:
      peili init
      peili init --workspace /srv/peili/leadership.db --group okr
      peili --workspace /srv/peili/leadership.db init --group okr   # share an existing one
    """:
      """
    Luo työtilatiedoston (--workspace, sitten $PEILI_WORKSPACE, sitten ./peili.db) oikeuksin \
    0666 miinus umask. Olemassa olevaa tiedostoa ei koskaan muuteta, paitsi \
    --group-valitsimella.

    --group jakaa työtilan tiimin kanssa: tiedosto sekä SQLiten sen viereen pitämät -wal- ja \
    -shm-tiedostot saavat tuon ryhmän sekä ryhmän luku- ja kirjoitusoikeuden kenen tahansa \
    umaskista riippumatta (ssh:n yli ajettu komento ei lue kuoren profiilia). peili pitää ne \
    niin jatkossakin. Omistamallesi olemassa olevalle työtilalle annettuna se jakaa sen.

    Esimerkkejä:
      peili init
      peili init --workspace /srv/peili/leadership.db --group okr
      peili --workspace /srv/peili/leadership.db init --group okr   # share an existing one
    """,
    "Share the workspace with this group (group read and write).":
      "Jaa työtila tämän ryhmän kanssa (ryhmän luku- ja kirjoitusoikeus).",
    "Hold your OKRs up against the mirror of your customers and your staff.":
      "Pidä OKR:si asiakkaidesi ja henkilöstösi peilin edessä.",
    """
    With no subcommand, peili opens the dashboard on the workspace (it needs a terminal; \
    scripts use `peili report`). The workspace is --workspace, then $PEILI_WORKSPACE, \
    then ./peili.db.

    Examples:
      peili demo                        build the demo workspace and open it
      peili init                        create an empty ./peili.db
      peili import okrs okrs.yaml
      peili import survey customers.csv --mapping customers.yaml \\
            --wave 2025-09 --date 2025-09-15 --audience customer
      peili report --format json > report.json
      peili checkin A3 --progress 60 --confidence 7 --note "pilot running"
      peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
            --from 2026
      peili --workspace team.db --theme light
    """:
      """
    Ilman alikomentoa peili avaa työtilan yleiskuvan (se tarvitsee päätteen; skriptit käyttävät \
    komentoa `peili report`). Työtila on --workspace, sitten $PEILI_WORKSPACE, sitten \
    ./peili.db. Kieli on --lang, sitten $PEILI_LANG, sitten $LANGUAGE, $LC_ALL, $LC_MESSAGES ja \
    $LANG.

    Esimerkkejä:
      peili demo                        rakenna esittelytyötila ja avaa se
      peili init                        luo tyhjä ./peili.db
      peili import okrs okrs.yaml
      peili import survey customers.csv --mapping customers.yaml \\
            --wave 2025-09 --date 2025-09-15 --audience customer
      peili report --format json > report.json
      peili checkin A3 --progress 60 --confidence 7 --note "pilot running"
      peili cycle new 2027 --name "2027" --start 2027-01-01 --end 2027-12-31 \\
            --from 2026
      peili --workspace team.db --theme light
    """,
    "Print the OKRs with progress and status and every theme score, gap and change.":
      "Tulosta OKR:t edistymisineen ja tiloineen sekä jokaisen teeman tulokset, erot ja muutokset.",
    """
    Compares the follow-up wave (--wave, default the latest) with the baseline wave \
    (--baseline, default the last wave on or before the cycle's start). Cells with fewer respondents than the minimum group \
    size are left out of both formats. The JSON fields are documented in docs/report-json.md.

    Examples:
      peili report
      peili report --format json | jq '.themes[] | {id, mirror_gap}'
      peili report --wave 2026-09 --baseline 2025-09 > review.md
      peili report --segment region --filter customer_type=business
    """:
      """
    Vertaa seurantakierrosta (--wave, oletuksena viimeisin) lähtötason kierrokseen (--baseline, \
    oletuksena viimeisin kauden alkuun mennessä tehty). Solut, joissa on vähemmän vastaajia kuin \
    pienin ryhmäkoko, jätetään pois molemmista muodoista. JSON-kentät on kuvattu tiedostossa \
    docs/report-json.md; JSON on samat tavut kielestä riippumatta.

    Esimerkkejä:
      peili report
      peili report --format json | jq '.themes[] | {id, mirror_gap}'
      peili report --wave 2026-09 --baseline 2025-09 > review.md
      peili report --segment region --filter customer_type=business
    """,
    "The follow-up wave (default: the latest).":
      "Seurantakierros (oletus: viimeisin).",
    "The baseline wave (default: the last on or before the cycle's start).":
      "Lähtötason kierros (oletus: viimeisin kauden alkuun mennessä).",
    "Add a breakdown of every theme by this segment attribute (e.g. region).":
      "Lisää jokaisesta teemasta erittely tämän ryhmäominaisuuden mukaan (esim. region).",
    "Report only respondents with attribute = value (repeatable; audiences without the attribute "
      + "stay unfiltered).":
      "Raportoi vain vastaajat, joilla ominaisuus = arvo (toistettavissa; vastaajaryhmät ilman ominaisuutta jäävät rajaamatta).",
    "Start or close a review meeting, see where it stands, record decisions and notes.":
      "Aloita tai päätä katselmus, katso sen tilanne, kirjaa päätökset ja muistiinpanot.",
    """
    A review goes through an agenda built from the workspace when it starts: the quick wins \
    (done actions whose theme moved), then what is off track, blocked or of low confidence, \
    actions that kept people busy with no change, blind spots, objectives without a mirror \
    and the open decisions of the last review; on-track key results are listed and skipped. \
    Each item keeps its state at the start (progress, status, scores, verdicts), so the \
    minutes (`peili export minutes`) say what the room saw. One review is open at a time; \
    closing it locks its decisions and notes.

    Examples:
      peili review start --title "Q4 review"
      peili review status
      peili review decide "Ship the outage SMS before Christmas" --item 2 --owner Eero \\
            --due 2026-12-20 --create-action
      peili review note "Staff see the app rated far higher than customers do" --item 5
      peili review close
      peili export minutes > minutes.md
    """:
      """
    Katselmus käy läpi esityslistan, joka kootaan työtilasta sen alkaessa: nopeat voitot \
    (valmiit toimenpiteet, joiden teema muuttui), sitten jäljessä olevat, estyneet ja matalan \
    luottamuksen kohdat, toimenpiteet, joissa oli paljon tekemistä ilman muutosta, katvealueet, \
    tavoitteet ilman peiliä ja edellisen katselmuksen avoimet päätökset; aikataulussa olevat \
    avaintulokset luetellaan ja ohitetaan. Jokainen kohta säilyttää tilansa alkuhetkeltä \
    (edistyminen, tila, tulokset, arviot), joten muistio (`peili export minutes`) kertoo, mitä \
    huoneessa nähtiin. Vain yksi katselmus on kerrallaan auki; sen päättäminen lukitsee \
    päätökset ja muistiinpanot.

    Esimerkkejä:
      peili review start --title "Q4 review"
      peili review status
      peili review decide "Ship the outage SMS before Christmas" --item 2 --owner Eero \\
            --due 2026-12-20 --create-action
      peili review note "Staff see the app rated far higher than customers do" --item 5
      peili review close
      peili export minutes > minutes.md
    """,
    "Open a review of the cycle with its agenda built from the workspace.":
      "Avaa kauden katselmus, esityslista koottuna työtilasta.",
    "The review's title, e.g. \"Q4 review\".":
      "Katselmuksen otsikko, esim. \"Q4-katselmus\".",
    "Print the open review: title, presenter, followers, the current item, decisions so far.":
      "Tulosta avoin katselmus: otsikko, esittäjä, seuraajat, nykyinen kohta, päätökset tähän asti.",
    """
    Without an open review it says so (exit 0) and names the latest closed one. The JSON is \
    {"review": {id, title, cycle, started_at, started_by, open}, "presenter", "followers", \
    "item": {kind, id, title, position, reason, skipped}, "agenda": [...], "participants", \
    "decisions": [...], "notes": [...]}, items and entries as in the minutes \
    (docs/minutes-json.md); "review" is null when none is open.
    """:
      """
    Ilman avointa katselmusta se kertoo sen (koodi 0) ja nimeää viimeksi päätetyn. JSON on \
    {"review": {id, title, cycle, started_at, started_by, open}, "presenter", "followers", \
    "item": {kind, id, title, position, reason, skipped}, "agenda": [...], "participants", \
    "decisions": [...], "notes": [...]}, kohdat ja merkinnät kuten muistiossa \
    (docs/minutes-json.md); "review" on null, kun mikään ei ole auki.
    """,
    "Record a decision in the open review (on an agenda item, or the review as a whole).":
      "Kirjaa päätös avoimeen katselmukseen (esityslistan kohtaan tai koko katselmukseen).",
    """
    With --create-action the decision also becomes a planned action under the item's node \
    (its objective, key result and themes), owned and due as the decision is; it shows on \
    the Actions screen. A decision stays open until it is done, and open decisions of a \
    closed review come back on the next review's agenda.
    """:
      """
    --create-action tekee päätöksestä myös suunnitellun toimenpiteen kohdan alle (sen tavoite, \
    avaintulos ja teemat), vastuuhenkilöineen ja määräpäivineen kuten päätöksessä; se näkyy \
    Toimenpiteet-näkymässä. Päätös pysyy avoimena, kunnes se on tehty, ja päätetyn katselmuksen \
    avoimet päätökset palaavat seuraavan katselmuksen esityslistalle.
    """,
    "What was decided.":
      "Mitä päätettiin.",
    "The agenda item (its number in `peili review status`).":
      "Esityslistan kohta (sen numero komennossa `peili review status`).",
    "Who carries it out.":
      "Kuka toteuttaa.",
    "By when.":
      "Mihin mennessä.",
    "Also create a planned action for it under the item's node.":
      "Luo sille myös suunniteltu toimenpide kohdan alle.",
    "Add a note to the open review (on an agenda item, or the review as a whole).":
      "Lisää muistiinpano avoimeen katselmukseen (esityslistan kohtaan tai koko katselmukseen).",
    "The note.":
      "Muistiinpano.",
    "Close the open review: its decisions and notes are locked from now on.":
      "Päätä avoin katselmus: sen päätökset ja muistiinpanot lukitaan tästä eteenpäin.",
    "Write a review's minutes: participants, the agenda as it stood, decisions, notes, changes.":
      "Kirjoita katselmuksen muistio: osallistujat, esityslista sellaisenaan, päätökset, muistiinpanot, muutokset.",
    """
    The open review, else the latest (or --review ID). The agenda gives each item's state \
    when the review started; "changes" lists every change written to the workspace while \
    the review was open, from the audit trail. A closed review's minutes never change.

    Examples:
      peili export minutes > minutes.md
      peili export minutes --review 3 --format json | jq '.decisions'
    """:
      """
    Avoin katselmus, muuten viimeisin (tai --review ID). Esityslista kertoo kunkin kohdan tilan \
    katselmuksen alkaessa; "changes" luettelee kaikki työtilaan katselmuksen aikana kirjoitetut \
    muutokset muutoshistoriasta. Päätetyn katselmuksen muistio ei koskaan muutu.

    Esimerkkejä:
      peili export minutes > minutes.md
      peili export minutes --review 3 --format json | jq '.decisions'
    """,
    "The review (default: the open one, else the latest).":
      "Katselmus (oletus: avoin, muuten viimeisin).",
    "Show a test screen that exercises the terminal (keys, glyphs, colours, resize).":
      "Näytä testinäkymä, joka koettelee päätettä (näppäimet, merkit, värit, koon muutos).",
  ]
}
