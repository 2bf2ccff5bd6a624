#!/usr/bin/env python3
"""Regenerates the constant block of include/esent.h and Sources/EsentCore/Core/JetErrorCodes.swift
from the project's constant table (name, value), so both sides carry the same names and values.

The header block has two branches. C and C++ see each constant as the table spells it (plain literals, as
Windows' esent.h has them). Swift (`__swift__`, defined by Swift's Clang importer) sees each one as a typed
literal, so that `JET_paramSystemPath` arrives as `UInt` where the parameter is `unsigned long`, error codes as
`JET_ERR` (`Int`), grbits as `JET_GRBIT`, and the nil handles (written with `~`, which Swift cannot import) as
numbers of their handle type. The library's own Swift code defines LIBESENT_SWIFT_C_SPELLINGS (through
Sources/CEsentCore) and keeps the C spellings.

Usage: tools/gen-constants.py path/to/esent-constants.tsv [tools/esent-isam-constants.tsv ...]
Later tables add rows after the first one's (tools/esent-isam-constants.tsv: the column types, limits, info levels,
prep and move values of the tables-and-records calls, from ESE's public esent.h).
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "/* BEGIN GENERATED CONSTANTS (tools/gen-constants.py) */"
END = "/* END GENERATED CONSTANTS */"


def read_table(path):
    rows = []
    for line in Path(path).read_text().splitlines()[1:]:
        if not line.strip():
            continue
        name, value = line.split("\t", 1)
        rows.append((name.strip(), value.strip()))
    return rows


NIL_HANDLES = {"JET_instanceNil": "JET_INSTANCE", "JET_sesidNil": "JET_SESID", "JET_tableidNil": "JET_TABLEID",
               "JET_columnidNil": "JET_COLUMNID"}


def numeric(rows):
    """Value of every name as a number: literals, aliases and `|` expressions of both."""
    table = dict(rows)
    cache = {}
    def value(name, depth=0):
        if name in cache:
            return cache[name]
        v = table[name].strip()
        m = re.fullmatch(r"\(\(JET_\w+\) *(\S+)\)", v)
        if m:
            v = m.group(1)
        if "|" in v:
            parts = [x.strip() for x in v.strip("()").split("|")]
            total = 0
            for x in parts:
                total |= value(x, depth + 1) if x in table else int(x, 0)
            cache[name] = total
            return total
        if re.fullmatch(r"-?(0x[0-9A-Fa-f]+|\d+)", v):
            cache[name] = int(v, 0)
            return cache[name]
        if depth < 4 and v in table:
            return value(v, depth + 1)
        raise ValueError(f"{name}: cannot evaluate {v}")
    return {n: value(n) for n, _ in rows if n not in NIL_HANDLES}


def swift_literal(name, v):
    """The constant as Swift should import it: JET_ERR for codes, JET_GRBIT for grbits, else unsigned long."""
    if name.startswith("JET_err") or name.startswith("JET_wrn"):
        return f"((JET_ERR){v})"
    if name == "JET_dbidNil":
        return f"((JET_DBID)0x{v:X})"
    if name.startswith("JET_bit"):
        return f"((JET_GRBIT)0x{v:08X})"
    if name.startswith("JET_Move"):
        return f"({v}L)"  # JetMove's cRow is a long
    if v < 0:
        return f"({v}L)"
    return f"{v}UL" if v < 16 else f"0x{v:X}UL"


def header_block(rows):
    out = [BEGIN, "#if !defined(__swift__) || defined(LIBESENT_SWIFT_C_SPELLINGS)"]
    width = max(len(n) for n, _ in rows) + 1
    for name, value in rows:
        # Negative numbers are parenthesised so that `-x` style expressions stay intact.
        if re.fullmatch(r"-\d+", value):
            value = f"({value})"
        out.append(f"#define {name.ljust(width)}{value}")
    out.append("#else /* Swift: typed literals (see tools/gen-constants.py) */")
    values = numeric(rows)
    for name, _ in rows:
        if name in NIL_HANDLES:
            continue
        out.append(f"#define {name.ljust(width)}{swift_literal(name, values[name])}")
    out.append("#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu")
    for name, type_ in NIL_HANDLES.items():
        out.append(f"#define {name.ljust(width)}(({type_})0xFFFFFFFFFFFFFFFF)")
    out.append("#else")
    for name, type_ in NIL_HANDLES.items():
        out.append(f"#define {name.ljust(width)}(({type_})0xFFFFFFFF)")
    out.append("#endif")
    out.append("#endif /* __swift__ */")
    out.append(END)
    return "\n".join(out)


def resolve(rows):
    """Numeric value of every err/wrn name, following aliases such as X = JET_errY."""
    table = dict(rows)
    def value(name, depth=0):
        v = table[name]
        if re.fullmatch(r"-?\d+", v):
            return int(v)
        if depth < 4 and v in table:
            return value(v, depth + 1)
        return None
    return {n: value(n) for n, _ in rows}


def swift_case(name):
    if name.startswith("JET_err"):
        base = name[len("JET_err"):]
        return base[0].lower() + base[1:]
    base = name[len("JET_wrn"):]
    return "wrn" + base


def swift_block(rows):
    values = resolve(rows)
    seen = set()
    cases = []
    aliases = []
    # Names whose value is a number come first, so an alias (X = JET_errY) never becomes the canonical case.
    ordered = sorted(rows, key=lambda r: not re.fullmatch(r"-?\d+", r[1]))
    for name, raw in ordered:
        if not (name.startswith("JET_err") or name.startswith("JET_wrn")):
            continue
        v = values.get(name)
        if v is None:
            continue
        case = swift_case(name)
        if v in seen:
            aliases.append((case, name, v))
            continue
        seen.add(v)
        cases.append((case, name, v))
    lines = [
        "// Generated by tools/gen-constants.py from the project's constant table. Do not edit by hand.",
        "",
        "/// Every error and warning code that esent.h defines, by esent.h's name and value.",
        "/// Warnings (positive values) are cases too, because some calls succeed with one.",
        "package enum JetError: Int32, Error, Sendable, CaseIterable {",
    ]
    for case, name, v in cases:
        lines.append(f"    /// `{name}`")
        lines.append(f"    case {case} = {v}")
    lines.append("}")
    lines.append("")
    lines.append("extension JetError {")
    for case, name, v in aliases:
        original = next(c for c, _, vv in cases if vv == v)
        lines.append(f"    /// `{name}`, another name esent.h gives to the same value.")
        lines.append(f"    static var {case}: JetError {{ .{original} }}")
    lines.append("")
    lines.append("    /// The esent.h symbol of this code.")
    lines.append("    var symbol: String {")
    lines.append("        switch self {")
    for case, name, v in cases:
        lines.append(f"        case .{case}: return \"{name}\"")
    lines.append("        }")
    lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    rows = [row for path in sys.argv[1:] for row in read_table(path)]
    header = ROOT / "include" / "esent.h"
    text = header.read_text()
    start, stop = text.index(BEGIN), text.index(END) + len(END)
    header.write_text(text[:start] + header_block(rows) + text[stop:])
    (ROOT / "Sources" / "EsentCore" / "Core" / "JetErrorCodes.swift").write_text(swift_block(rows))


if __name__ == "__main__":
    main()
