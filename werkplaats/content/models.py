"""The content model: one typed model per content type, in one place.

Everything else derives from these classes: validation messages, the JSON Schemas (`werkplaats schema`), the
generated pages and the exports. Field names are English (they are code); the `title` and `description` of each
field are Dutch, because they are what a lecturer sees in an editor's YAML support.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, WithJsonSchema, field_validator, model_validator

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=80,
        description="Unieke sleutel: kleine letters, cijfers en streepjes, bijvoorbeeld `meneer-bakker`.",
    ),
]
Text = Annotated[str, Field(min_length=1, description="Tekst in Markdown.")]
Line = Annotated[str, Field(min_length=1)]
#: A 1-based number of one of the module's objectives ("Leerdoel 1" on the site). The range depends on the module,
#: so the loader checks it (with a message that names the range) rather than the model.
ObjectiveNumber = Annotated[StrictInt, WithJsonSchema({"type": "integer", "minimum": 1})]


class Model(BaseModel):
    """Base of every content model: unknown fields are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=False)


class Item(Model):
    """Fields every content item has."""

    id: Id = Field(title="Id")
    title: Line = Field(title="Titel", description="De titel zoals die op de site staat.")
    summary: str = Field("", title="Samenvatting", description="Eén of twee zinnen voor overzichten en zoeken.")
    themes: list[Line] = Field(default_factory=list, title="Thema's", description="Thema's om op te filteren.")
    body: str = Field("", title="Tekst", description="De Markdown-tekst onder de front matter.")


class Method(Item):
    """Methodiek: an intervention described in the fields of Movisie's intervention descriptions."""

    goal: Text = Field(title="Doel", description="Wat de methodiek wil bereiken.")
    target_group: Text = Field(title="Doelgroep", description="Voor wie de methodiek is.")
    approach: Text = Field(title="Aanpak", description="Hoe de professional te werk gaat, in stappen.")
    active_elements: list[Line] = Field(
        min_length=1, title="Werkzame elementen", description="Wat de methodiek laat werken."
    )
    professional_role: Text = Field(title="Rol van de professional")
    preconditions: list[Line] = Field(
        default_factory=list, title="Randvoorwaarden", description="Wat nodig is om de methodiek uit te voeren."
    )
    practice: str = Field("", title="Praktijk", description="Waar en met wie de methodiek is ontwikkeld of beproefd.")
    sources: list[Line] = Field(default_factory=list, title="Bronnen")
    circle: Id | None = Field(None, title="Kenniskring", description="Id van de kenniskring waar dit uit voortkomt.")
    cases: list[Id] = Field(default_factory=list, title="Casussen", description="Ids van casussen.")
    competences: list[Id] = Field(default_factory=list, title="Competenties", description="Ids van competenties.")


LEVELS = ("startbekwaam", "vakbekwaam", "vakvolwassen")


class Levels(Model):
    """The three levels of a competence, each with behavioural indicators."""

    startbekwaam: list[Line] = Field(min_length=1, title="Startbekwaam", description="Gedragsindicatoren.")
    vakbekwaam: list[Line] = Field(min_length=1, title="Vakbekwaam", description="Gedragsindicatoren.")
    vakvolwassen: list[Line] = Field(min_length=1, title="Vakvolwassen", description="Gedragsindicatoren.")


class Competence(Item):
    """Competentie in the profile of a Wmo professional."""

    cluster: Line = Field(title="Cluster", description="Groep in het profiel, bijvoorbeeld 'Werken met het netwerk'.")
    description: Text = Field(title="Omschrijving")
    levels: Levels = Field(title="Niveaus")
    methods: list[Id] = Field(default_factory=list, title="Methodieken", description="Ids van methodieken.")


class Activity(Model):
    """What was done where, with whom."""

    where: Line = Field(title="Waar")
    partners: list[Line] = Field(default_factory=list, title="Met wie")
    what: Text = Field(title="Wat")


class KnowledgeCircle(Item):
    """Kenniskring of the Wmo-werkplaats."""

    number: int = Field(ge=1, le=99, title="Nummer", description="Volgorde op de site.")
    theme: Line = Field(title="Thema")
    question: Text = Field(title="Vraag", description="De vraag waar de kenniskring aan werkte.")
    activities: list[Activity] = Field(min_length=1, title="Wat er gebeurde")
    products: list[Line] = Field(min_length=1, title="Producten")
    takeaways: list[Line] = Field(min_length=1, title="Wat je eraan hebt", description="Wat een professional meeneemt.")
    methods: list[Id] = Field(default_factory=list, title="Methodieken")
    instruments: list[Id] = Field(default_factory=list, title="Instrumenten")
    cases: list[Id] = Field(default_factory=list, title="Casussen")


class Ladder(Model):
    """The solution ladder of De Kanteling worked through for one case."""

    own_strength: Text = Field(title="Eigen kracht", description="Wat kan de persoon zelf?")
    network: Text = Field(title="Netwerk", description="Wat kan het netwerk?")
    volunteer: Text = Field(title="Vrijwilliger", description="Wat kunnen vrijwilligers en algemene voorzieningen?")
    professional: Text = Field(title="Professional", description="Wat blijft er voor de professional?")


class Case(Item):
    """Casus: a vignette with its ladder and questions for reflection."""

    person: Line = Field(title="Persoon", description="Wie het is, in een regel (fictief).")
    request: Text = Field(title="Hulpvraag", description="De vraag waarmee de persoon zich meldt.")
    ladder: Ladder = Field(title="De ladder")
    reflection: list[Line] = Field(min_length=1, title="Reflectievragen")
    methods: list[Id] = Field(default_factory=list, title="Methodieken")
    competences: list[Id] = Field(default_factory=list, title="Competenties")
    fictional: bool = Field(True, title="Fictief", description="De persoon is verzonnen.")


class ScaleItem(Model):
    """One statement of an instrument, scored on the instrument's scale."""

    id: Id
    text: Line = Field(title="Uitspraak")
    reverse: bool = Field(False, title="Omgekeerd", description="Een hoge score betekent hier iets ongunstigs.")
    reference: int | None = Field(None, title="Referentiescore", description="De score van een expert.")
    explanation: str = Field("", title="Toelichting bij de referentiescore")


class Dimension(Model):
    """A group of items that gives one score in the profile."""

    id: Id
    title: Line
    description: str = ""
    items: list[ScaleItem] = Field(min_length=1)


class Scale(Model):
    """The answer scale of an instrument (Likert)."""

    min: int = Field(1, title="Laagste score")
    max: int = Field(5, title="Hoogste score")
    labels: list[Line] = Field(min_length=2, title="Labels", description="Een label per score, van laag naar hoog.")

    @model_validator(mode="after")
    def _labels_match(self) -> Scale:
        if self.max <= self.min:
            raise ValueError("max must be greater than min")
        if len(self.labels) != self.max - self.min + 1:
            raise ValueError(f"give one label per score: {self.max - self.min + 1} labels for {self.min}..{self.max}")
        return self


class Instrument(Item):
    """Instrument for self-assessment: dimensions of items on a scale, giving a profile."""

    purpose: Text = Field(title="Doel", description="Waarvoor en door wie het instrument gebruikt wordt.")
    scale: Scale
    dimensions: list[Dimension] = Field(min_length=1)
    case: Id | None = Field(None, title="Casus", description="Een casus die met het instrument gescoord wordt.")
    circle: Id | None = Field(None, title="Kenniskring")


class Option(Model):
    """An answer option of a choice question."""

    text: Line
    correct: bool = False
    feedback: Text = Field(title="Feedback", description="Waarom deze keuze wel of niet klopt.")


class QuestionBase(Model):
    """Fields every question has."""

    id: Id
    text: Text = Field(title="Vraag")
    feedback: str = Field("", title="Algemene feedback", description="Uitleg die na het nakijken verschijnt.")
    points: int = Field(1, ge=0, le=100, title="Punten")
    objectives: list[ObjectiveNumber] = Field(
        default_factory=list, title="Leerdoelen",
        description="Nummers van de leerdoelen van de module die deze vraag toetst (1 is het eerste leerdoel).",
    )
    competences: list[Id] = Field(
        default_factory=list, title="Competenties", description="Ids van de competenties waar de vraag op steunt.",
    )


class ChoiceQuestion(QuestionBase):
    """Single choice (`single`) or multiple response (`multiple`)."""

    type: Literal["single", "multiple"]
    shuffle: bool = Field(True, title="Schudden", description="Opties in willekeurige volgorde tonen.")
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _correct_count(self) -> ChoiceQuestion:
        right = sum(option.correct for option in self.options)
        if right == 0:
            raise ValueError("no option has `correct: true`; mark the right answer")
        if self.type == "single" and right > 1:
            raise ValueError(
                f"a `single` question has {right} options with `correct: true`; mark one, or use `type: multiple`"
            )
        return self


class TrueFalseQuestion(QuestionBase):
    """A statement that is true or false."""

    type: Literal["truefalse"]
    answer: bool = Field(title="Antwoord", description="`true` als de stelling juist is.")
    feedback_true: Text = Field(title="Feedback bij 'juist'")
    feedback_false: Text = Field(title="Feedback bij 'onjuist'")


class FillQuestion(QuestionBase):
    """A short text answer; accepted answers are compared ignoring case, accents and spaces."""

    type: Literal["fill"]
    answers: list[Line] = Field(min_length=1, title="Goede antwoorden")
    feedback_correct: Text
    feedback_incorrect: Text


class Pair(Model):
    """A pair of a matching question."""

    left: Line
    right: Line


class MatchingQuestion(QuestionBase):
    """Match each left item with its right item."""

    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[Pair]) -> list[Pair]:
        for side in ("left", "right"):
            values = [getattr(pair, side) for pair in pairs]
            if len(set(values)) != len(values):
                raise ValueError(f"two pairs have the same `{side}`; every `{side}` must be different")
        return pairs


class OrderingQuestion(QuestionBase):
    """Put the items in the right order (they are written here in that order)."""

    type: Literal["ordering"]
    items: list[Line] = Field(min_length=2, description="In de goede volgorde.")

    @field_validator("items")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        if len(set(items)) != len(items):
            raise ValueError("two items are the same; every item must be different")
        return items


class OpenQuestion(QuestionBase):
    """A reflection question with a model answer to compare with; not scored."""

    type: Literal["open"]
    model_answer: Text = Field(title="Modelantwoord")


Question = Annotated[
    ChoiceQuestion | TrueFalseQuestion | FillQuestion | MatchingQuestion | OrderingQuestion | OpenQuestion,
    Field(discriminator="type"),
]
#: Question fields that say what a question tests; metadata for `werkplaats report`, not shown to learners.
QUESTION_TAGS = ("objectives", "competences")
QUESTION_TYPES = ("single", "multiple", "truefalse", "fill", "matching", "ordering", "open")


class QuestionBank(Model):
    """The `questions.yml` of a module."""

    questions: list[Question] = Field(min_length=1)


class Draw(Model):
    """A pool drawn per learning objective: `per_objective` questions for each objective of the module."""

    per_objective: int = Field(ge=1, le=50, title="Per leerdoel",
                               description="Zoveel vragen per leerdoel (via `objectives` bij de vragen).")


class Quiz(Model):
    """The quiz at the end of a module."""

    pass_mark: int = Field(70, ge=1, le=100, title="Cesuur", description="Percentage van de punten om te slagen.")
    questions: list[Id] | Literal["all"] = Field(
        "all", description="`all` of een lijst met ids uit de vragenbank, in volgorde."
    )
    mode: Literal["exam", "practice"] = Field(
        "exam", title="Modus", description="`exam`: feedback pas na Inleveren, met pogingen en een overzicht; "
        "`practice`: nakijken wanneer de student wil, zoals bij Test jezelf.")
    draw: int | Draw | None = Field(
        None, title="Trekken", description="Een getal (zoveel vragen uit de toetsvragen) of `per_objective: N`; "
        "de browser trekt per poging.")
    attempts: int | None = Field(None, ge=1, le=100, title="Pogingen", description="Het hoogste aantal pogingen.")
    time_limit: int | None = Field(None, ge=1, le=600, title="Tijd",
                                   description="Minuten; een richtlijn die de browser bijhoudt, geen harde grens.")
    extra_time: int = Field(0, ge=0, le=600, title="Extra tijd",
                            description="Minuten die een student met recht op extra tijd erbij kan zetten.")

    @field_validator("draw")
    @classmethod
    def _draw_positive(cls, draw: int | Draw | None) -> int | Draw | None:
        if isinstance(draw, int) and not 1 <= draw <= 500:
            raise ValueError("draw: give a number of questions from 1, or `per_objective: N`")
        return draw

    @model_validator(mode="after")
    def _exam_only(self) -> Quiz:
        if self.mode == "practice":
            used = [name for name in ("attempts", "time_limit") if getattr(self, name) is not None]
            if used:
                raise ValueError(f"`{'` and `'.join(used)}` only work with `mode: exam`; remove them or set "
                                 "`mode: exam`")
        if self.extra_time and self.time_limit is None:
            raise ValueError("`extra_time` adds to `time_limit`; set `time_limit` (minutes) too, or remove it")
        return self


class Unit(Model):
    """A page of a module (a Markdown file in the module's folder)."""

    id: Id
    title: Line
    summary: str = ""
    objectives: list[Line] = Field(default_factory=list, title="Na deze les kun je")
    sources: list[Line] = Field(
        default_factory=list, title="Bronnen", description="Waar de les op steunt, een bron per regel (Markdown).",
    )
    body: str = ""


class Module(Item):
    """Leermodule: objectives, study load, units in order, cases, competences and a quiz."""

    audience: list[Literal["student", "professional"]] = Field(min_length=1, title="Doelgroep")
    study_load: float = Field(gt=0, le=400, title="Studielast", description="In uren.")
    objectives: list[Line] = Field(min_length=1, title="Leerdoelen")
    prerequisites: list[Line] = Field(default_factory=list, title="Voorkennis")
    units: list[Id] = Field(min_length=1, title="Lessen", description="Ids van de lessen, in volgorde.")
    cases: list[Id] = Field(default_factory=list, title="Casussen")
    methods: list[Id] = Field(default_factory=list, title="Methodieken")
    competences: list[Id] = Field(default_factory=list, title="Competenties")
    instruments: list[Id] = Field(default_factory=list, title="Instrumenten")
    quiz: Quiz = Field(default_factory=Quiz, title="Toets")
    dialogues: list[Id] = Field(default_factory=list, title="Gesprekken",
                                description="Ids van gesprekken om te oefenen.")


class Term(Item):
    """Begrip in the glossary."""

    definition: Text = Field(title="Definitie", description="Een of twee zinnen.")
    synonyms: list[Line] = Field(default_factory=list, title="Ook wel")
    see_also: list[Id] = Field(default_factory=list, title="Zie ook", description="Ids van andere begrippen.")


#: Who may speak in any dialogue without being one of its roles: the narrator.
NARRATOR = "verteller"
OUTCOMES = ("claim", "breed", "plan")


class Choice(Model):
    """What the student can say at a node of a dialogue, and where it leads."""

    text: Line = Field(title="Tekst", description="Wat de student zegt.")
    to: Id = Field(title="Naar", description="Id van de node waar deze keuze heen leidt.")
    feedback: Text = Field(title="Feedback",
                           description="Waarom deze keuze wel of niet werkt, in termen van De Kanteling.")
    scores: dict[Id, Annotated[int, Field(ge=-3, le=3)]] = Field(
        default_factory=dict, title="Scores", description="Per competentie-id een score van -3 tot 3."
    )


class Ending(Model):
    """How a dialogue ends at a node: a short verdict, the kind of conversation it was, and a debrief."""

    verdict: Line = Field(title="Oordeel", description="Een korte regel, bijvoorbeeld 'Gesprek over de claim'.")
    outcome: Literal["claim", "breed", "plan"] = Field(
        title="Uitkomst", description="`claim` (gesprek over de claim), `breed` (breed gesprek) of `plan` (gesprek "
        "met een plan op de ladder).")
    debrief: Text = Field(title="Nabespreking", description="Wat er gebeurde en waarom, en wat een andere route gaf.")


class Node(Model):
    """One turn of a dialogue: who speaks, what is said, and either choices or an ending."""

    # For editors: exactly one of the two (the loader reports it with its line, together with the graph's mistakes).
    model_config = ConfigDict(**Model.model_config,
                              json_schema_extra={"oneOf": [{"required": ["choices"]}, {"required": ["ending"]}]})
    id: Id
    speaker: Id = Field(title="Spreker", description="Een sleutel uit `roles`, of `verteller`.")
    text: Text = Field(title="Tekst", description="Wat er gezegd wordt of gebeurt (Markdown).")
    choices: list[Choice] = Field(default_factory=list, title="Keuzes")
    ending: Ending | None = Field(None, title="Einde")


class Dialogue(Item):
    """Gesprek: a conversation to practise, as a graph of nodes with choices, feedback and endings."""

    case: Id | None = Field(None, title="Casus", description="Id van de casus waar het gesprek bij hoort.")
    methods: list[Id] = Field(default_factory=list, title="Methodieken")
    competences: list[Id] = Field(default_factory=list, title="Competenties")
    roles: dict[Id, Line] = Field(
        min_length=1, title="Rollen", description="Per spreker-id de naam op het scherm. De eerste rol is de "
        "student: die zegt de keuzes.")
    intro: Text = Field(title="Inleiding", description="De situatie (Markdown).")
    start: Id | None = Field(None, title="Begin",
                             description="Id van de eerste node (standaard de eerste in de lijst).")
    nodes: list[Node] = Field(min_length=1, title="Nodes")

    @property
    def start_id(self) -> str:
        """The id of the node the dialogue starts at."""
        return self.start or self.nodes[0].id


#: The content types, by their name in code, with their model, folder and Dutch labels.
TYPES: dict[str, tuple[type[Item], str, str, str]] = {
    "method": (Method, "methods", "Methodiek", "Methodieken"),
    "competence": (Competence, "competences", "Competentie", "Competenties"),
    "knowledge_circle": (KnowledgeCircle, "circles", "Kenniskring", "Kenniskringen"),
    "case": (Case, "cases", "Casus", "Casussen"),
    "instrument": (Instrument, "instruments", "Instrument", "Instrumenten"),
    "module": (Module, "modules", "Leermodule", "Leermodules"),
    "term": (Term, "glossary", "Begrip", "Begrippen"),
    "dialogue": (Dialogue, "dialogues", "Gesprek", "Gesprekken"),
}
