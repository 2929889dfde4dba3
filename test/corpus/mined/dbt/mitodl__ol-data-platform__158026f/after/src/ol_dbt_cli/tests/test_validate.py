"""Tests for commands/validate.py — structural validation checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ol_dbt_cli.commands.validate import (
    Severity,
    ValidationReport,
    _check_docs_coverage,
    _check_select_star,
    _check_yaml_integrity,
    _check_yaml_sql_sync,
    _print_json_report,
    _print_text_report,
    _resolve_model_targets,
    _resolve_star_with_qualify,
    _resolve_star_with_registry,
)
from ol_dbt_cli.lib.sql_parser import ParsedModel, parse_model_file
from ol_dbt_cli.lib.yaml_registry import (
    YamlColumn,
    YamlModel,
    YamlRegistry,
    YamlSource,
    YamlSourceTable,
    build_yaml_registry,
)


def _simple_registry(*col_names: str, model_name: str = "stg_users") -> YamlRegistry:
    """Build a minimal YamlRegistry with one model."""
    return YamlRegistry(
        models={
            model_name: YamlModel(
                name=model_name,
                source_file=Path("_models.yml"),
                columns={n: YamlColumn(name=n) for n in col_names},
            )
        }
    )


@pytest.fixture()
def models_dir(tmp_path: Path) -> Path:
    staging = tmp_path / "staging"
    staging.mkdir()

    (staging / "_models.yml").write_text(
        textwrap.dedent("""
        version: 2
        models:
        - name: stg_users
          description: Users
          columns:
          - name: user_id
            description: int
          - name: user_email
            description: str
          - name: stale_col
            description: this column no longer exists in SQL
        """).strip()
    )

    (staging / "stg_users.sql").write_text("select id as user_id, email as user_email, name as user_name from raw")
    return tmp_path


class TestYamlSqlSync:
    def test_detects_phantom_column(self, models_dir: Path) -> None:
        yaml_registry = build_yaml_registry(models_dir)
        parsed = ParsedModel(
            name="stg_users",
            output_columns={"user_id", "user_email", "user_name"},
        )
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", yaml_registry, parsed, report)

        errors = [i for i in report.issues if i.severity == Severity.ERROR]
        assert any("stale_col" in i.message for i in errors)

    def test_detects_undocumented_column(self, models_dir: Path) -> None:
        yaml_registry = build_yaml_registry(models_dir)
        parsed = ParsedModel(
            name="stg_users",
            output_columns={"user_id", "user_email", "user_name"},
        )
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", yaml_registry, parsed, report)

        errors = [i for i in report.issues if i.severity == Severity.ERROR]
        assert any("user_name" in i.message for i in errors)

    def test_no_issues_when_in_sync(self) -> None:
        registry = _simple_registry("user_id", "user_email")
        parsed = ParsedModel(name="stg_users", output_columns={"user_id", "user_email"})
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", registry, parsed, report)
        assert len(report.errors) == 0
        assert len(report.warnings) == 0

    def test_unresolved_star_skips_phantom_check(self) -> None:
        """When SELECT * is unresolved, yaml_sql_sync must NOT flag YAML cols as phantom."""
        registry = _simple_registry("user_id", "user_email", "user_name")
        # has_star=True, output_columns empty -> 3 YAML cols would all appear phantom.
        # The check should skip and emit one WARNING instead.
        parsed = ParsedModel(name="stg_users", output_columns=set(), has_star=True)
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", registry, parsed, report)

        errors = [i for i in report.issues if i.severity == Severity.ERROR]
        assert len(errors) == 0, "Must not produce phantom-column errors for unresolved SELECT *"
        warnings = [i for i in report.issues if i.severity == Severity.WARNING]
        assert len(warnings) == 1
        assert "SELECT *" in warnings[0].message

    def test_resolved_star_runs_normal_checks(self) -> None:
        """When SELECT * was resolved via CTE analysis, yaml_sql_sync runs normally."""
        registry = _simple_registry("user_id", "user_email")
        parsed = ParsedModel(
            name="stg_users",
            output_columns={"user_id", "user_email"},
            has_star=False,
            star_resolved=True,
        )
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", registry, parsed, report)
        assert len(report.issues) == 0

    def test_resolved_star_still_detects_phantom(self) -> None:
        """Resolved SELECT * + phantom YAML col -> ERROR."""
        registry = _simple_registry("user_id", "user_email", "ghost_col")
        parsed = ParsedModel(
            name="stg_users",
            output_columns={"user_id", "user_email"},
            has_star=False,
            star_resolved=True,
        )
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", registry, parsed, report)
        errors = [i for i in report.issues if i.severity == Severity.ERROR]
        assert any("ghost_col" in i.message for i in errors)

    def test_unresolved_star_records_source(self) -> None:
        """star_source name appears in the WARNING message."""
        registry = _simple_registry("user_id")
        parsed = ParsedModel(
            name="stg_users",
            output_columns=set(),
            has_star=True,
            star_source="ref_stg_upstream",
        )
        report = ValidationReport()
        _check_yaml_sql_sync("stg_users", registry, parsed, report)
        assert any("ref_stg_upstream" in i.message for i in report.issues)


class TestSelectStar:
    def test_warns_on_unresolved_star(self) -> None:
        parsed = ParsedModel(name="stg_users", output_columns=set(), has_star=True)
        report = ValidationReport()
        _check_select_star("stg_users", parsed, report)
        assert len(report.issues) == 1
        assert report.issues[0].severity == Severity.WARNING

    def test_info_on_resolved_star(self) -> None:
        parsed = ParsedModel(
            name="stg_users",
            output_columns={"user_id"},
            has_star=False,
            star_resolved=True,
        )
        report = ValidationReport()
        _check_select_star("stg_users", parsed, report)
        assert len(report.issues) == 1
        assert report.issues[0].severity == Severity.INFO

    def test_no_issue_for_explicit_columns(self) -> None:
        parsed = ParsedModel(name="stg_users", output_columns={"user_id", "user_email"})
        report = ValidationReport()
        _check_select_star("stg_users", parsed, report)
        assert len(report.issues) == 0

    def test_star_source_in_warning(self) -> None:
        parsed = ParsedModel(
            name="stg_users",
            output_columns=set(),
            has_star=True,
            star_source="raw_users",
        )
        report = ValidationReport()
        _check_select_star("stg_users", parsed, report)
        assert any("raw_users" in i.message for i in report.issues)


class TestDocsCoverage:
    def test_flags_missing_yaml(self) -> None:
        registry = YamlRegistry()
        report = ValidationReport()
        _check_docs_coverage("undocumented_model", registry, report)
        assert len(report.issues) == 1
        assert report.issues[0].severity == Severity.WARNING

    def test_no_issue_when_documented(self, models_dir: Path) -> None:
        registry = build_yaml_registry(models_dir)
        report = ValidationReport()
        _check_docs_coverage("stg_users", registry, report)
        assert len(report.issues) == 0


class TestYamlIntegrity:
    def test_flags_yaml_without_sql(self, models_dir: Path) -> None:
        registry = build_yaml_registry(models_dir)
        report = ValidationReport()
        _check_yaml_integrity(registry, sql_model_names=set(), report=report)
        errors = [i for i in report.issues if i.severity == Severity.ERROR]
        assert any("stg_users" in i.model for i in errors)

    def test_no_issue_when_sql_exists(self, models_dir: Path) -> None:
        registry = build_yaml_registry(models_dir)
        report = ValidationReport()
        _check_yaml_integrity(registry, sql_model_names={"stg_users"}, report=report)
        assert len(report.issues) == 0


class TestErrorsOnly:
    def _mixed_report(self) -> ValidationReport:
        """Report with one ERROR and one WARNING."""
        report = ValidationReport()
        report.add("yaml_sql_sync", Severity.ERROR, "model_a", "phantom column: foo")
        report.add("docs_coverage", Severity.WARNING, "model_b", "no YAML definition")
        report.add("select_star", Severity.INFO, "model_c", "SELECT * resolved via CTE")
        return report

    def test_json_errors_only_filters_non_errors(self, capsys) -> None:
        report = self._mixed_report()
        _print_json_report(report, errors_only=True)
        import json

        out = json.loads(capsys.readouterr().out)
        assert all(item["severity"] == "ERROR" for item in out)
        assert len(out) == 1

    def test_json_no_filter_includes_all(self, capsys) -> None:
        report = self._mixed_report()
        _print_json_report(report, errors_only=False)
        import json

        out = json.loads(capsys.readouterr().out)
        assert len(out) == 3

    def test_text_errors_only_hides_warnings(self, capsys) -> None:
        report = self._mixed_report()
        _print_text_report(report, errors_only=True)
        captured = capsys.readouterr().out
        assert "phantom column" in captured  # ERROR is shown
        assert "no YAML definition" not in captured  # WARNING suppressed
        assert "SELECT * resolved" not in captured  # INFO suppressed

    def test_text_all_clean_with_errors_only(self, capsys) -> None:
        """When only warnings exist and --errors-only is set, show the clean message."""
        report = ValidationReport()
        report.add("docs_coverage", Severity.WARNING, "model_b", "no YAML definition")
        _print_text_report(report, errors_only=True)
        captured = capsys.readouterr().out
        assert "No errors" in captured or "suppressed" in captured or "✅" in captured


class TestResolveModelTargets:
    """Tests for _resolve_model_targets."""

    def _make_tree(self, tmp_path: Path) -> tuple[Path, dict[str, Path]]:
        """Create a small models directory tree and return (models_dir, sql_file_map)."""
        staging = tmp_path / "staging" / "mitlearn"
        staging.mkdir(parents=True)
        marts = tmp_path / "marts"
        marts.mkdir()

        files = {
            "stg_users": staging / "stg_users.sql",
            "stg_orders": staging / "stg_orders.sql",
            "fct_revenue": marts / "fct_revenue.sql",
        }
        for path in files.values():
            path.write_text("select 1")

        sql_file_map = {stem: path for stem, path in files.items()}
        return tmp_path, sql_file_map

    def test_exact_name_match(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        resolved, unknown = _resolve_model_targets(("stg_users",), models_dir, sql_file_map)
        assert resolved == ["stg_users"]
        assert unknown == []

    def test_multiple_names(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        resolved, unknown = _resolve_model_targets(("stg_users", "fct_revenue"), models_dir, sql_file_map)
        assert set(resolved) == {"stg_users", "fct_revenue"}
        assert unknown == []

    def test_comma_separated_names(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        resolved, unknown = _resolve_model_targets(("stg_users,stg_orders",), models_dir, sql_file_map)
        assert set(resolved) == {"stg_users", "stg_orders"}
        assert unknown == []

    def test_directory_relative_to_models(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        # "staging/mitlearn" relative to models_dir
        resolved, unknown = _resolve_model_targets(("staging/mitlearn",), models_dir, sql_file_map)
        assert set(resolved) == {"stg_users", "stg_orders"}
        assert unknown == []

    def test_subdirectory_name_only(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        # bare "mitlearn" fuzzy-matches the staging/mitlearn subdir
        resolved, unknown = _resolve_model_targets(("mitlearn",), models_dir, sql_file_map)
        assert set(resolved) == {"stg_users", "stg_orders"}
        assert unknown == []

    def test_unknown_token_reported(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        resolved, unknown = _resolve_model_targets(("does_not_exist",), models_dir, sql_file_map)
        assert resolved == []
        assert unknown == ["does_not_exist"]

    def test_deduplication(self, tmp_path: Path) -> None:

        models_dir, sql_file_map = self._make_tree(tmp_path)
        # stg_users specified twice (once by name, once via its directory)
        resolved, _ = _resolve_model_targets(("stg_users", "staging/mitlearn"), models_dir, sql_file_map)
        assert resolved.count("stg_users") == 1


def _make_yaml_registry_with_source(source_name: str, table_name: str, cols: list[str]) -> YamlRegistry:
    """Build a YamlRegistry containing one source table with given columns."""
    yaml_cols = {c: YamlColumn(name=c) for c in cols}
    table = YamlSourceTable(name=table_name, source_name=source_name, columns=yaml_cols)
    source = YamlSource(name=source_name, source_file=Path("_sources.yml"), tables={table_name: table})
    return YamlRegistry(sources={source_name: source})


def _make_yaml_registry_with_model(model_name: str, cols: list[str]) -> YamlRegistry:
    """Build a YamlRegistry containing one model with given columns."""
    yaml_cols = {c: YamlColumn(name=c) for c in cols}
    model = YamlModel(name=model_name, source_file=Path("_models.yml"), columns=yaml_cols)
    return YamlRegistry(models={model_name: model})


class TestResolveStarWithRegistry:
    def test_resolves_via_source_yaml(self) -> None:
        """SELECT * from a source() is resolved using the source YAML declarations."""
        parsed = ParsedModel(
            name="stg_users",
            has_star=True,
            star_source="source_raw_users",
            source_placeholder_map={"source_raw_users": "raw.users"},
        )
        registry = _make_yaml_registry_with_source("raw", "users", ["id", "email", "is_active"])
        result = _resolve_star_with_registry(parsed, registry, manifest=None, sql_models_by_name={})
        assert result == {"id", "email", "is_active"}

    def test_resolves_via_ref_yaml(self) -> None:
        """SELECT * from a ref() is resolved using the upstream model's YAML columns."""
        parsed = ParsedModel(
            name="int_users",
            has_star=True,
            star_source="ref_stg_users",
            ref_placeholder_map={"ref_stg_users": "stg_users"},
        )
        registry = _make_yaml_registry_with_model("stg_users", ["user_id", "user_email"])
        result = _resolve_star_with_registry(parsed, registry, manifest=None, sql_models_by_name={})
        assert result == {"user_id", "user_email"}

    def test_resolves_via_upstream_parsed_sql(self) -> None:
        """When YAML has no columns, fall back to the upstream model's parsed SQL output."""
        parsed = ParsedModel(
            name="int_users",
            has_star=True,
            star_source="ref_stg_users",
            ref_placeholder_map={"ref_stg_users": "stg_users"},
        )
        # Registry has the model but no columns
        registry = _make_yaml_registry_with_model("stg_users", [])
        upstream = ParsedModel(name="stg_users", output_columns={"user_id", "user_email"})
        result = _resolve_star_with_registry(
            parsed, registry, manifest=None, sql_models_by_name={"stg_users": upstream}
        )
        assert result == {"user_id", "user_email"}

    def test_returns_none_when_source_unknown(self) -> None:
        """Returns None when the source is not declared in YAML."""
        parsed = ParsedModel(
            name="stg_users",
            has_star=True,
            star_source="source_raw_users",
            source_placeholder_map={"source_raw_users": "raw.users"},
        )
        result = _resolve_star_with_registry(parsed, YamlRegistry(), manifest=None, sql_models_by_name={})
        assert result is None

    def test_returns_none_for_plain_table(self) -> None:
        """A star from a bare table name (no ref/source mapping) stays unresolved."""
        parsed = ParsedModel(
            name="stg_users",
            has_star=True,
            star_source="raw_users",
        )
        result = _resolve_star_with_registry(parsed, YamlRegistry(), manifest=None, sql_models_by_name={})
        assert result is None


class TestResolveStarWithQualify:
    """Full-schema qualify() fallback for stars the single-source heuristics miss."""

    def test_resolves_union_chain_via_parsed_upstreams(self, tmp_path: Path) -> None:
        # A star from a CTE that UNIONs two `select * from ref` CTEs — the exact
        # shape (int__combined__course_xml_blocks) the registry lookup cannot expand.
        model = tmp_path / "combined_model.sql"
        model.write_text(
            textwrap.dedent(
                """
                with
                    a as (select * from {{ ref('up_a') }}),
                    b as (select * from {{ ref('up_b') }}),
                    combined as (select * from a union all select * from b)
                select * from combined
                """
            )
        )
        parsed = parse_model_file(model)
        assert parsed.has_star  # single-source heuristics leave it unresolved
        assert _resolve_star_with_registry(parsed, YamlRegistry(), None, {}) is None

        sql_models = {
            "up_a": ParsedModel(name="up_a", output_columns={"id", "name"}),
            "up_b": ParsedModel(name="up_b", output_columns={"id", "name"}),
        }
        result = _resolve_star_with_qualify(parsed, YamlRegistry(), None, sql_models)
        assert result == {"id", "name"}

    def test_returns_none_when_no_upstream_columns_known(self, tmp_path: Path) -> None:
        model = tmp_path / "m.sql"
        model.write_text("with c as (select * from {{ ref('up') }}) select * from c")
        parsed = parse_model_file(model)
        assert parsed.has_star
        assert _resolve_star_with_qualify(parsed, YamlRegistry(), None, {}) is None


class TestBrokenRefColumns:
    """Tests for _check_broken_ref_columns — existing breakage detection."""

    def _make_parsed(
        self,
        name: str,
        sql_file: Path,
        refs: list[str],
        placeholder_map: dict[str, str],
        sql: str,
    ) -> ParsedModel:
        from ol_dbt_cli.lib.sql_parser import ParsedModel

        sql_file.write_text(sql)
        m = ParsedModel(name=name, refs=refs, ref_placeholder_map=placeholder_map)
        m.source_path = sql_file
        return m

    def test_detects_missing_column_qualified(self, tmp_path: Path) -> None:
        """ERROR when a qualified column read from ref() is absent from upstream output."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = """
        with src as (select * from ref_stg_users)
        select src.user_id, src.deleted_col from src
        """
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users"],
            placeholder_map={"ref_stg_users": "stg_users"},
            sql=sql,
        )
        upstream = ParsedModel(name="stg_users", output_columns={"user_id", "user_email"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": upstream},
            report=report_obj,
        )
        errors = report_obj.errors
        assert len(errors) == 1
        assert errors[0].check == "broken_ref_columns"
        assert "deleted_col" in errors[0].message

    def test_detects_missing_column_unqualified(self, tmp_path: Path) -> None:
        """ERROR for unqualified column in passthrough CTE that doesn't exist upstream."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = """
        with src as (select * from ref_stg_users)
        select user_id, removed_col from src
        """
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users"],
            placeholder_map={"ref_stg_users": "stg_users"},
            sql=sql,
        )
        upstream = ParsedModel(name="stg_users", output_columns={"user_id", "user_email"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": upstream},
            report=report_obj,
        )
        errors = report_obj.errors
        assert any(e.check == "broken_ref_columns" and "removed_col" in e.message for e in errors)

    def test_no_error_when_all_columns_exist(self, tmp_path: Path) -> None:
        """No error when all consumed columns are present in upstream output."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = """
        with src as (select * from ref_stg_users)
        select src.user_id, src.user_email from src
        """
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users"],
            placeholder_map={"ref_stg_users": "stg_users"},
            sql=sql,
        )
        upstream = ParsedModel(name="stg_users", output_columns={"user_id", "user_email"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": upstream},
            report=report_obj,
        )
        assert not report_obj.errors

    def test_duplicate_refs_report_broken_column_once(self, tmp_path: Path) -> None:
        """A model that ref()s the same upstream twice (self-join) reports a broken column once."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = "select a.user_id, a.deleted_col from ref_stg_users a join ref_stg_users b on a.user_id = b.parent_id"
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users", "stg_users"],  # duplicate — mirrors strip_jinja's per-call list
            placeholder_map={"ref_stg_users": "stg_users"},
            sql=sql,
        )
        upstream = ParsedModel(name="stg_users", output_columns={"user_id", "parent_id"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": upstream},
            report=report_obj,
        )
        broken = [e for e in report_obj.errors if e.check == "broken_ref_columns"]
        assert len(broken) == 1
        assert "deleted_col" in broken[0].message

    def test_skips_when_upstream_unknown(self, tmp_path: Path) -> None:
        """Silently skips when the upstream model has no resolvable output columns."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = "select src.col_a from ref_stg_users src"
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users"],
            placeholder_map={"ref_stg_users": "stg_users"},
            sql=sql,
        )
        # Upstream not in sql_models_by_name and no manifest/YAML
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={},
            report=report_obj,
        )
        assert not report_obj.issues  # no warning or error — skip silently

    def test_detects_broken_column_through_join_via_scope_fallback(self, tmp_path: Path) -> None:
        """A broken column read through a JOIN (heuristic skips) is caught by the scope fallback."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel, get_columns_read_from_ref
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = (
            "select u.user_id, u.deleted_col, e.grade "
            "from ref_stg_users u join ref_stg_enroll e on u.user_id = e.user_id"
        )
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users", "stg_enroll"],
            placeholder_map={"ref_stg_users": "stg_users", "ref_stg_enroll": "stg_enroll"},
            sql=sql,
        )
        # The heuristic bails on the JOIN — without the fallback this would go unchecked.
        assert get_columns_read_from_ref(downstream, "stg_users") is None
        users = ParsedModel(name="stg_users", output_columns={"user_id"})
        enroll = ParsedModel(name="stg_enroll", output_columns={"user_id", "grade"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": users, "stg_enroll": enroll},
            report=report_obj,
        )
        errors = report_obj.errors
        assert len(errors) == 1
        assert errors[0].check == "broken_ref_columns"
        assert "deleted_col" in errors[0].message
        assert "ref('stg_users')" in errors[0].message

    def test_join_of_valid_columns_produces_no_false_positive(self, tmp_path: Path) -> None:
        """The scope fallback must not flag valid JOIN columns as broken."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        sql = (
            "select u.user_id, u.email, e.grade "
            "from ref_stg_users u join ref_stg_enroll e on u.user_id = e.user_id "
            "where u.status = 'active'"
        )
        downstream = self._make_parsed(
            "downstream",
            tmp_path / "downstream.sql",
            refs=["stg_users", "stg_enroll"],
            placeholder_map={"ref_stg_users": "stg_users", "ref_stg_enroll": "stg_enroll"},
            sql=sql,
        )
        users = ParsedModel(name="stg_users", output_columns={"user_id", "email", "status"})
        enroll = ParsedModel(name="stg_enroll", output_columns={"user_id", "grade"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": users, "stg_enroll": enroll},
            report=report_obj,
        )
        assert not report_obj.errors

    def test_skips_when_consumed_columns_unknown(self, tmp_path: Path) -> None:
        """Silently skips when the downstream SQL cannot determine which columns are read."""
        from ol_dbt_cli.commands.validate import _check_broken_ref_columns
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        # No SQL file path → get_columns_read_from_ref returns None, and no source_path
        # means the scope fallback also can't read the SQL → still skips.
        downstream = ParsedModel(
            name="downstream",
            refs=["stg_users"],
            ref_placeholder_map={"ref_stg_users": "stg_users"},
        )
        upstream = ParsedModel(name="stg_users", output_columns={"user_id"})
        report_obj = __import__("ol_dbt_cli.commands.validate", fromlist=["ValidationReport"]).ValidationReport()
        _check_broken_ref_columns(
            "downstream",
            downstream,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={"stg_users": upstream},
            report=report_obj,
        )
        assert not report_obj.issues


class TestUpstreamRefsSeedResolution:
    """Seeds are ref()-able nodes — manifest should resolve them without warnings."""

    def test_seed_ref_resolves_via_manifest_no_warning(self, tmp_path: Path) -> None:
        """A ref() pointing to a seed that has columns in the manifest must not warn."""
        from ol_dbt_cli.commands.validate import _check_upstream_refs
        from ol_dbt_cli.lib.manifest import ManifestColumn, ManifestModel, ManifestRegistry
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        # Build a manifest that includes a seed with column definitions.
        registry = ManifestRegistry()
        seed = ManifestModel(
            unique_id="seed.pkg.platforms",
            name="platforms",
            resource_type="seed",
            original_file_path="seeds/platforms.csv",
            schema="public",
            database="",
            columns={
                "id": ManifestColumn(name="id"),
                "name": ManifestColumn(name="name"),
            },
        )
        registry.nodes[seed.unique_id] = seed
        registry.by_name[seed.name] = seed

        # Downstream model refs the seed.
        downstream = ParsedModel(
            name="dim_platform",
            refs=["platforms"],
            ref_placeholder_map={"ref_platforms": "platforms"},
        )
        report_obj = ValidationReport()
        _check_upstream_refs(
            "dim_platform",
            downstream,
            YamlRegistry(),
            manifest=registry,
            sql_models_by_name={},
            known_refable_names=set(),
            report=report_obj,
        )
        # Seed columns are known → no warning
        assert not report_obj.issues

    def test_known_seed_without_columns_produces_warning(self, tmp_path: Path) -> None:
        """A ref target that exists but has no resolvable column list still warns.

        The seed is in ``known_refable_names`` (so it is NOT dangling) but no
        column metadata is available anywhere, so upstream_refs warns that the
        column list can't be resolved. (A seed absent from every registry is now
        the dangling_refs check's job — see TestDanglingRefs.)
        """
        from ol_dbt_cli.commands.validate import _check_upstream_refs
        from ol_dbt_cli.lib.manifest import ManifestRegistry
        from ol_dbt_cli.lib.sql_parser import ParsedModel
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        # Empty manifest — seed exists (known_refable_names) but has no columns.
        empty_registry = ManifestRegistry()

        downstream = ParsedModel(
            name="dim_platform",
            refs=["platforms"],
            ref_placeholder_map={"ref_platforms": "platforms"},
        )
        report_obj = ValidationReport()
        _check_upstream_refs(
            "dim_platform",
            downstream,
            YamlRegistry(),
            manifest=empty_registry,
            sql_models_by_name={},
            known_refable_names={"platforms"},
            report=report_obj,
        )
        # Target exists but no columns anywhere → should produce a warning
        assert any("platforms" in issue.message for issue in report_obj.issues)

    def test_resolve_upstream_columns_finds_seed_in_manifest(self) -> None:
        """_resolve_upstream_columns returns column set for a seed indexed in by_name."""
        from ol_dbt_cli.commands.validate import _resolve_upstream_columns
        from ol_dbt_cli.lib.manifest import ManifestColumn, ManifestModel, ManifestRegistry
        from ol_dbt_cli.lib.yaml_registry import YamlRegistry

        registry = ManifestRegistry()
        seed = ManifestModel(
            unique_id="seed.pkg.user_course_roles",
            name="user_course_roles",
            resource_type="seed",
            original_file_path="seeds/user_course_roles.csv",
            schema="public",
            database="",
            columns={
                "user_id": ManifestColumn(name="user_id"),
                "course_id": ManifestColumn(name="course_id"),
                "role": ManifestColumn(name="role"),
            },
        )
        registry.nodes[seed.unique_id] = seed
        registry.by_name[seed.name] = seed

        cols = _resolve_upstream_columns("user_course_roles", YamlRegistry(), registry, {})
        assert cols == {"user_id", "course_id", "role"}


class TestOnlySkipValidation:
    """Unknown --only/--skip check names must error, not silently skip everything."""

    def test_only_unknown_check_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        from ol_dbt_cli.commands.validate import validate

        with pytest.raises(SystemExit) as exc:
            validate(only_checks="dimensinal_layering")  # typo
        assert exc.value.code == 1
        assert "Unknown check(s) in --only" in capsys.readouterr().out

    def test_skip_unknown_check_errors(self, capsys: pytest.CaptureFixture[str]) -> None:
        from ol_dbt_cli.commands.validate import validate

        with pytest.raises(SystemExit) as exc:
            validate(skip_checks="not_a_check")
        assert exc.value.code == 1
        assert "Unknown check(s) in --skip" in capsys.readouterr().out

    def test_valid_only_passes_check_parsing(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        from ol_dbt_cli.commands.validate import validate

        # A valid check name must NOT trigger the unknown-check error — it proceeds
        # past parsing and fails later on the missing dbt project instead.
        with pytest.raises(SystemExit):
            validate(only_checks="dimensional_layering", dbt_dir_path=str(tmp_path))
        assert "Unknown check(s)" not in capsys.readouterr().out


class TestDanglingRefs:
    """`ref()` to a model/seed that does not exist is an ERROR (not a mere warning)."""

    def _report_for(self, refs: list[str], known: set[str]) -> ValidationReport:
        from ol_dbt_cli.commands.validate import _check_dangling_refs

        parsed = ParsedModel(name="downstream", refs=refs)
        report = ValidationReport()
        _check_dangling_refs("downstream", parsed, known, manifest=None, report=report)
        return report

    def test_ref_to_nonexistent_model_errors(self) -> None:
        report = self._report_for(["was_deleted"], known={"other_model"})
        assert len(report.errors) == 1
        assert "was_deleted" in report.errors[0].message
        assert report.errors[0].check == "dangling_refs"

    def test_ref_to_existing_model_is_clean(self) -> None:
        report = self._report_for(["real_model"], known={"real_model"})
        assert not report.issues

    def test_ref_to_seed_is_clean(self) -> None:
        # Seeds are included in known_refable_names, so a ref to one is not dangling.
        report = self._report_for(["platforms"], known={"platforms"})
        assert not report.issues

    def test_resolves_via_manifest_when_not_in_known_set(self) -> None:
        from ol_dbt_cli.commands.validate import _check_dangling_refs
        from ol_dbt_cli.lib.manifest import ManifestModel, ManifestRegistry

        registry = ManifestRegistry()
        seed = ManifestModel(
            unique_id="seed.pkg.platforms",
            name="platforms",
            resource_type="seed",
            original_file_path="seeds/platforms.csv",
            schema="",
            database="",
        )
        registry.by_name[seed.name] = seed
        parsed = ParsedModel(name="downstream", refs=["platforms"])
        report = ValidationReport()
        _check_dangling_refs("downstream", parsed, set(), manifest=registry, report=report)
        assert not report.issues

    def test_upstream_refs_does_not_double_report_dangling(self) -> None:
        """A dangling ref is owned by dangling_refs; upstream_refs must stay silent."""
        from ol_dbt_cli.commands.validate import _check_upstream_refs

        parsed = ParsedModel(name="downstream", refs=["was_deleted"])
        report = ValidationReport()
        _check_upstream_refs(
            "downstream",
            parsed,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={},
            known_refable_names={"other_model"},
            report=report,
        )
        assert not report.issues

    def test_upstream_refs_reports_dangling_when_dangling_check_disabled(self) -> None:
        """With dangling_refs disabled, a dangling ref must surface via upstream_refs.

        Under `--only upstream_refs` (or `--skip dangling_refs`) the dedicated
        dangling check does not run, so upstream_refs must not silently drop the
        broken ref — it falls through to the unresolvable-column-list warning.
        """
        from ol_dbt_cli.commands.validate import _check_upstream_refs

        parsed = ParsedModel(name="downstream", refs=["was_deleted"])
        report = ValidationReport()
        _check_upstream_refs(
            "downstream",
            parsed,
            YamlRegistry(),
            manifest=None,
            sql_models_by_name={},
            known_refable_names={"other_model"},
            report=report,
            dangling_refs_active=False,
        )
        assert len(report.warnings) == 1
        assert "was_deleted" in report.warnings[0].message
        assert report.warnings[0].check == "upstream_refs"


class TestPkTestCoverage:
    """Dimensional/fact models must enforce a primary key (column-level or composite)."""

    def _registry(self, model: YamlModel) -> YamlRegistry:
        reg = YamlRegistry()
        reg.models[model.name] = model
        return reg

    def _check(self, model: YamlModel) -> ValidationReport:
        from ol_dbt_cli.commands.validate import _check_pk_test_coverage

        report = ValidationReport()
        _check_pk_test_coverage(model.name, self._registry(model), report)
        return report

    def test_dim_with_pk_unique_and_not_null_is_clean(self) -> None:
        model = YamlModel(
            name="dim_course",
            source_file=Path("_dim_course.yml"),
            columns={"course_pk": YamlColumn(name="course_pk", tests=["unique", "not_null"])},
        )
        assert not self._check(model).issues

    def test_fact_with_key_surrogate_is_clean(self) -> None:
        model = YamlModel(
            name="tfact_enrollment",
            source_file=Path("_facts.yml"),
            columns={"enrollment_key": YamlColumn(name="enrollment_key", tests=["unique", "not_null"])},
        )
        assert not self._check(model).issues

    def test_model_level_composite_uniqueness_is_clean(self) -> None:
        model = YamlModel(
            name="afact_video_engagement",
            source_file=Path("_facts.yml"),
            columns={"platform": YamlColumn(name="platform")},
            tests=["dbt_expectations.expect_compound_columns_to_be_unique"],
        )
        assert not self._check(model).issues

    def test_smart_date_key_pk_is_clean(self) -> None:
        # Date/time dims use a smart `date_key`/`time_key` surrogate (no entity
        # prefix before `_key`), which must be recognized as the PK.
        model = YamlModel(
            name="dim_date",
            source_file=Path("_dim_date.yml"),
            columns={"date_key": YamlColumn(name="date_key", tests=["unique", "not_null"])},
        )
        assert not self._check(model).issues

    def test_fk_date_key_not_treated_as_pk(self) -> None:
        # A dim whose only unique+not_null column is a foreign key to dim_date
        # (`*_date_key`) has no real PK guarantee and must still be flagged — the
        # FK must not satisfy coverage nor appear as a surrogate-key candidate.
        model = YamlModel(
            name="dim_thing",
            source_file=Path("_dim.yml"),
            columns={
                "some_attr": YamlColumn(name="some_attr"),
                "created_date_key": YamlColumn(name="created_date_key", tests=["unique", "not_null"]),
            },
        )
        report = self._check(model)
        assert len(report.warnings) == 1
        # The FK column must not be listed as a surrogate-key candidate.
        assert "created_date_key" not in report.warnings[0].detail
        assert "no model-level composite-uniqueness test" in report.warnings[0].detail.lower()

    def test_pk_missing_not_null_warns(self) -> None:
        model = YamlModel(
            name="dim_thing",
            source_file=Path("_dim.yml"),
            columns={"thing_pk": YamlColumn(name="thing_pk", tests=["unique"])},
        )
        report = self._check(model)
        assert len(report.warnings) == 1
        assert report.warnings[0].check == "pk_test_coverage"
        assert "thing_pk" in report.warnings[0].detail

    def test_no_pk_and_no_model_test_warns(self) -> None:
        model = YamlModel(
            name="dim_ocw_course",
            source_file=Path("_dim.yml"),
            columns={"title": YamlColumn(name="title", tests=["not_null"])},
        )
        report = self._check(model)
        assert len(report.warnings) == 1
        assert "no model-level composite-uniqueness test" in report.warnings[0].detail.lower()

    def test_non_dimensional_model_is_ignored(self) -> None:
        model = YamlModel(
            name="stg__platform__users",
            source_file=Path("_stg.yml"),
            columns={"user_id": YamlColumn(name="user_id")},
        )
        assert not self._check(model).issues

    def test_dimensional_model_without_yaml_is_skipped(self) -> None:
        from ol_dbt_cli.commands.validate import _check_pk_test_coverage

        report = ValidationReport()
        _check_pk_test_coverage("dim_untracked", YamlRegistry(), report)
        assert not report.issues
