//! Raw scraped text → `Article`. The page is read as lines; boilerplate is
//! marked first (navigation, notices, widgets, banners, repeats), then the first
//! line of running text splits the page into what stands above the report
//! (headline, dateline, byline, tags) and the report itself, which ends where a
//! comment thread begins. Each step lives in its own module.

mod blocks;
mod boilerplate;
mod byline;
mod comments;
mod dateline;
mod entities;
mod gazetteer;
mod lines;
mod outlet;
mod title;

use crate::article::{Article, Block, BlockKind, Date, DateSource, TitleSource};

use boilerplate::Noise;
use lines::word_count;

pub use title::MAX_DERIVED_TITLE;

/// Pre-report lines this long that are not the headline are kept as a standfirst.
const MIN_STANDFIRST_WORDS: usize = 8;

pub fn ingest(id: &str, file: &str, text: &str) -> Article {
    let (header_date, lines) = lines::split(text);
    let noise = boilerplate::mark(&lines);
    let next_kept = |i: usize| (i + 1..lines.len()).find(|&j| noise[j].is_none());
    let over_dateline =
        |i: usize| next_kept(i).is_some_and(|j| dateline::dateline(lines[j].text).is_some());
    // A headline written as a sentence ("Should scientists engage in
    // activism?") reads as prose; its place says otherwise: a dateline right
    // under it, or, for a lone question, being the first thing on the page
    // with the (longer) report starting below.
    let sentence_headline = |i: usize| {
        let s = lines[i].text;
        (title::is_sentence_headline(s) && over_dateline(i))
            || (title::is_question_headline(s)
                && next_kept(i).is_some_and(|j| lines[j].prose && lines[j].words > lines[i].words)
                && !(0..i).any(|k| noise[k].is_none() && title::is_candidate(lines[k].text)))
    };
    let mut first_prose = (0..lines.len())
        .find(|&i| noise[i].is_none() && lines[i].prose && !sentence_headline(i))
        .unwrap_or(lines.len());
    // A hard-wrapped first paragraph starts on the lines above its first full stop.
    while first_prose > 0
        && first_prose < lines.len()
        && noise[first_prose - 1].is_none()
        && lines[first_prose].blanks_before == 0
        && lines[first_prose].text.starts_with(char::is_lowercase)
        && !lines::ends_sentence(lines[first_prose - 1].text)
    {
        first_prose -= 1;
    }
    let body_end = comments::thread_start(&lines, first_prose).unwrap_or(lines.len());
    let rep = boilerplate::repeats(&lines[..body_end]);

    let mut blocks: Vec<Block> = Vec::new();
    let mut date = header_date.map(|d| (d, DateSource::Header));
    let mut byline = None;
    let mut dated_line = None;
    let mut dated_at = None;

    // Above the report: headline, dateline, byline, captions; the rest are tags.
    let mut above: Vec<(usize, Block)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    let mut short: Vec<usize> = Vec::new();
    let mut leftovers: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(first_prose) {
        let s = line.text;
        if noise[i].is_some() {
            continue;
        }
        if blocks::is_caption(s) {
            above.push((i, block(BlockKind::Caption, s)));
        } else if let Some(d) = dateline::dateline(s) {
            dated_line = dated_line.or(Some(d));
            dated_at = dated_at.or(Some(i));
        } else if let Some(b) = byline::byline(s) {
            byline = byline.or(Some(b));
        } else if title::is_candidate(s) || (lines[i].prose && sentence_headline(i)) {
            candidates.push(i);
        } else if title::is_short_headline(s)
            && next_kept(i).is_some_and(|j| {
                let next = lines[j].text;
                dateline::dateline(next).is_some() || byline::byline(next).is_some()
            })
        {
            short.push(i);
        } else {
            leftovers.push(i);
        }
    }
    let opening: String = lines[first_prose..body_end]
        .iter()
        .filter(|l| l.prose)
        .take(3)
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join(" ");
    // A page sets its headline above the dateline and its standfirst below;
    // the standfirst often shares more words with the report, so the place
    // wins as long as the line above says something about the report at all.
    let above_date: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| dated_at.is_some_and(|d| i < d))
        .collect();
    let pick = |among: &[usize]| {
        let texts: Vec<&str> = among.iter().map(|&i| lines[i].text).collect();
        title::choose(&texts, &opening).map(|(k, shared)| (among[k], shared))
    };
    let headline = pick(&above_date)
        .filter(|&(_, shared)| shared > 0)
        .or_else(|| pick(&candidates))
        .or_else(|| pick(&short))
        .map(|(i, _)| i);
    let headline_key = headline.map(|h| rep.keys[h].as_str());
    // A long line above the report that is not the headline is a standfirst;
    // shorter ones are topic tags and section labels ("Vladimir Putin").
    for &i in candidates.iter().chain(&leftovers) {
        if Some(i) != headline && lines[i].words >= MIN_STANDFIRST_WORDS {
            above.push((i, block(BlockKind::Paragraph, lines[i].text)));
        }
    }
    above.sort_by_key(|(i, _)| *i);
    blocks.extend(above.into_iter().map(|(_, b)| b));

    // The report. Everything below is one pass or a precomputed table, so a
    // 50 MB file takes time linear in its size.
    let body = first_prose..body_end;
    let skipped: Vec<bool> = (0..body_end)
        .map(|i| {
            let key = rep.keys[i].as_str();
            noise[i].is_some()
                || rep.seen_before[i]
                || headline_key == Some(key)
                || (!lines[i].prose && rep.counts.get(key).copied().unwrap_or(0) > 1)
        })
        .collect();
    // For each line, whether the next line that is kept is prose.
    let mut prose_follows = vec![false; body_end];
    let mut next_kept_is_prose = false;
    for i in body.clone().rev() {
        prose_follows[i] = next_kept_is_prose;
        if !skipped[i] {
            next_kept_is_prose = lines[i].prose;
        }
    }
    let last_prose = body.clone().rev().find(|&i| !skipped[i] && lines[i].prose);
    let mut merged_until = 0;
    for i in body.clone() {
        let s = lines[i].text;
        if skipped[i] || i < merged_until {
            continue;
        }
        // Hard-wrapped text: a line that stops mid-sentence followed directly by
        // one that starts in lowercase is one paragraph. The block keeps the
        // input's own line breaks, so it is still a slice of the input.
        let mut last = i;
        while last + 1 < body.end
            && !skipped[last + 1]
            && lines[last + 1].blanks_before == 0
            && !lines::ends_sentence(lines[last].text)
            && lines[last + 1].text.starts_with(char::is_lowercase)
        {
            last += 1;
        }
        if last > i {
            merged_until = last + 1;
            blocks.push(block(BlockKind::Paragraph, span(text, s, lines[last].text)));
            continue;
        }
        if blocks::is_caption(s) {
            blocks.push(block(BlockKind::Caption, s));
            continue;
        }
        if !lines[i].prose {
            // A date line just under the top of the report or after its end is
            // the article's dateline; one further in is a heading of its own
            // (a timeline's "January 27, 2017") and stays.
            let near_edge = i <= first_prose + 3 || last_prose.is_none_or(|l| i > l);
            if let Some(d) = dateline::dateline(s).filter(|_| near_edge) {
                dated_line = dated_line.or(Some(d));
                continue;
            }
            if let Some(b) = byline::byline(s) {
                if byline.is_none() {
                    byline = Some(b);
                    continue;
                }
            }
            // Short lines after the last sentence of the report are page furniture.
            if last_prose.is_none_or(|l| i > l) && lines[i].words <= 10 {
                continue;
            }
            if blocks::is_heading_shape(s) && prose_follows[i] {
                blocks.push(block(BlockKind::Heading, s));
                continue;
            }
        }
        blocks.push(block(BlockKind::Paragraph, s));
    }

    if date.is_none() {
        let lead = blocks.iter().find(|b| b.kind == BlockKind::Paragraph);
        date = dated_line
            .or_else(|| lead.and_then(|b| dateline::leading_dateline(&b.text)))
            .map(|d: Date| (d, DateSource::Dateline));
    }

    let furniture = |kind: Noise| -> Vec<&str> {
        (0..lines.len())
            .filter(|&i| noise[i] == Some(kind))
            .map(|i| lines[i].text)
            .collect()
    };
    let mut outlet = outlet::outlet(
        &furniture(Noise::Banner),
        &furniture(Noise::Notice),
        &furniture(Noise::Navigation),
    );

    let (title, title_source) = match headline {
        Some(h) => {
            let headline = title::tidy(lines[h].text);
            match title::site_suffix(&headline, outlet.as_deref()) {
                Some((head, site)) => {
                    outlet = outlet.or_else(|| Some(site.to_string()));
                    (head.to_string(), TitleSource::Headline)
                }
                None => (headline, TitleSource::Headline),
            }
        }
        None => (
            blocks
                .iter()
                .find(|b| b.kind == BlockKind::Paragraph)
                .or(blocks.first())
                .map(|b| title::derive(&b.text))
                .unwrap_or_default(),
            TitleSource::FirstSentence,
        ),
    };

    let comments = if body_end < lines.len() {
        comments::parse(&lines[body_end + 1..])
    } else {
        Vec::new()
    };
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let entities = entities::extract(&texts);
    let words = blocks.iter().map(|b| word_count(&b.text) as u32).sum();

    Article {
        id: id.to_string(),
        file: file.to_string(),
        title,
        title_source,
        date: date.map(|d| d.0),
        date_source: date.map(|d| d.1),
        outlet,
        byline,
        blocks,
        comments,
        entities,
        words,
        url: None,
        tags: Vec::new(),
    }
}

/// The slice of `text` from the start of `first` to the end of `last`, both
/// slices of `text`.
fn span<'a>(text: &'a str, first: &str, last: &str) -> &'a str {
    let base = text.as_ptr() as usize;
    let start = first.as_ptr() as usize - base;
    let end = last.as_ptr() as usize - base + last.len();
    &text[start..end]
}

fn block(kind: BlockKind, text: &str) -> Block {
    Block {
        kind,
        text: text.to_string(),
    }
}
