"""The house rules of issue 17, checked on the source: no import cycles, no private names across modules,
no module over 400 lines or function over 60, and the product (`assistant`, `index`, app.py) never importing
`eval` (eval reaches the CLI through the `budgetqa.commands` entry point, assistant/cli_plugins.py).

Imports are read with `ast`, so the imports inside functions count too; only those under
`if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("index", "assistant", "eval")
SCRIPTS = ("app.py",)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


@dataclass(slots=True)
class Module:
    """One source file: its dotted name, path, syntax tree and the imports it makes."""

    name: str
    path: Path
    tree: ast.Module
    is_package: bool
    imports: list[Import] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Import:
    """One imported module, or one name taken from a module, with the line it is on."""

    target: str  # the module imported (or the one the name is taken from)
    name: str | None  # the name taken by `from target import name`, else None
    line: int


def module_name(path: Path) -> tuple[str, bool]:
    """Dotted module name of a file under the repo, and whether it is a package's `__init__`."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def source_files() -> Iterator[Path]:
    """Every Python file of the product and the eval: index/, assistant/, eval/ and app.py."""
    for package in PACKAGES:
        yield from sorted((REPO / package).rglob("*.py"))
    for script in SCRIPTS:
        yield REPO / script


def is_type_checking(test: ast.expr) -> bool:
    """True for `if TYPE_CHECKING:` and `if typing.TYPE_CHECKING:`."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree, functions included, except what sits under `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and is_type_checking(node.test):
            for other in node.orelse:
                yield other
                yield from runtime_nodes(other)
            continue
        yield node
        yield from runtime_nodes(node)


def resolve_relative(module: Module, level: int, target: str | None) -> str:
    """The absolute module a relative `from .x import y` in `module` names."""
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, target] if target else base)


def read_imports(module: Module, known: set[str]) -> None:
    """Fill `module.imports` with the imports of our own modules that run (functions included)."""
    for node in runtime_nodes(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = owning_module(alias.name, known)
                if target:
                    module.imports.append(Import(target, None, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            source = resolve_relative(module, node.level, node.module) if node.level else node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                if sub in known:  # `from package import module`
                    module.imports.append(Import(sub, None, node.lineno))
                elif (target := owning_module(source, known)) is not None:
                    module.imports.append(Import(target, alias.name, node.lineno))


def owning_module(dotted: str, known: set[str]) -> str | None:
    """The longest prefix of `dotted` that is one of our modules (None for third-party and stdlib)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def load_modules() -> dict[str, Module]:
    """All our modules by name, with their imports read."""
    modules: dict[str, Module] = {}
    for path in source_files():
        name, is_package = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        modules[name] = Module(name, path, tree, is_package)
    known = set(modules)
    for module in modules.values():
        read_imports(module, known)
    return modules


MODULES = load_modules()


def where(module: Module, line: int) -> str:
    return f"{module.path.relative_to(REPO)}:{line}"


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules it imports (our own only, self-imports dropped)."""
    return {name: {imp.target for imp in module.imports if imp.target != name} for name, module in MODULES.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module: each holds at least one cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def one_cycle(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """A shortest cycle through the component's first module, as a path that ends where it starts."""
    start, members = component[0], set(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node] & members):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    raise AssertionError(f"no cycle found in {component}")  # a component of two or more always has one


def describe_cycle(cycle: list[str]) -> str:
    """`a → b (a.py:3) → a (b.py:7)`: each step with the line of the import."""
    steps = [cycle[0]]
    for here, there in itertools.pairwise(cycle):
        line = next(imp.line for imp in MODULES[here].imports if imp.target == there)
        steps.append(f"{there} ({where(MODULES[here], line)})")
    return " → ".join(steps)


def test_no_import_cycles() -> None:
    graph = import_graph()
    cycles = [describe_cycle(one_cycle(graph, component)) for component in strongly_connected(graph)]
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]
    assert one_cycle(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def module_aliases(module: Module) -> dict[str, str]:
    """Local names bound to one of our modules by this file's imports: `import a.b as c` → {c: a.b}."""
    aliases: dict[str, str] = {}
    for node in runtime_nodes(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in MODULES:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def dotted(node: ast.expr) -> str | None:
    """`a.b.c` for an attribute chain on a plain name, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (head := dotted(node.value)):
        return f"{head}.{node.attr}"
    return None


def private_uses(module: Module) -> Iterator[str]:
    """Private names this module takes from another: `from x import _y` and `x._y` on an imported module."""
    for imp in module.imports:
        if imp.name and is_private(imp.name) and imp.target != module.name:
            yield f"{where(module, imp.line)}: from {imp.target} import {imp.name}"
    aliases = module_aliases(module)
    for node in runtime_nodes(module.tree):
        if not (isinstance(node, ast.Attribute) and is_private(node.attr)):
            continue
        head = dotted(node.value)
        if head is None:
            continue
        first, _, rest = head.partition(".")
        target = aliases.get(first) if first in aliases else None
        if target is None:
            continue
        full = f"{target}.{rest}" if rest else target
        if full in MODULES and full != module.name:
            yield f"{where(module, node.lineno)}: {head}.{node.attr} ({full})"


def test_no_private_names_across_modules() -> None:
    found = [use for module in MODULES.values() for use in private_uses(module)]
    assert not found, "private names used from another module:\n" + "\n".join(found)


def function_sizes(module: Module) -> Iterator[tuple[str, int, int]]:
    """(qualified name, first line, length in lines) of every function and method, nested ones too."""

    def walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, int, int]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                yield name, child.lineno, (child.end_lineno or child.lineno) - child.lineno + 1
                yield from walk(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, f"{prefix}{child.name}.")
            else:
                yield from walk(child, prefix)

    yield from walk(module.tree, "")


def test_no_module_over_400_lines() -> None:
    found = []
    for module in MODULES.values():
        lines = len(module.path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{module.path.relative_to(REPO)}: {lines} lines")
    assert not found, f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(found)


def test_no_function_over_60_lines() -> None:
    found = [
        f"{where(module, line)} {name}: {length} lines"
        for module in MODULES.values()
        for name, line, length in function_sizes(module)
        if length > MAX_FUNCTION_LINES
    ]
    assert not found, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(found)


def test_the_product_never_imports_eval() -> None:
    found = [
        f"{where(module, imp.line)}: {module.name} imports {imp.target}"
        for module in MODULES.values()
        if module.name.split(".")[0] in ("assistant", "index", "app")
        for imp in module.imports
        if imp.target.split(".")[0] == "eval"
    ]
    assert not found, "the product imports eval:\n" + "\n".join(found)


def test_the_walk_sees_imports_inside_functions_but_not_type_only_ones() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from index.settings import Settings\n"
        "def f():\n    from index.errors import BudgetQAError\n    import index.model\n"
    )
    module = Module("assistant.example", REPO / "assistant" / "example.py", ast.parse(source), False)
    read_imports(module, set(MODULES))
    assert [(imp.target, imp.name) for imp in module.imports] == [
        ("index.errors", "BudgetQAError"),
        ("index.model", None),
    ]


def test_the_private_check_sees_both_forms() -> None:
    source = "import index.errors as errs\nfrom index.settings import _hidden\n\n\ndef f():\n    return errs._secret\n"
    module = Module("assistant.example", REPO / "assistant" / "example.py", ast.parse(source), False)
    read_imports(module, set(MODULES))
    found = list(private_uses(module))
    assert found == [
        "assistant/example.py:2: from index.settings import _hidden",
        "assistant/example.py:6: errs._secret (index.errors)",
    ]
