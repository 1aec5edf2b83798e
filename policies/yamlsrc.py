"""Reading YAML with positions: the parsed data plus a way to find the line of any field.

PyYAML keeps the last of two equal keys without a word; a policy that says
``analyst: allow`` and, further down, ``analyst: deny`` is contradictory, so duplicates are
reported here with both lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from privacy.errors import PolicyError


class Located:
    """YAML data with its node tree, to map a field path to a line number."""

    def __init__(self, data: Any, root: yaml.Node | None, file: str) -> None:
        self.data = data
        self.root = root
        self.file = file

    def line(self, loc: Sequence[Any]) -> int | None:
        """1-based line of the innermost part of ``loc`` that exists in the file."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                        line = k.start_mark.line + 1
                        node = v
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    node = node.value[part]
                    line = node.start_mark.line + 1
                else:
                    return line
            else:
                return line
        return line

    def error(self, message: str, loc: Sequence[Any] = (), hint: str | None = None) -> PolicyError:
        field = ".".join(str(p) for p in loc) or None
        return PolicyError(
            message,
            file=self.file,
            line=self.line(loc) if loc else None,
            field=field,
            hint=hint
            or "fix the file and run `privacy policy validate FILE` again; "
            "the active policy stays in force until a valid one is activated",
        )


def _check_duplicates(node: yaml.Node, file: str, path: tuple[Any, ...] = ()) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k)
            line = k.start_mark.line + 1
            if key in seen:
                field = ".".join(str(p) for p in (*path, key))
                raise PolicyError(
                    f"{key!r} appears twice in the same mapping (lines {seen[key]} and {line}); "
                    "YAML would silently keep the last one",
                    file=file,
                    line=line,
                    field=field,
                    hint="keep one entry; the active policy stays in force until this is fixed",
                )
            seen[key] = line
            _check_duplicates(v, file, (*path, key))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check_duplicates(item, file, (*path, i))


def load_yaml(text: str, file: str) -> Located:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or str(e)
        raise PolicyError(
            f"not valid YAML: {problem}",
            file=file,
            line=mark.line + 1 if mark else None,
            hint="fix the syntax; the active policy stays in force until a valid one is activated",
        ) from None
    except yaml.YAMLError as e:
        raise PolicyError(f"not valid YAML: {e}", file=file) from None
    if root is not None:
        _check_duplicates(root, file)
    return Located(data, root, file)
