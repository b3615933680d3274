"""UI strings of the generated pages and of the browser script, in Dutch and English (chosen by `theme.language`).

This is the one place for UI text. The browser's strings (`BROWSER`) reach the scripts in `assets/` as JSON in the
page (read by `werkplaats.T`): each widget template (quiz, instrument, progress, filter, dialogue) emits
`data-wp-strings='{{ labels.js_<group> }}'` on its root element: the core strings and those of its group, so the
script works the same on the site, from file:// and inside SCORM packages.
"""

from __future__ import annotations

import json

NL: dict[str, str] = {
    "method": "Methodiek", "methods": "Methodieken",
    "competence": "Competentie", "competences": "Competenties",
    "knowledge_circle": "Kenniskring", "knowledge_circles": "Kenniskringen",
    "case": "Casus", "cases": "Casussen",
    "instrument": "Instrument", "instruments": "Instrumenten",
    "module": "Leermodule", "modules": "Leermodules",
    "term": "Begrip", "terms": "Begrippen",
    "unit": "Les", "units": "Lessen", "quiz": "Toets", "progress": "Mijn voortgang", "page_loading": "Pagina laden",
    "goal": "Doel", "target_group": "Doelgroep", "approach": "Aanpak", "active_elements": "Werkzame elementen",
    "professional_role": "Rol van de professional", "preconditions": "Randvoorwaarden", "practice": "Praktijk",
    "sources": "Bronnen", "themes": "Thema's", "description": "Omschrijving", "levels": "Niveaus",
    "startbekwaam": "Startbekwaam", "vakbekwaam": "Vakbekwaam", "vakvolwassen": "Vakvolwassen",
    "cluster": "Cluster", "theme": "Thema", "question": "Vraag", "activities": "Wat er gebeurde",
    "partners": "Met", "products": "Producten", "takeaways": "Wat je eraan hebt", "person": "Wie",
    "request": "Hulpvraag", "ladder": "De ladder: wie kan wat?", "own_strength": "1. Eigen kracht",
    "network": "2. Netwerk", "volunteer": "3. Vrijwilliger en algemene voorzieningen",
    "professional": "4. Professional", "reflection": "Om over na te denken", "purpose": "Doel van het instrument",
    "audience": "Doelgroep", "audience_student": "studenten", "audience_professional": "professionals",
    "study_load": "Studielast", "hours": "uur", "objectives": "Leerdoelen", "prerequisites": "Voorkennis",
    "unit_objectives": "Na deze les kun je", "after_page": "Na deze pagina kun je",
    "pass_mark": "Cesuur", "questions_count": "vragen", "start": "Begin met de module",
    "previous": "Vorige", "next": "Volgende", "of": "van", "related": "Zie ook", "synonyms": "Ook wel",
    "see_also": "Zie ook", "definition": "Definitie", "matrix": "Competenties per module",
    "matrix_intro": "Welke module traint welke competentie? Een rij per competentie, een kolom per module.",
    "yes": "ja", "no": "nee", "filter": "Filter", "filter_theme": "Thema", "filter_audience": "Doelgroep",
    "filter_competence": "Competentie", "filter_all": "Alle", "filter_count": "getoond",
    "quiz_intro": "Beantwoord de vragen en klik op Nakijken. Je hebt {mark}% van de punten nodig om te slagen.",
    "check": "Nakijken", "retry": "Opnieuw", "answer_and_explanation": "Antwoord en uitleg",
    "question_n": "Vraag {n}", "correct": "Goed", "incorrect": "Niet goed", "true": "Juist", "false": "Onjuist",
    "your_answer": "Je antwoord", "accepted_answers": "Goede antwoorden", "model_answer": "Modelantwoord",
    "choose": "Kies…", "position": "Plaats", "order_help": "Geef elk onderdeel een plaats in de volgorde.",
    "match_help": "Kies bij elk onderdeel links het passende antwoord.",
    "correct_order": "Goede volgorde", "correct_pairs": "Goede koppelingen", "open_help":
    "Schrijf je antwoord en vergelijk het daarna met het modelantwoord. Deze vraag telt niet mee voor de score.",
    "show_profile": "Toon mijn profiel", "reference": "Referentiescore", "instrument_help":
    "Kies bij elke uitspraak het antwoord dat het best past. Er is geen goed of fout: je krijgt een profiel.",
    "progress_intro": "Je voortgang wordt alleen in deze browser bewaard.",
    "noscript_progress": "Voor je voortgang is JavaScript nodig.",
    "self_check": "Test jezelf", "modules_training": "Modules die deze competentie trainen",
    "used_in_modules": "Gebruikt in modules", "all_terms": "Alle begrippen van A tot Z.",
    "no_items": "Nog geen inhoud.",
    # Dialogues (conversation simulations): the page, the transcript without JavaScript, dialogue.js.
    "dialogue": "Gesprek", "dialogues": "Gesprekken", "dlg_roles": "Wie doen er mee", "dlg_situation": "De situatie",
    "dlg_play": "Oefen het gesprek", "dlg_narrator": "Verteller",
    "dlg_noscript": "Hieronder staat het hele gesprek: elke stap, elke keuze met feedback en waar die keuze heen "
                    "leidt. Met JavaScript aan speel je het stap voor stap.",
    "dlg_step": "Stap {n}", "dlg_leads_to": "Verder bij stap {n}", "dlg_end": "Einde",
    "dlg_outcome_claim": "gesprek over de claim", "dlg_outcome_breed": "breed gesprek",
    "dlg_outcome_plan": "gesprek met een plan op de ladder", "dlg_write": "Welke keuze maak jij hier, en waarom?",
    "dlg_you": "Jij",
}

EN: dict[str, str] = {
    **NL,
    "method": "Method", "methods": "Methods", "competence": "Competence", "competences": "Competences",
    "knowledge_circle": "Knowledge circle", "knowledge_circles": "Knowledge circles", "case": "Case",
    "cases": "Cases", "module": "Module", "modules": "Modules", "term": "Term", "terms": "Glossary",
    "unit": "Lesson", "units": "Lessons", "quiz": "Quiz", "progress": "My progress", "page_loading": "Loading page",
    "goal": "Goal",
    "target_group": "Target group", "approach": "Approach", "active_elements": "Active elements",
    "professional_role": "Role of the professional", "preconditions": "Preconditions", "practice": "Practice",
    "sources": "Sources", "themes": "Themes", "description": "Description", "levels": "Levels",
    "theme": "Theme", "question": "Question", "activities": "What was done", "partners": "With",
    "products": "Products", "takeaways": "What you take from it", "person": "Who", "request": "Request",
    "ladder": "The ladder: who can do what?", "own_strength": "1. Own strength", "network": "2. Network",
    "volunteer": "3. Volunteers and general provisions", "reflection": "Questions for reflection",
    "purpose": "Purpose", "audience": "Audience", "audience_student": "students",
    "audience_professional": "professionals", "study_load": "Study load", "hours": "hours",
    "objectives": "Learning objectives", "prerequisites": "Prerequisites",
    "unit_objectives": "After this lesson you can",
    "after_page": "After this page you can", "pass_mark": "Pass mark", "questions_count": "questions",
    "start": "Start the module", "previous": "Previous", "next": "Next", "of": "of", "related": "See also",
    "synonyms": "Also", "see_also": "See also", "definition": "Definition", "matrix": "Competences by module",
    "matrix_intro": "Which module trains which competence? A row per competence, a column per module.",
    "yes": "yes", "no": "no", "filter_theme": "Theme", "filter_audience": "Audience",
    "filter_competence": "Competence", "filter_all": "All", "filter_count": "shown",
    "quiz_intro": "Answer the questions and press Check. You need {mark}% of the points to pass.",
    "check": "Check", "retry": "Try again", "answer_and_explanation": "Answer and explanation",
    "question_n": "Question {n}", "correct": "Correct", "incorrect": "Incorrect", "true": "True", "false": "False",
    "your_answer": "Your answer", "accepted_answers": "Accepted answers", "model_answer": "Model answer",
    "choose": "Choose…", "position": "Position", "order_help": "Give each item its position in the order.",
    "match_help": "For each item on the left, choose the matching answer.", "correct_order": "Correct order",
    "correct_pairs": "Correct pairs", "open_help": "Write your answer, then compare it with the model answer. "
    "This question does not count towards the score.", "show_profile": "Show my profile",
    "reference": "Reference score", "instrument_help": "For each statement, choose the answer that fits best. "
    "There is no right or wrong: you get a profile.", "progress_intro": "Your progress is kept in this browser only.",
    "noscript_progress": "Your progress needs JavaScript.", "self_check": "Check yourself",
    "modules_training": "Modules that train this competence", "used_in_modules": "Used in modules",
    "all_terms": "All terms from A to Z.", "no_items": "No content yet.",
    "dialogue": "Conversation", "dialogues": "Conversations", "dlg_roles": "Who takes part",
    "dlg_situation": "The situation", "dlg_play": "Practise the conversation", "dlg_narrator": "Narrator",
    "dlg_noscript": "Below is the whole conversation: every step, every choice with its feedback and where it "
                    "leads. With JavaScript on you play it step by step.",
    "dlg_step": "Step {n}", "dlg_leads_to": "Continues at step {n}", "dlg_end": "End",
    "dlg_outcome_claim": "a conversation about the claim", "dlg_outcome_breed": "a broad conversation",
    "dlg_outcome_plan": "a conversation with a plan on the ladder",
    "dlg_write": "Which choice would you make here, and why?",
    "dlg_you": "You",
}


def labels_for(language: str | None) -> dict[str, str]:
    """The UI strings for a site language (`nl` unless it is English)."""
    return EN if (language or "nl").lower().startswith("en") else NL


#: Strings of `assets/werkplaats.js` by widget; "core" goes with every group. "{name}" is filled in by the script.
#: "dialogue" holds those of `assets/dialogue.js` (the player and its list on "Mijn voortgang"); its keys start with
#: `dlg_` because every group on a page shares one table.
BROWSER: dict[str, dict[str, dict[str, str]]] = {
    "nl": {
        "core": {
            "broken": "Een deel van je opgeslagen werk is beschadigd en wordt niet gebruikt.",
            "repair": "Herstel: wis alleen dit deel", "failed": "Dit onderdeel kon niet starten.",
            "full": "Je browser kon je werk niet bewaren (de opslag is vol of uitgeschakeld). "
                    "Wat je hier doet, is weg als je de pagina sluit.",
            "of": "{n} van {m}",
        },
        "quiz": {
            "correct": "Goed", "incorrect": "Niet goed", "unanswered": "Niet beantwoord",
            "open": "Vergelijk je antwoord met het modelantwoord", "parts": "{n} van {m} goed", "rowok": "goed",
            "rowbad": "niet goed", "missed": "Je hebt niet alle goede antwoorden gekozen.", "point": "punt",
            "points": "punten", "score": "Je score: {s} van {m} {u} ({p}%).",
            "passed": "Geslaagd: je hebt de cesuur van {mark}% gehaald.",
            "failed": "Nog niet geslaagd: je hebt {mark}% nodig. Lees de uitleg en probeer het opnieuw.",
            "practice": "Een oefening zonder cesuur: de score telt nergens mee.",
            "onlyopen": "Vergelijk je antwoorden met de modelantwoorden.",
            "tally": "Fout: {w}. Niet beantwoord: {u}.", "allright": "Alle vragen goed.",
            "review": "Bekijk deze vragen opnieuw", "toprogress": "Naar Mijn voortgang",
            "changed": "Gewijzigd sinds je het maakte: deze vraag is aangepast, dus je oude antwoord staat er niet "
                       "meer. Beantwoord hem opnieuw.",
            "changedshort": "(gewijzigd sinds je het maakte)",
            "last": "Je laatste resultaat: {p}% ({s} van {m}) op {d}.",
        },
        "instrument": {
            "profile": "Je profiel", "dim": "Onderdeel", "mean": "Gemiddelde", "ref": "Referentie",
            "diff": "Verschil", "answered": "Beantwoord", "low": "Laagste", "high": "Hoogste", "n": "Aantal",
            "caption": "Gemiddelde score per onderdeel (schaal {lo} tot {hi})",
            "missing": "Nog niet beantwoord: {n} van {m} uitspraken. Het profiel rekent alleen met je antwoorden.",
            "none": "Beantwoord eerst een of meer uitspraken.", "print": "Afdrukken", "csv": "Download CSV",
            "json": "Download JSON", "share": "Je deelcode",
            "sharehelp": "Let op: de deelcode bevat elk antwoord dat je gaf. Geef hem alleen aan je team als je "
                         "dat wilt; met de codes van iedereen maakt het team een teamprofiel.",
            "copy": "Kopieer code", "copied": "Gekopieerd.", "team": "Teamprofiel",
            "teamhelp": "Plak de deelcodes van je teamleden, één per regel, en maak een profiel van het team.",
            "codes": "Deelcodes", "maketeam": "Maak teamprofiel", "teamof": "Teamprofiel van {n} deelnemers.",
            "teamof1": "Teamprofiel van 1 deelnemer.", "teamnone": "Geen geldige deelcodes gevonden.",
            "bad": "Regel {n} is geen geldige deelcode.",
            "other": "Regel {n} hoort bij een ander instrument of een andere versie.",
            "empty": "Regel {n} bevat geen geldige antwoorden.",
            "dup": "Regel {n} herhaalt een eerdere code en telt één keer.",
            "teamcaption": "Teamscore per onderdeel: gemiddelde, laagste en hoogste (schaal {lo} tot {hi})",
            "csvhead": "onderdeel,titel,gemiddelde,referentie,beantwoord,uitspraken",
        },
        "progress": {
            "overview": "Studieoverzicht", "modcap": "Leermodules en toetsen", "date": "Datum", "name": "Naam",
            "yourname": "Je naam op het overzicht", "module": "Leermodule", "load": "Studielast", "hours": "uur",
            "lessons": "Lessen bekeken", "quiz": "Toets", "result": "Resultaat", "notstarted": "Niet begonnen",
            "busy": "Bezig", "done": "Gemaakt", "passedshort": "Geslaagd", "failedshort": "Nog niet geslaagd",
            "changedshort": "gewijzigd sinds je het maakte", "tries": "pogingen: {n} · beste: {b}%",
            "checks": "Test jezelf",
            "checkcap": "Resultaten van Test jezelf in de lessen", "where": "Les",
            "instruments": "Instrumenten", "filled": "ingevuld op {d}", "notfilled": "nog niet ingevuld",
            "printreport": "Overzicht afdrukken", "export": "Voortgang exporteren",
            "import": "Voortgang importeren", "reset": "Voortgang wissen",
            "confirm": "Al je antwoorden en resultaten in deze browser wissen?", "wiped": "Je voortgang is gewist.",
            "imported": "Voortgang geïmporteerd. Toegevoegd of bijgewerkt: toetsresultaten {q}, instrumenten {i}, "
                        "lessen {l}, andere onderdelen {o}.",
            "refused": "{e} Er is niets veranderd.",
            "badfile": "Dit bestand is geen export van Mijn voortgang.",
            "badversion": "Dit bestand komt uit een onbekende versie ({v}).",
            "baditem": "Dit bestand is geweigerd: het onderdeel ‘{k}’ klopt niet.",
            "toobig": "Dit bestand is groter dan 1 MB en is geen export van Mijn voortgang.",
            "importfull": "De opslag van je browser is te vol voor dit bestand.",
            "exported": "Je voortgang is als bestand opgeslagen.",
        },
        "filter": {"shown": "{n} van {m} getoond"},
        "dialogue": {
            "dlg_say": "Wat zeg je?", "dlg_again": "Opnieuw", "dlg_tally": "Je score per competentie",
            "dlg_route": "Jouw route", "dlg_other": "Had je gezegd",
            "dlg_reset": "Je bewaarde gesprek past niet bij deze versie van het gesprek; je begint opnieuw.",
            "dlg_none": "nog niet begonnen", "dlg_busy": "bezig (keuzes gemaakt: {n})",
            "dlg_done": "afgerond op {d}: {v}",
        },
    },
    "en": {
        "core": {
            "broken": "Part of your saved work is damaged and is not used.",
            "repair": "Repair: clear this part only", "failed": "This part could not start.",
            "full": "Your browser could not save your work (storage is full or switched off). "
                    "What you do here is lost when you close the page.",
            "of": "{n} of {m}",
        },
        "quiz": {
            "correct": "Correct", "incorrect": "Incorrect", "unanswered": "Not answered",
            "open": "Compare your answer with the model answer", "parts": "{n} of {m} correct", "rowok": "correct",
            "rowbad": "incorrect", "missed": "You did not choose all correct answers.", "point": "point",
            "points": "points", "score": "Your score: {s} of {m} {u} ({p}%).",
            "passed": "Passed: you reached the pass mark of {mark}%.",
            "failed": "Not passed yet: you need {mark}%. Read the explanations and try again.",
            "practice": "A practice check without a pass mark: the score does not count.",
            "onlyopen": "Compare your answers with the model answers.",
            "tally": "Incorrect: {w}. Not answered: {u}.", "allright": "All questions correct.",
            "review": "Look at these questions again", "toprogress": "Go to My progress",
            "changed": "Changed since you answered it: this question was revised, so your old answer is not shown. "
                       "Answer it again.",
            "changedshort": "(changed since you took it)",
            "last": "Your last result: {p}% ({s} of {m}) on {d}.",
        },
        "instrument": {
            "profile": "Your profile", "dim": "Dimension", "mean": "Mean", "ref": "Reference", "diff": "Difference",
            "answered": "Answered", "low": "Lowest", "high": "Highest", "n": "Count",
            "caption": "Mean score per dimension (scale {lo} to {hi})",
            "missing": "Not answered yet: {n} of {m} statements. The profile uses your answers only.",
            "none": "Answer one or more statements first.", "print": "Print", "csv": "Download CSV",
            "json": "Download JSON", "share": "Your share code",
            "sharehelp": "Note: the share code contains every answer you gave. Give it to your team only if you "
                         "want to; with everyone's codes the team makes a team profile.",
            "copy": "Copy code", "copied": "Copied.", "team": "Team profile",
            "teamhelp": "Paste your team members' share codes, one per line, and make a profile of the team.",
            "codes": "Share codes", "maketeam": "Make team profile", "teamof": "Team profile of {n} members.",
            "teamof1": "Team profile of 1 member.", "teamnone": "No valid share codes found.",
            "bad": "Line {n} is not a valid share code.",
            "other": "Line {n} belongs to another instrument or another version.",
            "empty": "Line {n} has no valid answers.", "dup": "Line {n} repeats an earlier code and counts once.",
            "teamcaption": "Team score per dimension: mean, lowest and highest (scale {lo} to {hi})",
            "csvhead": "dimension,title,mean,reference,answered,items",
        },
        "progress": {
            "overview": "Study record", "modcap": "Modules and quizzes", "date": "Date", "name": "Name",
            "yourname": "Your name on the record", "module": "Module", "load": "Study load", "hours": "hours",
            "lessons": "Lessons seen", "quiz": "Quiz", "result": "Result", "notstarted": "Not started",
            "busy": "In progress", "done": "Done", "passedshort": "Passed", "failedshort": "Not passed yet",
            "changedshort": "changed since you took it", "tries": "attempts: {n} · best: {b}%",
            "checks": "Check yourself",
            "checkcap": "Results of Check yourself in the lessons", "where": "Lesson",
            "instruments": "Instruments", "filled": "filled in on {d}", "notfilled": "not filled in yet",
            "printreport": "Print record", "export": "Export progress", "import": "Import progress",
            "reset": "Clear progress", "confirm": "Clear all your answers and results in this browser?",
            "wiped": "Your progress has been cleared.",
            "imported": "Progress imported. Added or updated: quiz results {q}, instruments {i}, lessons {l}, "
                        "other parts {o}.",
            "refused": "{e} Nothing was changed.", "badfile": "This file is not an export of My progress.",
            "badversion": "This file comes from an unknown version ({v}).",
            "baditem": "This file was refused: the part ‘{k}’ is not valid.",
            "toobig": "This file is larger than 1 MB and is not an export of My progress.",
            "importfull": "Your browser's storage is too full for this file.",
            "exported": "Your progress has been saved as a file.",
        },
        "filter": {"shown": "{n} of {m} shown"},
        "dialogue": {
            "dlg_say": "What do you say?", "dlg_again": "Start again", "dlg_tally": "Your score per competence",
            "dlg_route": "Your route", "dlg_other": "Had you said",
            "dlg_reset": "Your saved conversation does not fit this version of the conversation; you start again.",
            "dlg_none": "not started", "dlg_busy": "in progress (choices made: {n})",
            "dlg_done": "finished on {d}: {v}",
        },
    },
}


def browser_json(language: str, group: str) -> str:
    """The core strings and those of one group as JSON for a single-quoted HTML attribute (`data-wp-strings`)."""
    table = BROWSER[language]
    data = {**table["core"], **table[group]}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


for _language, _labels in (("nl", NL), ("en", EN)):
    _labels["multiple_help"] = {"nl": "Meer antwoorden mogelijk.", "en": "More than one answer possible."}[_language]
    BROWSER[_language]["dialogue"]["dialogues"] = _labels["dialogues"]  # the heading of its list on Mijn voortgang
    for _group in ("core", "quiz", "instrument", "progress", "filter", "dialogue"):
        _labels[f"js_{_group}"] = browser_json(_language, _group)


# -- "Mijn ontwikkeling" (issue #16): page labels and the strings of assets/pop.js ------------------------------------
POP_PAGE_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "pop_title": "Mijn ontwikkeling",
        "pop_intro": "Hier zie je per competentie hoe je jezelf beoordeelt, welk bewijs je hebt en aan welke doelen "
                     "je werkt. Alles blijft in deze browser, tot je het zelf exporteert of afdrukt.",
        "pop_section": "Mijn ontwikkeling",
        "pop_see": "Je zelfbeoordeling per competentie, je bewijs en je ontwikkeldoelen staan op",
        "pop_new_note": "Nieuw bewijs schrijven",
        "pop_section_intro": "Beoordeel jezelf op de indicatoren hierboven, verzamel bewijs en stel een "
                             "ontwikkeldoel. Dit blijft in deze browser; het overzicht staat op",
        "pop_rate": "Zelfbeoordeling",
        "pop_rate_help": "Hoe vaak laat je dit gedrag zien? Een niveau heb je bereikt als je bij alle indicatoren "
                         "van dat niveau ‘meestal’ of ‘altijd’ kiest en het niveau eronder ook hebt bereikt.",
        "pop_scale_0": "nog niet",
        "pop_scale_1": "soms",
        "pop_scale_2": "meestal",
        "pop_scale_3": "altijd",
        "pop_evidence": "Bewijs",
        "pop_notes": "Eigen bewijs (STARR)",
        "pop_note_help": "Beschrijf kort een situatie uit je stage of werk waarin je deze competentie liet zien.",
        "pop_situation": "Situatie",
        "pop_task": "Taak",
        "pop_action": "Actie",
        "pop_result": "Resultaat",
        "pop_reflection": "Reflectie",
        "pop_date": "Datum",
        "pop_add_note": "Bewaar bewijs",
        "pop_goal": "Ontwikkeldoel",
        "pop_goal_help": "Maak je doel concreet: wat ga je doen, hoe, wanneer is het af en met wie werk je samen?",
        "pop_what": "Wat wil je leren of laten zien?",
        "pop_how": "Hoe ga je dat doen?",
        "pop_when": "Wanneer is het af?",
        "pop_who": "Met wie?",
        "pop_add_goal": "Bewaar doel",
        "pop_noscript": "Voor de zelfbeoordeling is JavaScript nodig.",
        "pop_print_blank": "Zelfbeoordeling op papier",
        "pop_paper_intro": "Zet per indicator een kruisje. Een niveau heb je bereikt als je bij alle indicatoren van "
                           "dat niveau ‘meestal’ of ‘altijd’ kruist en het niveau eronder ook hebt bereikt.",
        "pop_todo": "Leeractiviteiten voor dit doel",
        "pop_none": "nog geen niveau",
        "pop_yourname": "Je naam op het ontwikkelplan",
        "pop_overview": "Overzicht per cluster",
        "pop_plan": "Mijn ontwikkelplan per competentie",
        "pop_level": "Niveau",
        "pop_goals": "Doelen",
        "pop_chart": "Zelfbeoordeeld niveau per competentie (van nog geen niveau tot vakvolwassen)",
        "pop_print": "POP afdrukken",
        "pop_export": "POP exporteren",
        "pop_import": "POP importeren",
        "pop_reset": "POP wissen",
        "pop_snap": "Bewaar momentopname",
        "pop_indicator": "Indicator",
        "pop_name": "Naam",
        "pop_coach": "Opmerkingen van de coach",
        "pop_paper_goal": "Mijn ontwikkeldoel (wat, hoe, wanneer, met wie)",
        "pop_paper_evidence": "Mijn bewijs (situatie, taak, actie, resultaat, reflectie)",
    },
    "en": {
        "pop_title": "My development",
        "pop_intro": "Here you see, per competence, how you rate yourself, what evidence you have and which goals "
                     "you work on. Everything stays in this browser until you export or print it yourself.",
        "pop_section": "My development",
        "pop_see": "Your self-assessment per competence, your evidence and your development goals are on",
        "pop_new_note": "Write new evidence",
        "pop_section_intro": "Rate yourself on the indicators above, collect evidence and set a development goal. "
                             "This stays in this browser; the overview is on",
        "pop_rate": "Self-assessment",
        "pop_rate_help": "How often do you show this behaviour? You reach a level when you choose ‘mostly’ or "
                         "‘always’ for every indicator of that level and have reached the level below.",
        "pop_scale_0": "not yet",
        "pop_scale_1": "sometimes",
        "pop_scale_2": "mostly",
        "pop_scale_3": "always",
        "pop_evidence": "Evidence",
        "pop_notes": "Own evidence (STARR)",
        "pop_note_help": "Briefly describe a situation from your placement or work in which you showed this "
                         "competence.",
        "pop_situation": "Situation",
        "pop_task": "Task",
        "pop_action": "Action",
        "pop_result": "Result",
        "pop_reflection": "Reflection",
        "pop_date": "Date",
        "pop_add_note": "Save evidence",
        "pop_goal": "Development goal",
        "pop_goal_help": "Make your goal concrete: what will you do, how, when is it done and with whom do you work?",
        "pop_what": "What do you want to learn or show?",
        "pop_how": "How will you do it?",
        "pop_when": "When is it done?",
        "pop_who": "With whom?",
        "pop_add_goal": "Save goal",
        "pop_noscript": "The self-assessment needs JavaScript.",
        "pop_print_blank": "Self-assessment on paper",
        "pop_paper_intro": "Tick one box per indicator. You reach a level when you tick ‘mostly’ or ‘always’ for "
                           "every indicator of that level and have reached the level below.",
        "pop_todo": "Learning activities for this goal",
        "pop_none": "no level yet",
        "pop_yourname": "Your name on the development plan",
        "pop_overview": "Overview by cluster",
        "pop_plan": "My development plan per competence",
        "pop_level": "Level",
        "pop_goals": "Goals",
        "pop_chart": "Self-rated level per competence (from no level yet to vakvolwassen)",
        "pop_print": "Print development plan",
        "pop_export": "Export development plan",
        "pop_import": "Import development plan",
        "pop_reset": "Clear development plan",
        "pop_snap": "Save snapshot",
        "pop_indicator": "Indicator",
        "pop_name": "Name",
        "pop_coach": "Coach's remarks",
        "pop_paper_goal": "My development goal (what, how, when, with whom)",
        "pop_paper_evidence": "My evidence (situation, task, action, result, reflection)",
    },
}

#: Strings of `assets/pop.js` (keys start with "p" so they never meet another widget's keys in the page).
POP_BROWSER: dict[str, dict[str, str]] = {
    "nl": {
        "pLevel": "Je niveau nu: {l}",
        "pNone": "nog geen niveau",
        "pCount": "{n} van {m} indicatoren op ‘meestal’ of ‘altijd’",
        "pChanged": "Deze indicator is aangepast sinds je hem beoordeelde (je koos toen ‘{v}’). Beoordeel hem "
                    "opnieuw.",
        "pSnaps": "Momentopnamen",
        "pSnapped": "Momentopname bewaard.",
        "pNoEv": "Nog geen bewijs. Doe een module, casus, gesprek of instrument hieronder, of schrijf eigen bewijs.",
        "pQuiz": "Toets gehaald: {title}",
        "pCase": "Casus gelezen: {title}",
        "pCheck": "Test jezelf in {title}: {s} van {m} goed",
        "pInst": "Instrument ingevuld: {title}",
        "pDlg": "Gesprek geoefend: {title} ({v}; score {s})",
        "pUnits": "Alle lessen gelezen: {title}",
        "pSaved": "Bewaard.",
        "pDel": "Verwijder",
        "pDeleted": "Verwijderd.",
        "pMissing": "Je doel is nog niet concreet genoeg: {e}",
        "pNeedWhat": "beschrijf wat je wilt leren in minstens drie woorden",
        "pNeedHow": "schrijf hoe je het aanpakt",
        "pNeedWhen": "kies een datum vanaf vandaag",
        "pNeedWho": "schrijf met wie je werkt",
        "pNeedNote": "Vul minstens situatie, actie en reflectie in, en een datum.",
        "pNotSaved": "Niet bewaard: de opslag van je browser weigert het.",
        "pConfirm": "Je hele ontwikkelplan in deze browser wissen?",
        "pReplace": "Je huidige ontwikkelplan vervangen door dat uit het bestand?",
        "pWiped": "Je ontwikkelplan is gewist.",
        "pImported": "Ontwikkelplan geïmporteerd: {n} competenties.",
        "pExported": "Je ontwikkelplan is als bestand opgeslagen.",
        "pRefused": "Dit bestand is geweigerd: {e} Er is niets veranderd.",
        "pBadFormat": "het is geen export van Mijn ontwikkeling.",
        "pBadVersion": "het komt uit een onbekende versie ({v}).",
        "pBadPart": "het onderdeel ‘{k}’ klopt niet.",
        "pTooBig": "het is groter dan 1 MB.",
        "pWhen": "uiterlijk {d}",
        "pWith": "met {w}",
        "pNoGoal": "Nog geen doel.",
        "pStale": "Een deel van je opgeslagen ontwikkelplan klopt niet en wordt niet gebruikt.",
    },
    "en": {
        "pLevel": "Your level now: {l}",
        "pNone": "no level yet",
        "pCount": "{n} of {m} indicators at ‘mostly’ or ‘always’",
        "pChanged": "This indicator was changed since you rated it (you chose ‘{v}’ then). Rate it again.",
        "pSnaps": "Snapshots",
        "pSnapped": "Snapshot saved.",
        "pNoEv": "No evidence yet. Do a module, case, dialogue or instrument below, or write your own evidence.",
        "pQuiz": "Quiz passed: {title}",
        "pCase": "Case read: {title}",
        "pCheck": "Check yourself in {title}: {s} of {m} correct",
        "pInst": "Instrument filled in: {title}",
        "pDlg": "Dialogue practised: {title} ({v}; score {s})",
        "pUnits": "All lessons read: {title}",
        "pSaved": "Saved.",
        "pDel": "Delete",
        "pDeleted": "Deleted.",
        "pMissing": "Your goal is not concrete enough yet: {e}",
        "pNeedWhat": "describe what you want to learn in at least three words",
        "pNeedHow": "write how you will go about it",
        "pNeedWhen": "choose a date from today on",
        "pNeedWho": "write with whom you work",
        "pNeedNote": "Fill in at least situation, action and reflection, and a date.",
        "pNotSaved": "Not saved: your browser's storage refuses it.",
        "pConfirm": "Clear your whole development plan in this browser?",
        "pReplace": "Replace your current development plan with the one in the file?",
        "pWiped": "Your development plan has been cleared.",
        "pImported": "Development plan imported: {n} competences.",
        "pExported": "Your development plan has been saved as a file.",
        "pRefused": "This file was refused: {e} Nothing was changed.",
        "pBadFormat": "it is not an export of My development.",
        "pBadVersion": "it comes from an unknown version ({v}).",
        "pBadPart": "the part ‘{k}’ is not valid.",
        "pTooBig": "it is larger than 1 MB.",
        "pWhen": "by {d}",
        "pWith": "with {w}",
        "pNoGoal": "No goal yet.",
        "pStale": "Part of your saved development plan is not valid and is not used.",
    },
}

# -- exam mode, attempts, timer and Herhalen (issue #15; the browser part is assets/exam.js) -------------------------
_EXAM_PAGE = {
    "nl": {
        "review": "Herhalen", "review_intro": "Vragen die je fout had, of goed maar met twijfel, komen hier terug: "
        "eerst na een dag, daarna na 3, 7, 14 en 30 dagen zolang je ze goed beantwoordt.",
        "review_noscript": "Voor Herhalen is JavaScript nodig.", "exam_mode": "Toetsmodus",
        "exam_intro": "Je krijgt pas feedback als je de toets inlevert. Je hebt {mark}% van de punten nodig om "
        "te slagen.", "exam_draw": "Elke poging krijgt {n} vragen uit een grotere vragenbank.",
        "exam_attempts": "Je hebt {n} pogingen.",
        "exam_time": "Richttijd: {n} minuten. De klok loopt alleen in je browser en is een hulpmiddel, geen harde "
        "grens.",
    },
    "en": {
        "review": "Review", "review_intro": "Questions you got wrong, or right but with doubt, come back here: "
        "first after a day, then after 3, 7, 14 and 30 days as long as you answer them correctly.",
        "review_noscript": "Review needs JavaScript.", "exam_mode": "Exam mode",
        "exam_intro": "You get feedback only when you hand in the test. You need {mark}% of the points to pass.",
        "exam_draw": "Each attempt gets {n} questions from a larger question bank.",
        "exam_attempts": "You have {n} attempts.",
        "exam_time": "Suggested time: {n} minutes. The clock runs only in your browser and is an aid, not a hard "
        "limit.",
    },
}
#: The browser's strings of exam mode and Herhalen (assets/exam.js); they join the "quiz" group of BROWSER.
EXAM_BROWSER: dict[str, dict[str, str]] = {
    "nl": {
        "submit": "Inleveren", "unanswered_n": "Je hebt {n} van de {m} vragen nog niet beantwoord.",
        "submit_anyway": "Toch inleveren", "go_on": "Verder met de toets",
        "attempt": "Poging {n}", "attempt_of": "Poging {n} van {m}",
        "scores": "Pogingen ingeleverd: {n}. Beste score: {b}%. Laatste score: {l}%.",
        "no_attempts": "Je hebt alle {m} pogingen gebruikt. Je beste score was {b}%.",
        "new_attempt": "Nieuwe poging", "read_again": "Lees terug: {t}",
        "time_left": "Resterende tijd: {t}", "minutes_left": "Nog {n} minuten.", "minute_left": "Nog 1 minuut.",
        "time_up": "De tijd is om: je toets is ingeleverd.", "extra": "Ik heb recht op extra tijd (+{n} minuten)",
        "doubt": "Ik twijfelde", "due_n": "Vandaag te herhalen: {n} vragen.", "due_1": "Vandaag te herhalen: 1 vraag.",
        "due_0": "Vandaag niets te herhalen.", "to_review": "Naar Herhalen",
        "review_none": "Je hebt vandaag niets te herhalen. Vragen die je fout hebt, komen hier vanzelf terug.",
        "review_moved": "Een bak verder: {r}. Terug naar bak 1: {w}.",
    },
    "en": {
        "submit": "Hand in", "unanswered_n": "You have not answered {n} of the {m} questions yet.",
        "submit_anyway": "Hand in anyway", "go_on": "Back to the test",
        "attempt": "Attempt {n}", "attempt_of": "Attempt {n} of {m}",
        "scores": "Attempts handed in: {n}. Best score: {b}%. Last score: {l}%.",
        "no_attempts": "You have used all {m} attempts. Your best score was {b}%.",
        "new_attempt": "New attempt", "read_again": "Read again: {t}",
        "time_left": "Time left: {t}", "minutes_left": "{n} minutes left.", "minute_left": "1 minute left.",
        "time_up": "Time is up: your test has been handed in.", "extra": "I am entitled to extra time (+{n} minutes)",
        "doubt": "I was unsure", "due_n": "To review today: {n} questions.", "due_1": "To review today: 1 question.",
        "due_0": "Nothing to review today.", "to_review": "Go to Review",
        "review_none": "You have nothing to review today. Questions you get wrong come back here by themselves.",
        "review_moved": "Up a box: {r}. Back to box 1: {w}.",
    },
}


def pop_strings(language: str) -> str:
    """The strings of pop.js (with the level names, the scale and werkplaats.js's core strings) as JSON for a
    single-quoted HTML attribute (`data-wp-strings`)."""
    lang = "en" if language == "en" else "nl"
    page = POP_PAGE_LABELS[lang]
    data = {**BROWSER[lang]["core"], **POP_BROWSER[lang], "pL0": POP_BROWSER[lang]["pNone"],
            "pL1": NL["startbekwaam"], "pL2": NL["vakbekwaam"], "pL3": NL["vakvolwassen"],
            **{f"pS{i}": page[f"pop_scale_{i}"] for i in range(4)},
            **{f"p_{f}": page[f"pop_{f}"] for f in ("situation", "task", "action", "result", "reflection")}}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


for _lang, _table in (("nl", NL), ("en", EN)):
    _table.update(POP_PAGE_LABELS[_lang])
    _table["js_pop"] = pop_strings(_lang)
for _lang, _table in (("nl", NL), ("en", EN)):
    _table.update(_EXAM_PAGE[_lang])
    BROWSER[_lang]["quiz"].update(EXAM_BROWSER[_lang])
    _table["js_quiz"] = _table["js_exam"] = browser_json(_lang, "quiz")
