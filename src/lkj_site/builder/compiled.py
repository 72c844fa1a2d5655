"""The theme's templates compiled once, not at every build.

MkDocs makes a new Jinja environment for every build, and compiles Material's templates (and
ours, `theme/`) again each time: a third of a second of every `make serve` rebuild and of every
`make build`. Jinja's own bytecode cache (set on the environment in `hooks.on_env`) keeps the
compiled code, in memory across rebuilds and on disk in the build's cache (`lkj/cache.py`,
`jinja/`), under the template's name and file; the source's checksum is stored with it, so an
edited template is compiled again.
"""

from importlib.metadata import version

from jinja2 import BytecodeCache

from lkj import cache

_MEMORY: dict[tuple[str, str], bytes] = {}  # (settings, template) -> compiled code
SETTINGS = (  # what the compiled code depends on besides the source (Jinja's own key leaves it out)
    "autoescape",
    "optimized",
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
)


class CompiledTemplates(BytecodeCache):
    def __init__(self, environment):
        settings = [version("jinja2"), sorted(environment.extensions)]
        settings += [repr(getattr(environment, name)) for name in SETTINGS]
        self.kind = cache.key(map(str, settings))[:16]
        where = cache.folder("jinja")
        self.folder = where / self.kind if where else None

    def load_bytecode(self, bucket) -> None:
        data = _MEMORY.get((self.kind, bucket.key))
        if data is None and self.folder is not None:
            try:
                data = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
            _MEMORY[(self.kind, bucket.key)] = data
        if data is not None:
            bucket.bytecode_from_string(data)  # checks the source's checksum and Jinja's format

    def dump_bytecode(self, bucket) -> None:
        data = bucket.bytecode_to_string()
        _MEMORY[(self.kind, bucket.key)] = data
        if self.folder is not None:
            try:
                cache.write(self.folder / bucket.key, data)
            except OSError:
                pass  # compiled again next time
