"""How spans look in the article: a tint of the label's colour plus a text attribute.

Colour alone is not enough: over SSH in a 16-colour terminal, or with ``NO_COLOR`` (where Textual
turns every colour grey), tints of different labels can look the same. So each label also gets
a text attribute, taken in scheme order from ``ATTRIBUTE_SETS``: underline, bold, italic,
underline + bold, underline + italic, bold + italic, all three, and only then sets with a double
underline in place of the underline. Nothing here knows any particular scheme.

Where spans nest or cross, the stretch inside two spans or more is also struck through
(``NESTED_MARK``, never a label's): it carries the union of the spans' attributes, and a count
(bold) inside a releasee (underline + bold) looked just like the releasee without colour (a
trial), as did an actor (underline) inside it. Struck through, because it is the one mark left
that tmux draws with its default settings (from the terminal's terminfo, ``smxx``), as most
terminals do: tmux draws an overline or a double underline only where its ``terminal-features``
say the outer terminal does, and a label with a double underline (the eighth and later) is drawn
there with a single one.

The current span (the one the panel shows, tab and shift+tab step to) is overlined
(``CURRENT_MARK``), and in 256 colours or more its tint is stronger: two spans that begin at one
offset ('95' and '95 prisoners of war') looked the same whichever was current, the block cursor
on their first character the only mark. The overline adds to the labels' marks, hiding none,
and it is not the selection's reverse. Where the overline is not drawn (tmux by default, macOS
Terminal), the current span shows only by its tint in 256 colours or more, and by the panel.

Layers: a character inside several spans gets each span's tint blended in turn over the
background (outermost first), so nested spans look deeper and crossing spans mix their colours.
Two spans of the same label that touch are told apart by tint strength: a label's spans
alternate between a lighter and a stronger tint.

With many colours only the background changes, never the text colour, so the theme's text stays
readable on dark and light themes. In 16 colours there are no tints: a span is drawn on its
label's own standard colour, with black or white text to read on it. Touching spans of a label
then alternate with the colour's bright (or plain) twin while no label of the scheme takes that
twin; when one does, a label's colour is kept (no span ever shows another label's colour) and
every other span's text is a grey instead (light grey for white, dark grey for black). Where an
ANSI theme leaves the background to the terminal, the text takes the label's colour instead.

The selection and the cursor are drawn over these styles, so they stay visible (their background
replaces the tint, the attributes remain). The selection is the text reversed (annotator.tcss),
lighter than any tint and the one thing in reverse, so that it is never taken for a span, in 256
colours or without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from textual.color import Color

from annotator.core.scheme import Scheme

# Nearly every terminal shows the first three. Reverse is the selection's; blink and dim
# hamper reading (and Textual turns dim into a colour, which ``NO_COLOR`` greys).
TEXT_ATTRIBUTES = ("underline", "bold", "italic")
ATTRIBUTE_SETS: tuple[frozenset[str], ...] = tuple(
    sorted(
        (
            frozenset(chosen)
            for size in range(1, len(TEXT_ATTRIBUTES) + 1)
            for chosen in combinations(TEXT_ATTRIBUTES, size)
        ),
        key=len,  # a stable sort keeps the order of the rest
    )
) + tuple(  # then a double underline in place of the underline: fewer terminals draw it
    frozenset({"underline2", *chosen})
    for size in range(3)
    for chosen in combinations(("bold", "italic"), size)
)
NESTED_MARK = "strike"  # a stretch inside two spans or more
CURRENT_MARK = "overline"  # the current span
# The marks in words, in the order the help names them.
MARK_WORDS = {
    "underline": "underline",
    "underline2": "double underline",
    "bold": "bold",
    "italic": "italic",
    NESTED_MARK: "struck through",
    CURRENT_MARK: "overline",
}
# How far each layer moves the background toward the label's colour; index = the span's parity
# among the spans of its label.
TINT_STRENGTH = (0.30, 0.45)
CURRENT_TINT_STRENGTH = 0.65  # the current span's layer
UNKNOWN_LABEL_COLOUR = "#9e9e9e"

# Rich's colour systems with 16 colours or fewer (None: no colour at all, attributes only).
FEW_COLOUR_SYSTEMS = frozenset({"standard", "windows", None})
# The standard colours labels take with few colours, in order: blue, yellow, green, red, magenta,
# cyan, then the bright six. Each is the RGB that Rich's 16-colour palette matches to that colour
# (a colour given by number, Textual turns into its theme's RGB, whose nearest could be another).
# With each, its text: white on the dark three, black on the rest, as most palettes draw them
# (xterm's and GNOME's yellow is light).
FEW_COLOURS: tuple[tuple[str, str], ...] = (
    ("#0000aa", "#ffffff"),  # blue
    ("#aa5500", "#000000"),  # yellow
    ("#00aa00", "#000000"),  # green
    ("#aa0000", "#ffffff"),  # red
    ("#aa00aa", "#ffffff"),  # magenta
    ("#00aaaa", "#000000"),  # cyan
    ("#5555ff", "#000000"),  # bright blue
    ("#ffff55", "#000000"),  # bright yellow
    ("#55ff55", "#000000"),  # bright green
    ("#ff5555", "#000000"),  # bright red
    ("#ff55ff", "#000000"),  # bright magenta
    ("#55ffff", "#000000"),  # bright cyan
)
# A label's second colour, for every other one of its spans: its colour's bright (or plain) twin,
# used only while no label takes it (a scheme of 7 labels or more takes some twins as colours).
_TWIN = {index: (index + 6) % 12 for index in range(12)}
# Otherwise every other span keeps the colour and greys its text: still readable on that colour.
_GREY_TEXT = {"#ffffff": "#aaaaaa", "#000000": "#555555"}


def few_colours(colour_system: str | None) -> bool:
    """Whether Rich's ``colour_system`` (``app.console.color_system``) has 16 colours or fewer."""
    return colour_system in FEW_COLOUR_SYSTEMS


def standard_number(colour: Color) -> int:
    """The standard colour (0-15) a 16-colour terminal shows for ``colour``."""
    number = RichColor.from_rgb(*colour.rgb).downgrade(ColorSystem.STANDARD).number
    return number if number is not None else 0


Layer = tuple[int, int]
"""One span's part in a style: (label number in the scheme, parity among that label's spans)."""


class SpanPalette:
    """Span styles of a scheme; label number ``len(scheme.labels)`` means 'not in the scheme'.

    ``few`` (``few_colours``) asks for the styles of a terminal with 16 colours or fewer."""

    def __init__(self, scheme: Scheme) -> None:
        self._numbers = {label.name: number for number, label in enumerate(scheme.labels)}
        colours = [label.color for label in scheme.labels] + [UNKNOWN_LABEL_COLOUR]
        self._colours = [Color.parse(colour) for colour in colours]
        self._attributes = [
            ATTRIBUTE_SETS[number % len(ATTRIBUTE_SETS)] for number in range(len(colours))
        ]
        self._styles: dict[tuple[Color, bool, tuple[Layer, ...], int | None], Style] = {}

    def label_number(self, label: str) -> int:
        """The label's place in the scheme (a label the scheme lacks gets the last number)."""
        return self._numbers.get(label, len(self._colours) - 1)

    def attributes(self, label: str) -> frozenset[str]:
        """The text attributes that mark ``label`` without colour."""
        return self._attributes[self.label_number(label)]

    def marks_in_words(self, label: str) -> str:
        """The label's text attributes in words (``underline + bold``), for the help."""
        attributes = self.attributes(label)
        return " + ".join(words for name, words in MARK_WORDS.items() if name in attributes)

    def legend_style(self, label: str, background: Color, few: bool = False) -> Style:
        """The style of a lone span of ``label``: for a legend that matches the article."""
        return self.style(((self.label_number(label), 0),), background, few)

    def key_style(self, label: str, background: Color, few: bool = False) -> Style:
        """A label key's chip in the legend: the label's full colour, the key bold on it."""
        number = self.label_number(label)
        if few:
            colour, text = self._few_colour(number, 0, background)
            return Style(bold=True, color=text.rich_color, bgcolor=colour.rich_color)
        return Style(bold=True, reverse=True, color=self._colours[number].rich_color)

    def style(
        self,
        layers: Sequence[Layer],
        background: Color,
        few: bool = False,
        current: int | None = None,
    ) -> Style:
        """The style of text covered by ``layers`` (outermost span first) over ``background``;
        ``current``: the index in ``layers`` of the current span, if it covers the text."""
        key = (background, few, tuple(layers), current)
        cached = self._styles.get(key)
        if cached is not None:
            return cached
        attributes: set[str] = set()
        tint = background
        for index, (number, parity) in enumerate(layers):
            strength = CURRENT_TINT_STRENGTH if index == current else TINT_STRENGTH[parity % 2]
            tint = tint.blend(self._colours[number], strength)
            attributes |= self._attributes[number]
        if len(layers) > 1:
            attributes.add(NESTED_MARK)
        if current is not None:
            attributes.add(CURRENT_MARK)
        marks = _attribute_style(attributes)
        innermost, parity = layers[-1]
        if few:
            # No tints in 16 colours: the innermost span's own colour, all the spans' marks.
            colour, text = self._few_colour(innermost, parity, background)
            if background.ansi is not None:
                style = Style(color=colour.rich_color) + marks
            else:
                style = Style(color=text.rich_color, bgcolor=colour.rich_color) + marks
        elif background.ansi is not None:
            # An ANSI theme leaves the background to the terminal, so there is nothing to tint:
            # colour the text with the innermost label instead.
            style = Style(color=self._colours[innermost].rich_color) + marks
        else:
            style = Style(bgcolor=tint.rich_color) + marks
        self._styles[key] = style
        return style

    def _few_colour(self, number: int, parity: int, background: Color) -> tuple[Color, Color]:
        """Label ``number``'s colour and text colour in 16 colours, none the background's."""
        shown = standard_number(background) if background.ansi is None else background.ansi
        choices = [
            index
            for index, (colour, _) in enumerate(FEW_COLOURS)
            if standard_number(Color.parse(colour)) != shown
        ]
        index = choices[number % len(choices)]
        if parity % 2:
            # Every label's colour, the one for labels not in the scheme among them.
            taken = {choices[label % len(choices)] for label in range(len(self._colours))}
            twin = _TWIN[index]
            if twin in choices and twin not in taken:
                index = twin
            else:
                colour, text = FEW_COLOURS[index]
                return Color.parse(colour), Color.parse(_GREY_TEXT[text])
        colour, text = FEW_COLOURS[index]
        return Color.parse(colour), Color.parse(text)


def _attribute_style(attributes: set[str] | frozenset[str]) -> Style:
    # None, not False, for attributes a span lacks: other styles of the line may set them.
    return Style(
        bold=True if "bold" in attributes else None,
        italic=True if "italic" in attributes else None,
        underline=True if "underline" in attributes else None,
        underline2=True if "underline2" in attributes else None,
        strike=True if "strike" in attributes else None,
        overline=True if "overline" in attributes else None,
    )
