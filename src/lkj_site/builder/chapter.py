"""Run the macros of one chapter, and say in one Indonesian line where and why one failed.

mkdocs-macros provides the Jinja environment (our macros, `on_undefined: strict`) but on
an error prints a Python traceback and exits. The chapters are therefore rendered here
(mkdocs.yml sets `render_by_default: false`, so mkdocs-macros does not render them
again): a failure becomes `ChapterError("docs/bab-3.md, baris 12: makro serapan(2031):
...")`, which MkDocs reports as one line.
"""

import inspect
import re
from functools import wraps
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError

TEMPLATE_NAME = "<template>"  # Jinja's file name for a template made with from_string


class MacroError(Exception):
    """A macro could not give what the chapter asked for; the message says why and what to do."""


class ChapterError(PluginError):
    """A chapter cannot be rendered. The message names the file and the line."""


def macro(function, name: str, present):
    """`function` as a macro: arguments checked, errors as MacroError, its result presented.

    `present` turns the result into HTML: `html.text` for an inline macro, whose result
    lands inside a paragraph of Markdown (nothing in it may act as Markdown or HTML), and
    `html.render` for a block (a table, a list).
    """
    signature = inspect.signature(function)
    usage = f"{name}({', '.join(_parameter(p) for p in signature.parameters.values())})"

    @wraps(function)
    def call(*args, **kwargs):
        written = f"{name}({', '.join([*map(repr, args), *(f'{k}={v!r}' for k, v in kwargs.items())])})"
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            raise MacroError(f"makro {written}: argumen tidak sesuai; cara memanggil: {usage}") from None
        try:
            result = function(*args, **kwargs)
        except (LookupError, ValueError) as error:  # raised with Indonesian messages by report.py
            raise MacroError(f"makro {written}: {error.args[0] if error.args else error}") from None
        return present(result)

    return call


def _parameter(parameter: inspect.Parameter) -> str:
    if parameter.default is inspect.Parameter.empty:
        return parameter.name
    return f"{parameter.name}={parameter.default!r}"


def render(env) -> str:
    """The page's Markdown with its macros run, as mkdocs-macros would render it."""
    page = env.page
    variables = {**env.variables, **page.meta}
    try:
        return _template(env.env, env.markdown).render(**variables)
    except Exception as error:  # every failure of a chapter ends here, as one line
        where = f"docs/{page.file.src_uri}"
        line = _template_line(error)
        if line is not None:
            where += f", baris {line + _front_matter_lines(page, env.markdown)}"
        raise ChapterError(f"{where}: {_describe(error, env)}") from None


_COMPILED: dict[tuple, object] = {}  # (source, syntax) -> Jinja's compiled code, across rebuilds
_COMPILED_MAX = 256


def _template(environment, source: str):
    """`environment.from_string(source)`, compiled once per source: `make serve` builds with a new
    environment each time, and most chapters have not changed since the last save."""
    key = (source, _syntax(environment))
    code = _COMPILED.get(key)
    if code is None:
        code = environment.compile(source)
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.clear()
        _COMPILED[key] = code
    return environment.template_class.from_code(environment, code, environment.make_globals(None))


def _syntax(environment) -> tuple:
    """What Jinja's compiled code depends on besides the source: its syntax (Jinja's lexer, one
    object for all environments of the same syntax) and its compiler settings."""
    return (
        environment.lexer,
        tuple(sorted(environment.extensions)),
        environment.optimized,
        environment.autoescape,
        environment.finalize,
        environment.code_generator_class,
    )


def _template_line(error: Exception) -> int | None:
    """Line in the template where `error` happened (Jinja rewrites tracebacks to show it)."""
    if isinstance(error, TemplateSyntaxError):
        return error.lineno
    line, trace = None, error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == TEMPLATE_NAME:
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def _front_matter_lines(page, body: str) -> int:
    """Lines above the Markdown that Jinja sees: MkDocs strips the front matter first."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    return source[: len(source) - len(body)].count("\n") if source.endswith(body) else 0


def _describe(error: Exception, env) -> str:
    if isinstance(error, MacroError):
        return str(error)
    if isinstance(error, TemplateSyntaxError):
        return f"penulisan makro tidak lengkap atau salah; periksa pasangan {{{{ }}}} dan tanda kutip ({error.message})"
    if isinstance(error, UndefinedError):
        name = re.search(r"'([^']+)' is undefined", str(error))
        if name:
            known = ", ".join(sorted(n for n in env.macros if not n.startswith("_")))
            return f"makro atau nama '{name.group(1)}' tidak dikenal; makro yang tersedia: {known}"
        return f"nama tidak dikenal dalam makro ({error.message})"
    return f"makro gagal: {type(error).__name__}: {error}"
