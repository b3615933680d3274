"""UI strings of the generated pages, in Dutch and English (chosen by `theme.language`)."""

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
    "objectives": "Learning objectives", "prerequisites": "Prerequisites", "unit_objectives": "After this lesson you can",
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
}


def labels_for(language: str | None) -> dict[str, str]:
    """The UI strings for a site language (`nl` unless it is English)."""
    return EN if (language or "nl").lower().startswith("en") else NL


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
#: The browser's strings of exam mode and Herhalen, as JSON in `data-wp-strings` (group "exam").
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


def exam_json(language: str) -> str:
    """The exam strings as JSON for a single-quoted HTML attribute (`data-wp-strings`)."""
    text = json.dumps(EXAM_BROWSER[language], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


for _lang, _table in (("nl", NL), ("en", EN)):
    _table.update(_EXAM_PAGE[_lang])
    _table["js_exam"] = exam_json(_lang)
