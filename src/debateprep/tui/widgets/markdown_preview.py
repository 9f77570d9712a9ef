"""A markdown preview that never blocks input, however long the document.

Textual's Markdown widget mounts a widget per block (a 100-row table is 700 widgets: seconds on
the event loop). Here Rich renders the whole document to lines in a thread worker, with the
project's own parser (raw HTML off, footnotes flattened); the widget then draws only the lines
on screen (line API), so scrolling costs the same for 1 KB or 100 KB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.segment import Segment
from textual import on, work
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

if TYPE_CHECKING:
    from textual import events


def render_strips(text: str, width: int) -> list[Strip]:
    """Markdown -> terminal lines of `width` cells (pure: safe in a thread)."""
    from rich.markdown import Markdown as RichMarkdown

    from debateprep.exporters.markdown import flat_parser

    class ParsedMarkdown(RichMarkdown):
        """Rich's renderer fed by our parser (Rich's own would allow raw HTML)."""

        def __init__(self, source: str) -> None:
            super().__init__("", hyperlinks=False)
            self.markup = source
            self.parsed = flat_parser().parse(source)

    console = Console(width=max(width, 20), force_terminal=True, color_system="truecolor",
                      legacy_windows=False, emoji=False, markup=False, highlight=False)
    lines = console.render_lines(ParsedMarkdown(text), console.options, pad=False)
    return [Strip(line) for line in lines]


class MarkdownPreview(ScrollView, can_focus=True):
    """Scrollable rendered markdown; `show(text)` renders it off the event loop."""

    DEFAULT_CSS = """
    MarkdownPreview { height: 1fr; background: $surface; scrollbar-gutter: stable; }
    MarkdownPreview:focus { background-tint: $foreground 3%; }
    """

    class Rendered(Message):
        """The document is on screen: `lines` lines at `width` cells."""

        def __init__(self, lines: int, width: int) -> None:
            self.lines = lines
            self.width = width
            super().__init__()

    class _Strips(Message, bubble=False):
        """The worker's lines for `text` at `width` cells (or the error it met)."""

        def __init__(self, text: str, width: int, strips: list[Strip], problem: str = "") -> None:
            self.text = text
            self.width = width
            self.strips = strips
            self.problem = problem
            super().__init__()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = ""
        self._strips: list[Strip] = []
        self._rendered_width = 0
        self.rendering = False

    @property
    def text(self) -> str:
        return self._text

    @property
    def line_count(self) -> int:
        return len(self._strips)

    def plain_lines(self) -> list[str]:
        """The rendered lines as text (for tests and copying)."""
        return [strip.text.rstrip() for strip in self._strips]

    def show(self, text: str) -> None:
        self._text = text
        self.rendering = True
        self.call_after_refresh(self._render_current)  # once laid out: the width is known

    def _render_current(self) -> None:
        self._render_lines(self._text, self._target_width())

    def _target_width(self) -> int:
        return max(self.scrollable_content_region.width or self._width_once_shown() or self.size.width, 40)

    def _width_once_shown(self) -> int:
        """While hidden (a tab not on screen, being made ready in the background): the width it will
        have once shown, from the tab on screen (every tab is laid out alike) less the borders,
        padding and margins between the tab and these lines (and the scrollbar's stable gutter)."""
        from textual.widget import Widget
        from textual.widgets import TabbedContent, TabPane

        gutter = self.styles.gutter.width + self.styles.margin.width
        if self.styles.scrollbar_gutter == "stable":
            gutter += self.styles.scrollbar_size_vertical
        tabs: TabbedContent | None = None
        inside_tab = False
        for node in self.ancestors:
            if isinstance(node, TabbedContent):
                tabs = node
                break
            if isinstance(node, TabPane):
                inside_tab = True
            elif isinstance(node, Widget) and not inside_tab:
                gutter += node.styles.gutter.width + node.styles.margin.width
        shown = tabs.active_pane if tabs is not None else None
        if shown is None or not shown.content_region.width:
            return 0
        return shown.content_region.width - gutter

    @work(thread=True, exclusive=True, group="markdown-preview", exit_on_error=False)
    def _render_lines(self, text: str, width: int) -> None:
        try:
            strips = render_strips(text, width)
        except Exception as exc:  # noqa: BLE001 - shown in the preview and notified, never a traceback
            from debateprep.tui.errors import describe_error

            problem = f"The preview could not be rendered: {describe_error(exc)}"
            self.post_message(self._Strips(text, width, [Strip.blank(0), Strip([Segment(problem)])], problem))
            return
        self.post_message(self._Strips(text, width, strips))

    @on(_Strips)
    def _rendered(self, message: _Strips) -> None:
        if message.problem:
            self.notify(message.problem, severity="error", markup=False)
        text, width, strips = message.text, message.width, message.strips
        if text != self._text or width != self._target_width():
            return  # a newer document, or the same at the new width, is on its way
        self._strips = strips
        self._rendered_width = width
        self.rendering = False
        self.virtual_size = Size(width, len(strips))
        self.refresh()
        self.post_message(self.Rendered(len(strips), width))

    def on_resize(self, event: events.Resize) -> None:
        if self._text and self._target_width() != self._rendered_width:
            self._render_lines(self._text, self._target_width())

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._strips):
            return Strip.blank(width, style)
        return self._strips[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
