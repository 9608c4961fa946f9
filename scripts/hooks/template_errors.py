"""MkDocs hook: an error in a theme override (`overrides/`) stops the build with the file and
the line, not a Python traceback. Every override is compiled before any page is built (an
unclosed block, an unknown filter or test), and an error while a page renders (an attribute
of something undefined) names the override's line where it happened.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

_where: dict[str, Path] = {}


def located(path: str | None, line: int | None) -> str:
    """`overrides/FILE:LINE` (repo-relative) for a template file, else the template's name."""
    if path is None:
        return "a theme template"
    file = Path(path).resolve()
    root = _where["root"]
    shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else f"the theme's {file.name}"
    return f"{shown}:{line}" if line else shown


def render_error(error: jinja2.TemplateError) -> PluginError:
    """The override's own line where rendering failed (Jinja gives its frames the template's
    file name and line), else the innermost template frame."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".html")]
    ours = [frame for frame in frames if Path(frame.filename).resolve().is_relative_to(_where["overrides"])]
    frame = (ours or frames or [None])[-1]
    where = located(frame.filename, frame.lineno) if frame else "a theme template"
    return PluginError(f"templates: {where}: {error.message or type(error).__name__} (while a page was rendered)")


class _Reporting:
    """A template whose render() reports a template error as the build's message."""

    def __init__(self, template: jinja2.Template) -> None:
        self._template = template

    def __getattr__(self, name: str):
        return getattr(self._template, name)

    def render(self, *args, **kwargs) -> str:
        try:
            return self._template.render(*args, **kwargs)
        except jinja2.TemplateError as error:
            raise render_error(error) from error


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    root = Path(config.config_file_path).parent.resolve()
    overrides = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else root / "overrides"
    _where.update(root=root, overrides=overrides)
    for path in sorted(overrides.rglob("*.html")):
        name = path.relative_to(overrides).as_posix()
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            raise PluginError(f"templates: {located(error.filename or str(path), error.lineno)}: "
                              f"{error.message}") from error
        except jinja2.TemplateError as error:
            raise PluginError(f"templates: {located(str(path), None)}: {error.message}") from error
    get_template = env.get_template

    def reporting_get_template(name, parent=None, globals=None):  # noqa: A002 - Jinja's own name
        return _Reporting(get_template(name, parent, globals))

    # MkDocs asks the environment for each page's template; Jinja itself, for {% extends %}
    # and {% include %}, goes through get_template too, and the wrapper passes everything on.
    env.get_template = reporting_get_template
    return env
