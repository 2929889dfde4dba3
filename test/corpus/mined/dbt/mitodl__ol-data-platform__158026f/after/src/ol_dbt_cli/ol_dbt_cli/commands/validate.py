"""Validate command — structural validation of dbt models.

Checks:
  1. SQL/YAML sync: columns declared in YAML vs columns produced by SQL
  2. Upstream reference resolution: warn when column list for a ref() cannot be resolved
  3. Dangling refs: ref() to a model/seed that does not exist at all (ERROR)
  4. Broken ref columns: columns consumed from a ref() that don't exist upstream
  5. Docs coverage: .sql models with no YAML definition
  6. PK test coverage: dimensional/fact models must enforce a primary key (#2072 DoD)
  7. YAML integrity: YAML entries for models that have no corresponding .sql file
  8. SELECT *: models using SELECT * that hides column-level lineage
  9. Dimensional layering: marts/reporting must not reference staging/intermediate (#2072 DoD)
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, cast

from cyclopts import Parameter
from rich.console import Console

from ol_dbt_cli.lib.dimensional_layering import (
    LayeringViolation,
    classify_layer,
    default_baseline_path,
    find_violations_from_manifest,
    find_violations_from_sql,
    load_baseline,
    write_baseline,
)
from ol_dbt_cli.lib.git_utils import (
    get_changed_macro_files,
    get_changed_sql_models,
    get_changed_yaml_models,
    get_repo_root,
)
from ol_dbt_cli.lib.manifest import ManifestRegistry, find_manifest, load_manifest
from ol_dbt_cli.lib.sql_parser import (
    ParsedModel,
    consumed_columns_by_ref_via_scope,
    find_compiled_dir,
    get_columns_read_from_ref,
    parse_model_file,
    resolve_star_columns,
)
from ol_dbt_cli.lib.yaml_registry import YamlRegistry, build_yaml_registry

console = Console()
err_console = Console(stderr=True)


class Severity(StrEnum):
    ERROR = "ERROR"
    WARNING = "WARNING"
    INFO = "INFO"


@dataclass
class ValidationIssue:
    check: str
    severity: Severity
    model: str
    message: str
    detail: str = ""


@dataclass
class ValidationReport:
    issues: list[ValidationIssue] = field(default_factory=list)

    def add(
        self,
        check: str,
        severity: Severity,
        model: str,
        message: str,
        detail: str = "",
    ) -> None:
        self.issues.append(
            ValidationIssue(
                check=check,
                severity=severity,
                model=model,
                message=message,
                detail=detail,
            )
        )

    @property
    def errors(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[ValidationIssue]:
        return [i for i in self.issues if i.severity == Severity.WARNING]


# ---------------------------------------------------------------------------
# Check 1: SQL/YAML column sync
# ---------------------------------------------------------------------------


def _check_yaml_sql_sync(
    model_name: str,
    yaml_registry: YamlRegistry,
    parsed: ParsedModel,
    report: ValidationReport,
) -> None:
    yaml_model = yaml_registry.get_model(model_name)
    if yaml_model is None:
        return  # handled by docs coverage check

    yaml_cols = yaml_model.column_names
    sql_cols = parsed.output_columns

    if parsed.has_star:
        # Unresolved SELECT * — column set is incomplete. Skip phantom/undocumented
        # checks entirely to avoid false positives (all YAML cols would appear phantom).
        source_hint = f" (from '{parsed.star_source}')" if parsed.star_source else ""
        report.add(
            "yaml_sql_sync",
            Severity.WARNING,
            model_name,
            f"SELECT *{source_hint} used — column sync cannot be fully validated",
            "sqlglot could not resolve the star expansion; run `dbt parse` for accurate columns, "
            "or replace SELECT * with explicit column aliases.",
        )
        return  # skip phantom/undocumented — they'd all be false positives

    phantom = yaml_cols - sql_cols
    if phantom:
        report.add(
            "yaml_sql_sync",
            Severity.ERROR,
            model_name,
            f"Columns in YAML but missing from SQL output: {sorted(phantom)}",
            "These YAML column entries have no matching alias in the compiled SQL SELECT list.",
        )

    undocumented = sql_cols - yaml_cols
    if undocumented:
        report.add(
            "yaml_sql_sync",
            Severity.ERROR,
            model_name,
            f"Columns in SQL output but not documented in YAML: {sorted(undocumented)}",
            "Add these columns to the model's YAML schema file.",
        )


# ---------------------------------------------------------------------------
# Check 2: Upstream column reference validation
# ---------------------------------------------------------------------------


def _resolve_upstream_columns(
    ref_name: str,
    yaml_registry: YamlRegistry,
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
) -> set[str] | None:
    """Return the known column set for *ref_name*, or None if unknown."""
    if manifest is not None:
        m = manifest.get_model(ref_name)
        if m is not None and m.columns:
            return m.column_names
    yaml_m = yaml_registry.get_model(ref_name)
    if yaml_m is not None and yaml_m.columns:
        return yaml_m.column_names
    if ref_name in sql_models_by_name:
        return sql_models_by_name[ref_name].output_columns
    return None


def _check_upstream_refs(
    model_name: str,
    parsed: ParsedModel,
    yaml_registry: YamlRegistry,
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
    known_refable_names: set[str],
    report: ValidationReport,
    *,
    dangling_refs_active: bool = True,
) -> None:
    """Check that every ref() / source() used by the model can be resolved.

    Reports a WARNING when the upstream model's column list is entirely unknown,
    which means lineage and impact analysis will be incomplete.  The more invasive
    "cross-ref column attribution" check has been removed because it cannot
    correctly attribute a YAML column to a *specific* upstream ref without
    SQL-AST-level table alias analysis — any such check produces too many false
    positives when a model joins several refs and adds computed columns.

    A ref to a model that does not exist at all is normally left to
    ``dangling_refs`` (an ERROR), so this check skips it to avoid double-reporting
    the same broken ref under two checks. But when ``dangling_refs`` is NOT running
    (``--only upstream_refs`` / ``--skip dangling_refs``), *dangling_refs_active*
    is False and we must not skip — otherwise the dangling ref would be reported by
    neither check. In that case it falls through and surfaces here as the
    unresolvable-column-list WARNING.
    """
    for ref_name in parsed.refs:
        if dangling_refs_active and not _ref_target_exists(ref_name, known_refable_names, manifest):
            continue  # dangling ref — reported by _check_dangling_refs as an ERROR
        upstream_cols = _resolve_upstream_columns(ref_name, yaml_registry, manifest, sql_models_by_name)
        if upstream_cols is None:
            report.add(
                "upstream_refs",
                Severity.WARNING,
                model_name,
                f"Cannot resolve column list for ref('{ref_name}')",
                "Run `dbt parse` to generate manifest.json for accurate upstream column resolution.",
            )

    # Also warn for source() calls — we cannot resolve sources without additional
    # manifest APIs, but surfacing them signals that lineage is incomplete.
    for source_ref in parsed.source_refs:
        if manifest is None or manifest.get_source(source_ref) is None:
            report.add(
                "upstream_refs",
                Severity.WARNING,
                model_name,
                f"Cannot resolve column list for source('{source_ref}')",
                "Run `dbt parse` to generate manifest.json and ensure sources are "
                "properly declared for accurate upstream column resolution.",
            )


# ---------------------------------------------------------------------------
# Check 2b: Dangling ref() — target model does not exist at all
# ---------------------------------------------------------------------------


def _ref_target_exists(
    ref_name: str,
    known_refable_names: set[str],
    manifest: ManifestRegistry | None,
) -> bool:
    """Return True if ``ref('ref_name')`` resolves to a real model/seed.

    *known_refable_names* is the union of every ``.sql`` model stem, YAML model
    name, and seed name in the project — the authoritative existence set even
    when no manifest is present. The manifest (which also indexes seeds) is
    consulted as a fallback when available.
    """
    if ref_name in known_refable_names:
        return True
    return manifest is not None and manifest.get_model(ref_name) is not None


def _check_dangling_refs(
    model_name: str,
    parsed: ParsedModel,
    known_refable_names: set[str],
    manifest: ManifestRegistry | None,
    report: ValidationReport,
) -> None:
    """Flag ``ref()`` calls whose target model/seed does not exist anywhere.

    Distinct from the ``upstream_refs`` WARNING (which fires when a *known*
    model's column list merely can't be resolved): a ref to a model that was
    renamed or deleted is a hard breakage that ``dbt`` itself would reject at
    parse time, so it is an ERROR. Without this, a PR that deletes a model still
    referenced elsewhere passes ``ol-dbt validate`` with exit 0.
    """
    for ref_name in parsed.refs:
        if not _ref_target_exists(ref_name, known_refable_names, manifest):
            report.add(
                "dangling_refs",
                Severity.ERROR,
                model_name,
                f"References a model that does not exist: ref('{ref_name}')",
                "The target has no .sql file, YAML entry, or seed in the project — it was likely "
                "renamed or deleted. Update the ref() or restore the model.",
            )


# ---------------------------------------------------------------------------
# Check 3: Broken ref column references
# ---------------------------------------------------------------------------


def _resolve_upstream_sql_columns(
    ref_name: str,
    sql_models_by_name: dict[str, ParsedModel],
    manifest: ManifestRegistry | None,
    yaml_registry: YamlRegistry,
) -> set[str] | None:
    """Return the output-column set for *ref_name* using SQL as the primary source.

    Priority: SQL-parsed output (most accurate) → manifest columns → YAML columns.
    Returns None when no source is available or the upstream uses an unresolved
    SELECT * with no known explicit aliases.

    When the upstream model uses ``SELECT cte.*, extra_col FROM ...`` (has_star=True
    with explicit aliases), the explicit aliases are combined with manifest/YAML columns
    to build the most complete possible set.  This avoids false positives for columns
    that are definitely present as explicit aliases alongside the star.
    """
    upstream_parsed = sql_models_by_name.get(ref_name)
    if upstream_parsed is not None and upstream_parsed.output_columns and not upstream_parsed.has_star:
        return upstream_parsed.output_columns

    # When has_star=True the upstream may have explicit aliases alongside *.
    # Collect those as a "partial" set — they are definitively in the output.
    partial: set[str] = upstream_parsed.output_columns if upstream_parsed is not None else set()

    declared: set[str] = set()
    if manifest is not None:
        m = manifest.get_model(ref_name)
        if m is not None and m.columns:
            declared = m.column_names
    if not declared:
        yaml_m = yaml_registry.get_model(ref_name)
        if yaml_m is not None and yaml_m.columns:
            declared = yaml_m.column_names

    combined = partial | declared
    return combined if combined else None


def _build_upstream_columns(
    parsed: ParsedModel,
    yaml_registry: YamlRegistry,
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
) -> dict[str, set[str]]:
    """Map every ref/source *parsed* reads to its known column set.

    Uses the same SQL-first resolution as :func:`_resolve_upstream_sql_columns`
    for refs (most accurate for broken-column comparison) and manifest→YAML for
    sources. Keyed by ref model name and ``source.table`` key so the result can
    seed :func:`consumed_columns_via_scope`'s qualify schema. Refs/sources whose
    columns are unknown are simply omitted.
    """
    upstream: dict[str, set[str]] = {}
    for ref_name in parsed.refs:
        cols = _resolve_upstream_sql_columns(ref_name, sql_models_by_name, manifest, yaml_registry)
        if cols:
            upstream[ref_name] = cols
    for source_key in parsed.source_refs:
        source_cols: set[str] | None = None
        if manifest is not None:
            source_model = manifest.get_source(source_key)
            if source_model is not None and source_model.columns:
                source_cols = source_model.column_names
        if not source_cols and "." in source_key:
            source_name, table_name = source_key.split(".", 1)
            source_cols = yaml_registry.get_source_columns(source_name, table_name) or None
        if source_cols:
            upstream[source_key] = source_cols
    return upstream


def _check_broken_ref_columns(
    model_name: str,
    parsed: ParsedModel,
    yaml_registry: YamlRegistry,
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
    report: ValidationReport,
) -> None:
    """Detect columns that a model reads from a ref() but that don't exist upstream.

    Uses SQL-first analysis to determine which columns are consumed from each
    upstream ref, then compares against that upstream's SQL output columns.
    Reports an ERROR for each column referenced that is absent from the upstream.

    Column attribution uses the hand-rolled passthrough-alias heuristic first
    (:func:`get_columns_read_from_ref`); when that bails — the downstream reads the
    ref through a JOIN or a subquery ``FROM``, where bare-column attribution is
    ambiguous — it falls back to sqlglot scope resolution
    (:func:`consumed_columns_via_scope`), which anchors every column to its source
    relation across the full JOIN/CTE graph. The fallback recovers coverage on the
    ~7% of ref edges the heuristic skips and can still surface a broken column read
    through a JOIN. It never mis-attributes a foreign column to this ref, so it
    introduces no false positives (see that function's contract).

    Skips silently when:
    - The downstream SQL cannot be parsed (no compiled/raw SQL path available).
    - The upstream column set is unknown (unresolved SELECT *, no manifest/YAML).
    - No columns can be attributed to a specific upstream ref by either method.
    """
    upstream_columns_by_name = _build_upstream_columns(parsed, yaml_registry, manifest, sql_models_by_name)
    # The scope fallback attributes every ref in one qualify() pass; compute it lazily
    # and once per model (only when some ref actually needs it) rather than re-parsing
    # and re-qualifying the same SQL per ref.
    scope_consumed: dict[str, set[str]] | None = None
    # parsed.refs preserves one entry per ref() call, so a self-join or a model that
    # ref()s the same upstream in two CTEs lists it more than once (11 such models in
    # the corpus). Deduplicate (order-preserving) so a broken column isn't reported twice.
    for ref_name in dict.fromkeys(parsed.refs):
        upstream_cols = upstream_columns_by_name.get(ref_name)
        if upstream_cols is None:
            continue  # can't determine upstream schema — skip

        consumed = get_columns_read_from_ref(parsed, ref_name)
        if consumed is None:
            # Heuristic bailed (JOIN / subquery FROM). Fall back to sqlglot scope
            # resolution, which needs every upstream's schema to anchor columns.
            if scope_consumed is None:
                scope_consumed = consumed_columns_by_ref_via_scope(parsed, upstream_columns_by_name)
            consumed = scope_consumed.get(ref_name)
        if consumed is None:
            continue  # neither method could determine what downstream reads — skip

        broken = consumed - upstream_cols
        if broken:
            report.add(
                "broken_ref_columns",
                Severity.ERROR,
                model_name,
                f"References column(s) from ref('{ref_name}') that don't exist upstream: {sorted(broken)}",
                f"Upstream '{ref_name}' outputs: {sorted(upstream_cols)}. "
                "Update the model to use the correct column names.",
            )


# ---------------------------------------------------------------------------
# Check 4: Docs coverage# ---------------------------------------------------------------------------


def _check_docs_coverage(
    model_name: str,
    yaml_registry: YamlRegistry,
    report: ValidationReport,
) -> None:
    if yaml_registry.get_model(model_name) is None:
        report.add(
            "docs_coverage",
            Severity.WARNING,
            model_name,
            f"Model '{model_name}' has no YAML documentation",
            "Create or update a _*.yml schema file in the model's directory.",
        )


# ---------------------------------------------------------------------------
# Check 4b: Primary-key test coverage on dimensional models (#2072 DoD)
# ---------------------------------------------------------------------------

# Dimensional models that are expected to declare a primary-key uniqueness
# guarantee. dims use a `*_pk` surrogate, facts a `*_key` surrogate; the date and
# time dims use a smart `date_key`/`time_key`. Either kind may instead enforce a
# composite grain via a model-level uniqueness test.
_DIMENSIONAL_PK_PREFIXES = ("dim_", "tfact_", "afact_")
_PK_COLUMN_SUFFIXES = ("_pk", "_key")
# Foreign keys to the date/time dimensions also end in `_key` (e.g.
# `enrollment_date_key`, `courserun_start_time_key`) but are NOT the model's own
# primary key. Exclude them so a dim's/fact's PK coverage is neither judged by nor
# its warning cluttered with unrelated FK columns. The date/time dims' own PKs
# (`date_key`, `time_key`) carry no entity prefix before `_key`, so they are kept.
_FK_KEY_SUFFIXES = ("_date_key", "_time_key", "_datetime_key")
# Substrings identifying a model-level composite-uniqueness test. Matched against
# the test name so package prefixes (dbt_utils., dbt_expectations.) don't matter.
_COMPOSITE_UNIQUENESS_TESTS = (
    "unique_combination_of_columns",
    "expect_compound_columns_to_be_unique",
)


def _check_pk_test_coverage(
    model_name: str,
    yaml_registry: YamlRegistry,
    report: ValidationReport,
) -> None:
    """Ensure every dimensional/fact model guarantees primary-key uniqueness.

    A model is covered when EITHER a surrogate-key column (``*_pk``/``*_key``,
    excluding foreign keys to the date/time dims like ``*_date_key``) carries
    both ``unique`` and ``not_null``, OR the model declares a model-level
    composite-uniqueness test (``unique_combination_of_columns`` /
    ``expect_compound_columns_to_be_unique``) for a natural composite grain.

    Emitted at WARNING (not ERROR) so it surfaces the current coverage gaps
    without breaking CI on pre-existing debt; promote to ERROR once the
    outstanding models are covered (mirrors the dimensional_layering baseline
    approach). High-value for the #2072 dimensional-migration DoD.
    """
    if not model_name.startswith(_DIMENSIONAL_PK_PREFIXES):
        return
    yaml_model = yaml_registry.get_model(model_name)
    if yaml_model is None:
        return  # no YAML to inspect — docs_coverage owns the missing-schema case

    pk_columns = [
        c
        for c in yaml_model.columns.values()
        if c.name.endswith(_PK_COLUMN_SUFFIXES) and not c.name.endswith(_FK_KEY_SUFFIXES)
    ]
    column_covered = any({"unique", "not_null"} <= set(col.tests) for col in pk_columns)
    model_covered = any(marker in test for test in yaml_model.tests for marker in _COMPOSITE_UNIQUENESS_TESTS)

    if column_covered or model_covered:
        return

    if pk_columns:
        detail = (
            f"Surrogate-key column(s) {sorted(c.name for c in pk_columns)} lack both `unique` and "
            "`not_null`, and no model-level composite-uniqueness test is declared. Add the missing "
            "column tests, or a model-level unique_combination_of_columns test for a composite grain."
        )
    else:
        detail = (
            "No `*_pk`/`*_key` surrogate-key column and no model-level composite-uniqueness test "
            "(unique_combination_of_columns / expect_compound_columns_to_be_unique). Add one so the "
            "primary key is enforced."
        )
    report.add(
        "pk_test_coverage",
        Severity.WARNING,
        model_name,
        "Dimensional/fact model has no enforced primary-key uniqueness",
        detail,
    )


# ---------------------------------------------------------------------------
# Check 5: YAML references non-existent SQL model
# ---------------------------------------------------------------------------


def _check_yaml_integrity(
    yaml_registry: YamlRegistry,
    sql_model_names: set[str],
    report: ValidationReport,
) -> None:
    for name, yaml_model in yaml_registry.models.items():
        if name not in sql_model_names:
            report.add(
                "yaml_integrity",
                Severity.ERROR,
                name,
                f"YAML defines model '{name}' but no corresponding .sql file found",
                f"Defined in: {yaml_model.source_file}",
            )


# ---------------------------------------------------------------------------
# Check 7: Dimensional-layering (enforces #2072 DoD)
# ---------------------------------------------------------------------------


def _compute_layering_violations(
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
    sql_file_map: dict[str, Path],
) -> list[LayeringViolation]:
    """Find marts/reporting → staging/intermediate references.

    Prefers the authoritative manifest (parent edges + original_file_path). Falls
    back to static ``ref()`` extraction mapped to each model's directory when no
    manifest is available (e.g. locally before ``dbt parse``).
    """
    if manifest is not None:
        return find_violations_from_manifest(manifest)
    layer_by_name = {name: classify_layer(path) for name, path in sql_file_map.items()}
    return find_violations_from_sql(sql_models_by_name, layer_by_name)


def _check_dimensional_layering(
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
    sql_file_map: dict[str, Path],
    baseline: set[str],
    report: ValidationReport,
) -> None:
    """Flag marts/reporting models that reference staging/intermediate directly.

    New violations (not in *baseline*) are ERRORs that fail the run. Known
    baseline violations are collapsed into a single INFO summary so the #2072
    migration debt stays visible without flooding the report. Baseline entries
    that no longer occur are surfaced at INFO to prompt shrinking the baseline.
    """
    violations = _compute_layering_violations(manifest, sql_models_by_name, sql_file_map)
    current_keys = {v.key for v in violations}

    for violation in violations:
        if violation.key in baseline:
            continue
        report.add(
            "dimensional_layering",
            Severity.ERROR,
            violation.child,
            (f"{violation.child_layer} model references {violation.parent_layer} model '{violation.parent}' directly"),
            (
                f"{violation.key}. Marts/reporting models must reference only dimensional "
                "(dim_*/tfact_*/afact_*/bridge_*) or other mart/reporting models — see "
                "models/dimensional/README.md. Add the needed data to the dimensional layer first."
            ),
        )

    baselined = sorted(v.key for v in violations if v.key in baseline)
    if baselined:
        report.add(
            "dimensional_layering",
            Severity.INFO,
            "(#2072 migration)",
            f"{len(baselined)} known layering violation(s) tolerated by baseline",
            "Pre-existing marts/reporting → staging/intermediate references; the #2072 "
            "migration shrinks this over time. See dimensional_layering_baseline.txt for the full list.",
        )

    for stale_key in sorted(baseline - current_keys):
        child = stale_key.split(" -> ", 1)[0]
        report.add(
            "dimensional_layering",
            Severity.INFO,
            child,
            f"Resolved baseline entry: {stale_key}",
            "This violation no longer exists — run `ol-dbt validate --update-baseline` to shrink the baseline.",
        )


# ---------------------------------------------------------------------------
# Registry-aware SELECT * resolution
# ---------------------------------------------------------------------------


def _resolve_star_with_registry(
    parsed: ParsedModel,
    yaml_registry: YamlRegistry,
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
) -> set[str] | None:
    """Try to resolve ``SELECT *`` using YAML/manifest column declarations.

    Called when CTE-level resolution failed (``parsed.has_star is True``).
    Returns the resolved column set on success, ``None`` if unresolvable.

    Resolution order for the star's source:
    1. If the source is a ``ref_<model>`` placeholder: look up the model's
       columns in the manifest (most accurate), then the YAML registry, then
       the already-parsed SQL output of that model.
    2. If the source is a ``source_<source>_<table>`` placeholder: look up the
       source table's column declarations in the YAML registry.
    """
    star_source = parsed.star_source
    if not star_source:
        return None

    # --- ref() resolution ---
    if star_source in parsed.ref_placeholder_map:
        upstream_model = parsed.ref_placeholder_map[star_source]

        # Manifest columns are the most authoritative
        if manifest:
            m_model = manifest.get_model(upstream_model)
            if m_model and m_model.columns:
                return m_model.column_names

        # YAML-declared columns
        y_model = yaml_registry.get_model(upstream_model)
        if y_model and y_model.columns:
            return y_model.column_names

        # Parsed SQL output of the upstream model (best-effort)
        upstream_parsed = sql_models_by_name.get(upstream_model)
        if upstream_parsed and not upstream_parsed.has_star and upstream_parsed.output_columns:
            return upstream_parsed.output_columns

    # --- source() resolution ---
    if star_source in parsed.source_placeholder_map:
        source_key = parsed.source_placeholder_map[star_source]  # "source_name.table_name"
        source_name, table_name = source_key.split(".", 1)
        cols = yaml_registry.get_source_columns(source_name, table_name)
        if cols:
            return cols

    return None


def _resolve_star_with_qualify(
    parsed: ParsedModel,
    yaml_registry: YamlRegistry,
    manifest: ManifestRegistry | None,
    sql_models_by_name: dict[str, ParsedModel],
) -> set[str] | None:
    """Resolve a ``SELECT *`` via sqlglot ``qualify()`` when the single-source lookup fails.

    :func:`_resolve_star_with_registry` only expands a star that draws from one directly-named
    ref/source. A star that chains through a UNION or multi-source CTE
    (``select * from combined`` unioning two ``select * from ref`` CTEs) needs
    full column-level qualification against every upstream's schema. This gathers
    columns for *all* refs/sources the model reads — manifest first, then YAML,
    then already-parsed SQL output — and lets ``qualify()`` expand the star
    through the CTE graph. Returns ``None`` when no upstream schema is known.
    """
    upstream_columns: dict[str, set[str]] = {}
    for ref_name in parsed.refs:
        cols = _resolve_upstream_columns(ref_name, yaml_registry, manifest, sql_models_by_name)
        if cols:
            upstream_columns[ref_name] = cols
    for source_key in parsed.source_refs:
        source_cols: set[str] | None = None
        if manifest is not None:
            source_model = manifest.get_source(source_key)
            if source_model is not None and source_model.columns:
                source_cols = source_model.column_names
        if not source_cols and "." in source_key:
            source_name, table_name = source_key.split(".", 1)
            source_cols = yaml_registry.get_source_columns(source_name, table_name) or None
        if source_cols:
            upstream_columns[source_key] = source_cols

    if not upstream_columns:
        return None
    return resolve_star_columns(parsed, upstream_columns)


# ---------------------------------------------------------------------------
# Check 6: SELECT * usage
# ---------------------------------------------------------------------------


def _check_select_star(
    model_name: str,
    parsed: ParsedModel,
    report: ValidationReport,
) -> None:
    """Warn when a model uses SELECT * that could not be resolved to explicit columns.

    A SELECT * that sqlglot resolved via CTE analysis is flagged at INFO level
    (it works, but makes column lineage opaque). An unresolved SELECT * drawing
    from a ref() placeholder or external table is flagged at WARNING level (it
    prevents column-level validation entirely).
    """
    if parsed.has_star:
        source_hint = f" (from '{parsed.star_source}')" if parsed.star_source else ""
        report.add(
            "select_star",
            Severity.WARNING,
            model_name,
            f"Model uses SELECT *{source_hint} that cannot be statically resolved",
            "Replace SELECT * with explicit column aliases to enable column-level validation "
            "and improve downstream lineage clarity.",
        )
    elif parsed.star_resolved:
        report.add(
            "select_star",
            Severity.INFO,
            model_name,
            "Model uses SELECT * (resolved via CTE or upstream schema analysis)",
            "Consider replacing SELECT * with explicit column aliases for clearer lineage "
            "and to avoid surprises when upstream columns change.",
        )


# ---------------------------------------------------------------------------


def _print_text_report(report: ValidationReport, errors_only: bool = False) -> None:
    visible = [i for i in report.issues if not errors_only or i.severity == Severity.ERROR]

    if not visible:
        if errors_only and report.issues:
            console.print("[bold green]✅ No errors — warnings/info suppressed (--errors-only).[/]")
        else:
            console.print("[bold green]✅ All checks passed — no issues found.[/]")
        return

    checks = sorted({i.check for i in visible})
    for check in checks:
        check_issues = [i for i in visible if i.check == check]
        console.print(f"\n[bold cyan]── {check.upper().replace('_', ' ')} ──[/]")
        for issue in check_issues:
            color = {"ERROR": "red", "WARNING": "yellow", "INFO": "blue"}[issue.severity.value]
            console.print(f"  [{color}]{issue.severity.value}[/] [bold]{issue.model}[/]: {issue.message}")
            if issue.detail:
                console.print(f"    [dim]{issue.detail}[/]")


def _print_json_report(report: ValidationReport, errors_only: bool = False) -> None:
    issues = report.issues if not errors_only else report.errors
    data = [
        {
            "check": i.check,
            "severity": i.severity.value,
            "model": i.model,
            "message": i.message,
            "detail": i.detail,
        }
        for i in issues
    ]
    print(json.dumps(data, indent=2))


# ---------------------------------------------------------------------------
# Model target resolution
# ---------------------------------------------------------------------------


def _resolve_model_targets(
    raw_values: tuple[str, ...],
    models_dir: Path,
    sql_file_map: dict[str, Path],
) -> tuple[list[str], list[str]]:
    """Expand ``--model`` values into model names, handling names, globs, and directories.

    Each value in *raw_values* can be:

    * A model name (exact stem match): ``stg__mitlearn__app__postgres__users_user``
    * A comma-separated list of names/paths: ``model_a,model_b``
    * A directory path (absolute, or relative to *models_dir*, or a subdirectory
      name found anywhere under *models_dir*): ``staging/mitlearn`` or just ``mitlearn``

    Returns ``(resolved_names, unknown)`` where *unknown* lists values that could
    not be matched to any known model or directory.
    """
    resolved: list[str] = []
    unknown: list[str] = []

    resolved_models_dir = models_dir.resolve()

    def _is_under_models_dir(p: Path) -> bool:
        """Return True iff *p* is within *models_dir* (prevents path traversal)."""
        try:
            p.resolve().relative_to(resolved_models_dir)
            return True
        except ValueError:
            return False

    # Flatten comma-separated values so users can do --model a,b or --model a --model b
    tokens: list[str] = []
    for raw in raw_values:
        tokens.extend(part.strip() for part in raw.split(",") if part.strip())

    for token in tokens:
        # 1. Exact model name match
        if token in sql_file_map:
            resolved.append(token)
            continue

        # 2. Directory resolution — try several interpretations
        candidate_dirs: list[Path] = []

        as_abs = Path(token)
        if as_abs.is_absolute() and as_abs.is_dir() and _is_under_models_dir(as_abs):
            candidate_dirs.append(as_abs)

        as_rel = models_dir / token
        if as_rel.is_dir() and _is_under_models_dir(as_rel):
            candidate_dirs.append(as_rel)

        # Fuzzy: find any subdirectory whose name matches the token
        if not candidate_dirs:
            candidate_dirs = [p for p in models_dir.rglob(token) if p.is_dir() and _is_under_models_dir(p)]

        if candidate_dirs:
            before = len(resolved)
            for d in candidate_dirs:
                for sql_file in sorted(d.rglob("*.sql")):
                    if sql_file.stem in sql_file_map:
                        resolved.append(sql_file.stem)
            if len(resolved) > before:
                continue

        unknown.append(token)

    # Deduplicate while preserving order
    seen: set[str] = set()
    deduped: list[str] = []
    for name in resolved:
        if name not in seen:
            seen.add(name)
            deduped.append(name)

    return deduped, unknown


# ---------------------------------------------------------------------------


def validate(
    dbt_dir_path: Annotated[
        str | None,
        Parameter(
            name=["--dbt-dir", "-d"],
            help="Path to dbt project root (contains dbt_project.yml). Defaults to src/ol_dbt relative to repo root.",
        ),
    ] = None,
    model: Annotated[
        tuple[str, ...],
        Parameter(
            name=["--model", "-m"],
            help=(
                "Model name(s), comma-separated list, or directory path to validate. "
                "Repeat the flag for multiple values: --model a --model b. "
                "Paths are resolved relative to the models/ directory; a bare name like "
                "'mitlearn' matches any subdirectory with that name."
            ),
        ),
    ] = (),
    changed_only: Annotated[
        bool,
        Parameter(
            name=["--changed-only", "-c"],
            help="Only validate models that have changed vs origin/main.",
        ),
    ] = False,
    base_ref: Annotated[
        str,
        Parameter(
            name=["--base-ref"],
            help="Git ref to compare against for --changed-only (default: origin/main).",
        ),
    ] = "origin/main",
    output_format: Annotated[
        str,
        Parameter(
            name=["--format", "-f"],
            help="Output format: text (default) or json.",
        ),
    ] = "text",
    skip_checks: Annotated[
        str | None,
        Parameter(
            name=["--skip"],
            help=(
                "Comma-separated list of checks to skip: yaml_sql_sync, upstream_refs, dangling_refs, "
                "broken_ref_columns, docs_coverage, pk_test_coverage, yaml_integrity, select_star, "
                "dimensional_layering."
            ),
        ),
    ] = None,
    only_checks: Annotated[
        str | None,
        Parameter(
            name=["--only"],
            help=(
                "Comma-separated list of checks to run exclusively (all others are skipped): "
                "yaml_sql_sync, upstream_refs, dangling_refs, broken_ref_columns, docs_coverage, "
                "pk_test_coverage, yaml_integrity, select_star, dimensional_layering. "
                "Mutually exclusive with --skip."
            ),
        ),
    ] = None,
    errors_only: Annotated[
        bool,
        Parameter(
            name=["--errors-only", "-e"],
            help="Only display ERROR-level issues; suppress warnings and info. Exit code still reflects all errors.",
        ),
    ] = False,
    compiled_dir_path: Annotated[
        str | None,
        Parameter(
            name=["--compiled-dir"],
            help=(
                "Path to the compiled models directory (e.g. target/compiled/open_learning/models). "
                "When provided, uses Jinja-rendered SQL for accurate column extraction instead of "
                "regex-based Jinja stripping. Auto-detected from {dbt-dir}/target/compiled/ if present."
            ),
        ),
    ] = None,
    auto_compile: Annotated[
        bool,
        Parameter(
            name=["--auto-compile"],
            help=(
                "Run 'dbt parse' before validation to regenerate manifest.json. "
                "Uses --target (default: dev_local, a local DuckDB instance) so no "
                "network or credentials are required. "
                "Use when you want the manifest to reflect recent model changes. "
                "For compiled SQL accuracy, run 'dbt compile' manually first."
            ),
        ),
    ] = False,
    compile_target: Annotated[
        str,
        Parameter(
            name=["--target", "-t"],
            help=(
                "dbt target to use when --auto-compile is set (default: dev_local). "
                "dev_local uses a local DuckDB instance and requires no network access. "
                "Other targets (dev_qa, production) require Trino credentials."
            ),
        ),
    ] = "dev_local",
    baseline_file: Annotated[
        str | None,
        Parameter(
            name=["--baseline-file"],
            help=(
                "Path to the dimensional_layering baseline (allowlist of known #2072 "
                "layering-debt references). Defaults to <dbt-dir>/dimensional_layering_baseline.txt."
            ),
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        Parameter(
            name=["--update-baseline"],
            help=(
                "Regenerate the dimensional_layering baseline from the current models "
                "(marts/reporting → staging/intermediate references), write it to "
                "--baseline-file, and exit. Use after the #2072 migration removes violations."
            ),
        ),
    ] = False,
) -> None:
    """Validate dbt model SQL and YAML schema files for consistency.

    Runs nine checks:

    1. yaml_sql_sync         — columns in YAML match columns in SQL SELECT output
    2. upstream_refs         — warns when an upstream ref()'s column list is unresolvable
    3. dangling_refs         — ref() to a model/seed that does not exist (ERROR)
    4. broken_ref_columns    — columns read from a ref() that don't exist in the upstream output
    5. docs_coverage         — every .sql model has a YAML definition
    6. pk_test_coverage      — dimensional/fact models declare an enforced primary key (WARNING; #2072 DoD)
    7. yaml_integrity        — every YAML model entry has a corresponding .sql file
    8. select_star           — flag models using SELECT * (WARNING when unresolvable, INFO when resolved)
    9. dimensional_layering  — marts/reporting models must not reference staging/intermediate directly
                               (#2072 DoD); new violations error, known ones are baselined

    Uses dbt manifest.json when available (run `dbt parse` first) for accurate
    column resolution. Falls back to sqlglot-based raw SQL parsing otherwise.

    When SELECT * is encountered, sqlglot attempts to expand it by tracing through
    CTEs in the same file. If successful, yaml_sql_sync proceeds normally. If the
    star draws from a ref() or external table, column sync is skipped for that model
    to avoid false positives, and select_star emits a WARNING instead.

    Examples:
        Validate all models:
            ol-dbt validate

        Only show errors (suppress warnings):
            ol-dbt validate --errors-only

        Validate only changed models vs origin/main:
            ol-dbt validate --changed-only

        Validate a single model by name:
            ol-dbt validate --model stg__mitlearn__app__postgres__users_user

        Validate multiple models (repeat flag or comma-separate):
            ol-dbt validate --model stg__mitlearn__users --model stg__mitlearn__orders
            ol-dbt validate --model stg__mitlearn__users,stg__mitlearn__orders

        Validate all models under a directory:
            ol-dbt validate --model staging/mitlearn
            ol-dbt validate --model mitlearn

        JSON output for CI integration:
            ol-dbt validate --changed-only --format json

        Run only one check:
            ol-dbt validate --only yaml_sql_sync

        Run only two checks:
            ol-dbt validate --only yaml_sql_sync,docs_coverage

        Skip a specific check:
            ol-dbt validate --skip select_star

        Run only the dimensional-layering lint (#2072 DoD gate for CI):
            ol-dbt validate --only dimensional_layering --format json

        Regenerate the dimensional-layering baseline after migrating models:
            ol-dbt validate --update-baseline

        Regenerate manifest before validating (uses dev_local DuckDB by default):
            ol-dbt validate --auto-compile

        Regenerate manifest using a specific target:
            ol-dbt validate --auto-compile --target dev_qa

    """
    all_checks = {
        "yaml_sql_sync",
        "upstream_refs",
        "dangling_refs",
        "broken_ref_columns",
        "docs_coverage",
        "pk_test_coverage",
        "yaml_integrity",
        "select_star",
        "dimensional_layering",
    }
    if skip_checks and only_checks:
        console.print("[bold red]Error:[/] --skip and --only are mutually exclusive.")
        raise SystemExit(1)

    def _parse_check_list(raw: str, flag: str) -> set[str]:
        """Parse a comma-separated check list, erroring on unknown names.

        Without this, an unknown/misspelled check (e.g. ``--only dimensinal_layering``)
        would silently skip *every* check and exit 0 — a false-green in CI.
        """
        names = {s.strip() for s in raw.split(",") if s.strip()}
        unknown = names - all_checks
        if unknown:
            console.print(
                f"[bold red]Error:[/] Unknown check(s) in {flag}: {sorted(unknown)}. "
                f"Valid checks: {sorted(all_checks)}."
            )
            raise SystemExit(1)
        return names

    skipped: set[str] = set()
    if skip_checks:
        skipped = _parse_check_list(skip_checks, "--skip")
    elif only_checks:
        skipped = all_checks - _parse_check_list(only_checks, "--only")

    # Resolve dbt project directory
    if dbt_dir_path:
        dbt_dir = Path(dbt_dir_path).resolve()
    else:
        try:
            repo_root = get_repo_root()
            dbt_dir = repo_root / "src" / "ol_dbt"
        except RuntimeError:
            dbt_dir = Path("src/ol_dbt").resolve()

    if not (dbt_dir / "dbt_project.yml").exists():
        err_console.print(f"[red]Error:[/] dbt project not found at {dbt_dir}")
        err_console.print("  Use --dbt-dir to specify the path.")
        sys.exit(1)

    models_dir = dbt_dir / "models"

    # Auto-compile: run dbt parse to regenerate manifest.json before validation.
    # Uses dev_local (DuckDB) by default — no network or credentials required.
    if auto_compile:
        cmd = ["dbt", "parse", "--target", compile_target]
        if output_format == "text":
            console.print(f"[dim]Running: {' '.join(cmd)} ...[/]")
        try:
            subprocess.run(  # noqa: S603, S607
                cmd,
                cwd=str(dbt_dir),
                capture_output=True,
                text=True,
                check=True,
            )
            if output_format == "text":
                console.print("[dim]dbt parse succeeded — manifest regenerated.[/]")
        except subprocess.CalledProcessError as exc:
            err_console.print(f"[yellow]Warning:[/] dbt parse failed: {exc.stderr[-200:] if exc.stderr else exc}")
            err_console.print("  Validation will continue with existing or no manifest.")
        except FileNotFoundError:
            err_console.print("[yellow]Warning:[/] 'dbt' command not found; skipping auto-compile.")
            err_console.print("  Install dbt and ensure it is on PATH, or run dbt parse manually.")

    # Resolve compiled SQL directory (Jinja-free, most accurate)
    compiled_dir: Path | None = None
    if compiled_dir_path:
        compiled_dir = Path(compiled_dir_path).resolve()
        if not compiled_dir.is_dir():
            err_console.print(f"[yellow]Warning:[/] --compiled-dir '{compiled_dir}' not found; using raw SQL parsing.")
            compiled_dir = None
    else:
        compiled_dir = find_compiled_dir(dbt_dir)

    if compiled_dir is not None and output_format == "text":
        console.print(f"[dim]Using compiled SQL: {compiled_dir}[/]")

    # Load manifest if available
    manifest: ManifestRegistry | None = None
    manifest_path = find_manifest(dbt_dir)
    if manifest_path:
        try:
            manifest = load_manifest(manifest_path)
            if output_format == "text":
                console.print(f"[dim]Using manifest: {manifest_path}[/]")
        except Exception as exc:  # noqa: BLE001
            if output_format == "text":
                console.print(f"[yellow]Warning:[/] Could not load manifest ({exc}); using raw SQL parsing.")

    # Build YAML registry
    yaml_registry = build_yaml_registry(models_dir)

    # Collect all SQL model files
    all_sql_files = sorted(models_dir.rglob("*.sql"))
    sql_model_names: set[str] = {f.stem for f in all_sql_files}

    # Determine which models to validate
    if model:
        sql_file_map: dict[str, Path] = {f.stem: f for f in all_sql_files}
        target_names, unknown_tokens = _resolve_model_targets(model, models_dir, sql_file_map)
        if unknown_tokens:
            for tok in unknown_tokens:
                err_console.print(
                    f"[yellow]Warning:[/] --model value '{tok}' did not match any model name or directory — skipped."
                )
        if not target_names:
            err_console.print("[red]Error:[/] No matching models found for the provided --model values.")
            sys.exit(1)
    elif changed_only:
        try:
            target_names = get_changed_sql_models(dbt_dir, base_ref=base_ref)
            macro_files = get_changed_macro_files(dbt_dir, base_ref=base_ref)
            yaml_files = get_changed_yaml_models(dbt_dir, base_ref=base_ref)
        except RuntimeError as exc:
            err_console.print(f"[red]Error resolving git diff:[/] {exc}")
            sys.exit(1)

        extra: list[str] = []

        # A macro edit changes no model .sql file, but can alter the compiled
        # output of every model that (transitively) calls it. Map the changed
        # macro files to affected models via the manifest so their checks run.
        if macro_files:
            if manifest is not None:
                # as_posix() (not str()) so paths use forward slashes on every
                # platform, matching the dbt manifest's original_file_path form.
                macro_rel = {p.relative_to(dbt_dir).as_posix() for p in macro_files if p.is_relative_to(dbt_dir)}
                extra.extend(sorted(manifest.models_for_changed_macros(macro_rel)))
            else:
                err_console.print(
                    f"[yellow]Warning:[/] {len(macro_files)} macro file(s) changed but no manifest is "
                    "available to map them to affected models. Run with --auto-compile (or `dbt parse`) "
                    "so macro-only changes are validated."
                )

        # A YAML-only change (phantom column, dropped docs) touches no .sql file
        # either. Add models whose schema YAML changed so yaml_sql_sync runs.
        if yaml_files:
            resolved_file_to_models = {p.resolve(): names for p, names in yaml_registry.file_to_models.items()}
            for yf in yaml_files:
                extra.extend(resolved_file_to_models.get(yf.resolve(), []))

        seen_targets = set(target_names)
        for name in extra:
            if name not in seen_targets:
                seen_targets.add(name)
                target_names.append(name)

        if not target_names:
            if macro_files or yaml_files:
                # Changes WERE detected, they just didn't resolve to any model to
                # validate (no manifest for macro mapping, or a YAML file that
                # declares no models). Say so rather than claiming nothing changed.
                console.print(
                    f"[dim]Changed macro/YAML file(s) detected vs {base_ref}, but none mapped to "
                    "models to validate (see warnings above).[/]"
                )
            else:
                console.print(f"[dim]No changed models (SQL, macro, or YAML) detected vs {base_ref}.[/]")
            return
    else:
        target_names = [f.stem for f in all_sql_files]

    if output_format == "text":
        if model:
            mode = f"{len(target_names)} model(s) from --model filter"
        elif changed_only:
            mode = f"changed models vs {base_ref}"
        else:
            mode = "all models"
        console.print(f"\n[bold]Validating {len(target_names)} {mode}[/]\n")

    # Parse all SQL files up-front (needed for cross-model reference resolution)
    sql_file_map_all: dict[str, Path] = {f.stem: f for f in all_sql_files}
    sql_models_by_name: dict[str, ParsedModel] = {}
    for name, path in sql_file_map_all.items():
        try:
            parsed_m = parse_model_file(path, compiled_dir=compiled_dir)
            sql_models_by_name[name] = parsed_m
        except Exception as exc:  # noqa: BLE001
            # Store a minimal ParsedModel so the model still appears in checks
            # that don't require column data (e.g. docs_coverage) and the failure
            # is visible rather than silently suppressed.
            sql_models_by_name[name] = ParsedModel(name=name, parse_error=str(exc))

    # Second pass: upgrade SELECT * models using YAML/manifest column declarations.
    # This runs over ALL parsed models (not just target_names) so upstream models
    # referenced via ref() can in turn be used to resolve downstream stars.
    for parsed_model in sql_models_by_name.values():
        if parsed_model.has_star:
            resolved_cols = _resolve_star_with_registry(parsed_model, yaml_registry, manifest, sql_models_by_name)
            if resolved_cols is None:
                # Single-source registry lookup failed; fall back to full-schema
                # qualify() for stars that chain through UNION/multi-source CTEs.
                resolved_cols = _resolve_star_with_qualify(parsed_model, yaml_registry, manifest, sql_models_by_name)
            if resolved_cols is not None:
                parsed_model.output_columns = resolved_cols
                parsed_model.has_star = False
                parsed_model.star_resolved = True

    # Resolve the dimensional-layering baseline path.
    baseline_path = Path(baseline_file).resolve() if baseline_file else default_baseline_path(dbt_dir)

    # --update-baseline: regenerate the baseline from current violations and exit.
    if update_baseline:
        violations = _compute_layering_violations(manifest, sql_models_by_name, sql_file_map_all)
        write_baseline(baseline_path, violations)
        source = "manifest" if manifest is not None else "static ref() analysis"
        console.print(
            f"[green]Wrote {len(violations)} dimensional-layering violation(s)[/] to {baseline_path} (via {source})."
        )
        return

    # Authoritative set of ref()-able names for dangling-ref detection: every
    # .sql model stem, YAML-declared model, and seed. Built from the filesystem
    # so it is complete even without a manifest (a ref to a seed would otherwise
    # look dangling when running before `dbt parse`).
    seed_names = {f.stem for seed_dir in (dbt_dir / "seeds",) if seed_dir.is_dir() for f in seed_dir.rglob("*.csv")}
    known_refable_names = sql_model_names | set(yaml_registry.models) | seed_names

    report = ValidationReport()

    # Emit parse errors as validation issues for targeted models so users know
    # why SQL-dependent checks are skipped for affected models.
    for name in target_names:
        pm = sql_models_by_name.get(name)
        if pm is not None and pm.parse_error:
            report.add(
                "yaml_sql_sync",
                Severity.WARNING,
                name,
                f"SQL parse failed: {pm.parse_error[:200]}",
                "SQL-dependent checks (yaml_sql_sync, upstream_refs, dangling_refs, "
                "broken_ref_columns, select_star) are skipped for this model.",
            )

    # Run checks per model
    for name in target_names:
        parsed = sql_models_by_name.get(name)
        # Skip SQL-dependent checks when the model failed to parse.
        # Use cast() to narrow the type for type checkers without assert (S101).
        sql_ok = parsed is not None and not parsed.parse_error

        if "yaml_sql_sync" not in skipped and sql_ok:
            _check_yaml_sql_sync(name, yaml_registry, cast("ParsedModel", parsed), report)

        if "upstream_refs" not in skipped and sql_ok:
            _check_upstream_refs(
                name,
                cast("ParsedModel", parsed),
                yaml_registry,
                manifest,
                sql_models_by_name,
                known_refable_names,
                report,
                dangling_refs_active="dangling_refs" not in skipped,
            )

        if "dangling_refs" not in skipped and sql_ok:
            _check_dangling_refs(name, cast("ParsedModel", parsed), known_refable_names, manifest, report)

        if "broken_ref_columns" not in skipped and sql_ok:
            _check_broken_ref_columns(
                name, cast("ParsedModel", parsed), yaml_registry, manifest, sql_models_by_name, report
            )

        if "docs_coverage" not in skipped:
            _check_docs_coverage(name, yaml_registry, report)

        if "pk_test_coverage" not in skipped:
            _check_pk_test_coverage(name, yaml_registry, report)

        if "select_star" not in skipped and sql_ok:
            _check_select_star(name, cast("ParsedModel", parsed), report)

    # YAML integrity is a global check — run once
    if "yaml_integrity" not in skipped:
        _check_yaml_integrity(yaml_registry, sql_model_names, report)

    # Dimensional-layering is a global invariant (enforces #2072 DoD) — run once
    # over ALL models regardless of --model/--changed-only, so a new violation
    # anywhere fails the run. The baseline tolerates pre-existing debt.
    if "dimensional_layering" not in skipped:
        baseline = load_baseline(baseline_path)
        _check_dimensional_layering(manifest, sql_models_by_name, sql_file_map_all, baseline, report)

    # Output
    if output_format == "json":
        _print_json_report(report, errors_only=errors_only)
    else:
        _print_text_report(report, errors_only=errors_only)
        n_errors = len(report.errors)
        n_warnings = len(report.warnings)
        suppressed = f", {n_warnings} warning(s) suppressed" if errors_only and n_warnings else ""
        summary = (
            f"\n[bold]Summary:[/] {n_errors} error(s), {n_warnings} warning(s)"
            f" across {len(report.issues)} issue(s){suppressed}."
        )
        console.print(summary)

    if report.errors:
        sys.exit(1)
