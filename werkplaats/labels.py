"""UI strings of the generated pages and of the browser script, in Dutch and English (chosen by `theme.language`).

This is the one place for UI text. The browser's strings (`BROWSER`) reach `assets/werkplaats.js` as JSON in the
page: each widget template (quiz, instrument, progress, filter) emits
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
    "unit": "Les", "units": "Lessen", "quiz": "Toets", "progress": "Mijn voortgang",
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
    "dlg_say": "Wat zeg je?", "dlg_again": "Opnieuw", "dlg_tally": "Je score per competentie",
    "dlg_route": "Jouw route", "dlg_other": "Had je gezegd", "dlg_you": "Jij",
    "dlg_reset": "Je bewaarde gesprek past niet bij deze versie van het gesprek; je begint opnieuw.",
    "dlg_none": "nog niet begonnen", "dlg_busy": "bezig ({n} keuzes gemaakt)", "dlg_done": "afgerond op {d}: {v}",
}

EN: dict[str, str] = {
    **NL,
    "method": "Method", "methods": "Methods", "competence": "Competence", "competences": "Competences",
    "knowledge_circle": "Knowledge circle", "knowledge_circles": "Knowledge circles", "case": "Case",
    "cases": "Cases", "module": "Module", "modules": "Modules", "term": "Term", "terms": "Glossary",
    "unit": "Lesson", "units": "Lessons", "quiz": "Quiz", "progress": "My progress", "goal": "Goal",
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
    "dlg_say": "What do you say?", "dlg_again": "Start again", "dlg_tally": "Your score per competence",
    "dlg_route": "Your route", "dlg_other": "Had you said", "dlg_you": "You",
    "dlg_reset": "Your saved conversation does not fit this version of the conversation; you start again.",
    "dlg_none": "not started", "dlg_busy": "in progress ({n} choices made)", "dlg_done": "finished on {d}: {v}",
}


def labels_for(language: str | None) -> dict[str, str]:
    """The UI strings for a site language (`nl` unless it is English)."""
    return EN if (language or "nl").lower().startswith("en") else NL


#: Strings of `assets/werkplaats.js` by widget; "core" goes with every group. "{name}" is filled in by the script.
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
            "changedshort": "gewijzigd sinds je het maakte", "checks": "Test jezelf",
            "checkcap": "Resultaten van Test jezelf in de lessen", "where": "Les",
            "instruments": "Instrumenten", "filled": "ingevuld op {d}", "notfilled": "nog niet ingevuld",
            "printreport": "Overzicht afdrukken", "export": "Voortgang exporteren",
            "import": "Voortgang importeren", "reset": "Voortgang wissen",
            "confirm": "Al je antwoorden en resultaten in deze browser wissen?", "wiped": "Je voortgang is gewist.",
            "imported": "Voortgang geïmporteerd: {q} toetsresultaten, {i} instrumenten, {l} lessen en {o} andere "
                        "onderdelen toegevoegd of bijgewerkt.",
            "refused": "{e} Er is niets veranderd.",
            "badfile": "Dit bestand is geen export van Mijn voortgang.",
            "badversion": "Dit bestand komt uit een onbekende versie ({v}).",
            "baditem": "Dit bestand is geweigerd: het onderdeel ‘{k}’ klopt niet.",
            "toobig": "Dit bestand is groter dan 1 MB en is geen export van Mijn voortgang.",
            "importfull": "De opslag van je browser is te vol voor dit bestand.",
            "exported": "Je voortgang is als bestand opgeslagen.",
        },
        "filter": {"shown": "{n} van {m} getoond"},
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
            "changedshort": "changed since you took it", "checks": "Check yourself",
            "checkcap": "Results of Check yourself in the lessons", "where": "Lesson",
            "instruments": "Instruments", "filled": "filled in on {d}", "notfilled": "not filled in yet",
            "printreport": "Print record", "export": "Export progress", "import": "Import progress",
            "reset": "Clear progress", "confirm": "Clear all your answers and results in this browser?",
            "wiped": "Your progress has been cleared.",
            "imported": "Progress imported: {q} quiz results, {i} instruments, {l} lessons and {o} other parts "
                        "added or updated.",
            "refused": "{e} Nothing was changed.", "badfile": "This file is not an export of My progress.",
            "badversion": "This file comes from an unknown version ({v}).",
            "baditem": "This file was refused: the part ‘{k}’ is not valid.",
            "toobig": "This file is larger than 1 MB and is not an export of My progress.",
            "importfull": "Your browser's storage is too full for this file.",
            "exported": "Your progress has been saved as a file.",
        },
        "filter": {"shown": "{n} of {m} shown"},
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
    for _group in ("core", "quiz", "instrument", "progress", "filter"):
        _labels[f"js_{_group}"] = browser_json(_language, _group)
