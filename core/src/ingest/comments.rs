//! Reader comments: where a page's comment thread begins (a widget label such
//! as "Notify of", "Leave a Reply", "12 Comments"), which of its lines are the
//! widget's labels and prompts, and how the rest splits into comments, each
//! with its author when a name line precedes the text.

use crate::article::Comment;

use super::dateline;
use super::lines::{ends_sentence, normalized, word_count, Line};

/// Labels that only a comment widget prints; any of them opens the thread.
const STRONG_MARKERS: [&str; 16] = [
    "notify of",
    "newest most voted",
    "oldest most voted",
    "newest oldest most voted",
    "inline feedbacks",
    "view all comments",
    "leave a reply",
    "leave a reply cancel reply",
    "leave a comment cancel reply",
    "leave a comment",
    "join the discussion",
    "join the conversation",
    "add a comment",
    "post a comment",
    "show comments",
    "load comments",
];

/// Labels that open a thread only near the end of the page ("Comments", "12 Comments").
const WEAK_MARKERS: [&str; 6] = [
    "comments",
    "comment",
    "responses",
    "reader comments",
    "discussion",
    "conversation",
];

/// Buttons and labels inside a thread.
const LABELS: [&str; 22] = [
    "reply",
    "report",
    "share",
    "like",
    "newest",
    "oldest",
    "most voted",
    "upvote",
    "downvote",
    "vote up",
    "vote down",
    "load more comments",
    "show more replies",
    "view replies",
    "cancel reply",
    "login",
    "log in",
    "sign in",
    "subscribe",
    "flag",
    "edit",
    "guest",
];

/// Prompts and rules a comment form prints.
const PROMPT_PHRASES: [&str; 9] = [
    "please comment",
    "your thoughts",
    "be the first to comment",
    "must be logged in",
    "email address will not be published",
    "required fields are marked",
    "comment.x",
    "log in to comment",
    "start the discussion",
];

/// The label with counts taken out: "12 Comments" → "comments".
fn label_key(s: &str) -> String {
    let n = normalized(s);
    n.split(' ')
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_strong_marker(s: &str) -> bool {
    let k = label_key(s);
    STRONG_MARKERS.contains(&k.as_str()) || (k.starts_with("thoughts on ") && word_count(s) <= 15)
}

fn is_weak_marker(s: &str) -> bool {
    WEAK_MARKERS.contains(&label_key(s).as_str())
}

/// "3 years ago", "2 hours ago".
fn is_time_ago(s: &str) -> bool {
    let n = normalized(s);
    let w: Vec<&str> = n.split(' ').collect();
    w.len() <= 4
        && w.last() == Some(&"ago")
        && w.iter().any(|x| {
            ["second", "minute", "hour", "day", "week", "month", "year"]
                .iter()
                .any(|u| x.starts_with(u))
        })
}

/// A line a comment widget prints, wherever it stands.
pub fn is_widget_label(s: &str) -> bool {
    if word_count(s) > 14 {
        return false;
    }
    let k = label_key(s);
    let lower = s.to_lowercase();
    is_strong_marker(s)
        || LABELS.contains(&k.as_str())
        || is_time_ago(s)
        || PROMPT_PHRASES.iter().any(|p| lower.contains(p))
}

/// Index of the line where the comment thread starts, if the page has one.
/// `first_prose` is the first line of report text: a thread never comes before it.
pub fn thread_start(lines: &[Line], first_prose: usize) -> Option<usize> {
    let half = lines.len() / 2;
    (first_prose + 1..lines.len()).find(|&i| {
        let s = lines[i].text;
        if lines[i].words > 15 {
            return false;
        }
        // "Comments" may be a share-bar link; near the end, or followed by
        // thread labels, it opens the thread.
        is_strong_marker(s)
            || (is_weak_marker(s)
                && (i >= half
                    || lines[i + 1..]
                        .iter()
                        .take(3)
                        .any(|l| is_widget_label(l.text))))
    })
}

/// A name line above a comment: short, no sentence punctuation.
fn is_author(s: &str) -> bool {
    let name = author_name(s);
    let words = word_count(name);
    (1..=4).contains(&words)
        && name.chars().count() <= 40
        && !ends_sentence(name)
        && !name.contains([',', ';', '“', '"', '!', '?'])
        && !name
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
}

/// Scrapers leave a stray " ." after some names ("888mladen ."); WordPress
/// writes "Jane Roe says:".
fn author_name(s: &str) -> &str {
    let s = s.trim();
    let s = [" says:", " said:", " wrote:"]
        .iter()
        .find_map(|suffix| s.strip_suffix(suffix))
        .unwrap_or(s);
    match s.strip_suffix(['.', '·', '-', '|']) {
        Some(rest) if rest.ends_with(char::is_whitespace) => rest.trim_end(),
        _ => s,
    }
}

/// Splits the thread (the lines after its first label) into comments.
/// Text lines one blank line apart after a named author are one comment;
/// otherwise each text line, or a name followed by text, starts a new one.
pub fn parse(thread: &[Line]) -> Vec<Comment> {
    // Labels, and the timestamps printed under names, are not comment text.
    let kept: Vec<&Line> = thread
        .iter()
        .filter(|l| !is_widget_label(l.text) && dateline::dateline(l.text).is_none())
        .collect();
    let mut out: Vec<Comment> = Vec::new();
    let mut pending_author: Option<&str> = None;
    let mut continuing = false;
    for (i, l) in kept.iter().enumerate() {
        let next_is_text = kept.get(i + 1).is_some_and(|n| !is_author(n.text));
        if is_author(l.text) && next_is_text && pending_author.is_none() {
            pending_author = Some(author_name(l.text));
            continuing = false;
            continue;
        }
        if let Some(author) = pending_author.take() {
            out.push(Comment {
                author: Some(author.to_string()),
                text: l.text.to_string(),
            });
            continuing = true;
            continue;
        }
        match out.last_mut() {
            Some(last) if continuing && l.blanks_before <= 1 => {
                last.text.push_str("\n\n");
                last.text.push_str(l.text);
            }
            _ => {
                out.push(Comment {
                    author: None,
                    text: l.text.to_string(),
                });
                continuing = false;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    #[test]
    fn markers() {
        assert!(is_strong_marker("Notify of"));
        assert!(is_strong_marker("Leave a Reply"));
        assert!(is_strong_marker("14 thoughts on “Trump and Putin”"));
        assert!(is_weak_marker("12 Comments"));
        assert!(is_widget_label(
            "Would love your thoughts, please comment.x"
        ));
        assert!(is_widget_label("3 years ago"));
        assert!(!is_widget_label(
            "The two leaders will comment later on the talks."
        ));
    }

    #[test]
    fn a_disqus_like_thread() {
        let text = "Body sentence one here.\n\n5 Comments\n\nJane Roe\n\n2 days ago\n\nI agree with this article.\n\nIt is good.\n\nReply\n\nbob_77\n\nNo it is not.\n\nLeave a Reply\n\nYour email address will not be published.\n";
        let (_, lines) = split(text);
        let start = thread_start(&lines, 0).unwrap();
        assert_eq!(lines[start].text, "5 Comments");
        let c = parse(&lines[start + 1..]);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].author.as_deref(), Some("Jane Roe"));
        assert_eq!(c[0].text, "I agree with this article.\n\nIt is good.");
        assert_eq!(c[1].author.as_deref(), Some("bob_77"));
    }

    #[test]
    fn anonymous_comments_two_blank_lines_apart_are_separate() {
        let (_, lines) = split("First comment text is here.\n\n\nSecond comment text is here.\n\nann .\n\nThird one.\n");
        let c = parse(&lines);
        assert_eq!(c.len(), 3);
        assert_eq!(c[2].author.as_deref(), Some("ann"));
    }
}
