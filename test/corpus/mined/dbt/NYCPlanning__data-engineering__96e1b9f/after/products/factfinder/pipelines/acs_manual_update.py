# This script transforms and uploads ACS data provided by the NYCDCP Population team
import shutil
from pathlib import Path

import pandas as pd

from dcpy.lifecycle.builds import load
from dcpy.utils import logging

from . import DATA_PATH, OUTPUT_FOLDER
from .utils import (
    apply_ccd_prefix,
    export_df,
    pivot_factfinder_table,
    process_metadata,
)

DATASET = "acs"
DOMAINS = ["demographic", "economic", "housing", "social"]

OUTPUT_SCHEMA_COLUMNS = [
    "census_geoid",
    "labs_geoid",
    "geotype",
    "labs_geotype",
    "pff_variable",
    "c",
    "e",
    "m",
    "p",
    "z",
    "domain",
]


def sheet_names(year: str) -> dict[str, str]:
    short_year = year[-2:]
    start_year = int(short_year) - 4
    sheet_name_suffix = f"{start_year:02}{short_year:02}"

    domains_sheets = {
        "demographic": f"Dem{sheet_name_suffix}",
        "social": f"Social{sheet_name_suffix}",
        "economic": f"Econ{sheet_name_suffix}",
        "housing": f"Housing{sheet_name_suffix}",
    }
    return domains_sheets


def strip_unnamed_columns(df: pd.DataFrame) -> pd.DataFrame:
    df2 = df.copy()
    return df2.loc[:, ~df.columns.str.match("Unnamed")]


def rename_columns(df: pd.DataFrame) -> pd.DataFrame:
    df.rename(columns={"geotype": "labs_geotype", "geoid": "labs_geoid"}, inplace=True)
    return df.reindex(columns=OUTPUT_SCHEMA_COLUMNS)


def strip_numeric_formatting(value):
    """Population provides some values as formatted text (thousands commas and a
    leading '$', e.g. top-coded medians like '200,000' or '$2,499'). Strip that
    formatting so the values survive numeric coercion instead of becoming NaN.
    Non-string values (already-numeric estimates, NaN) pass through unchanged."""
    if isinstance(value, str):
        return value.replace(",", "").replace("$", "")
    return value


def transform_dataframe(df: pd.DataFrame) -> pd.DataFrame:
    df = strip_unnamed_columns(df)
    df.rename(columns=str.lower, inplace=True)
    df.dropna(subset=["geotype"], inplace=True)
    df = apply_ccd_prefix(df)

    df = pivot_factfinder_table(df)
    for column in ["c", "e", "m", "p", "z"]:
        df[column] = pd.to_numeric(
            df[column].map(strip_numeric_formatting), errors="coerce"
        )
    return df


def process_domain_data(df: pd.DataFrame, domain: str, year: str):
    df = transform_dataframe(df)
    df["domain"] = domain
    df = rename_columns(df)
    export_df(df, DATASET, year, copy_metadata=True)


def process_2010_data(load_result: load.LoadResult):
    for domain in DOMAINS:
        logging.logger.info(f"Processing ACS year 2010 domain {domain}")
        df = load.get_imported_df(load_result, f"dcp_pop_acs2010_{domain}")
        process_domain_data(df, domain, "2010")


def process_latest_data(file: Path, year: str):
    domain_sheets = sheet_names(year)

    for domain in DOMAINS:
        logging.logger.info(f"Processing ACS year {year} domain {domain}")
        df = pd.read_excel(file, sheet_name=domain_sheets[domain])
        df = df[[c for c in df.columns if not c.endswith(".1")]]
        process_domain_data(df, domain, year)


def build(version, load_result: load.LoadResult):
    latest = load_result.get_latest_version("dcp_pop_acs")
    assert isinstance(latest.destination, Path)

    for year in ["2010", latest.version]:
        year_folder = OUTPUT_FOLDER / "acs" / year
        if year_folder.is_dir():
            shutil.rmtree(year_folder)

    process_2010_data(load_result)
    process_latest_data(latest.destination, latest.version)


def run_metadata(excel_file: Path):
    process_metadata(
        DATASET,
        excel_file,
        output_folder=DATA_PATH,
    )
