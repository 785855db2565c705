//! A term's typo neighbours, found at build time and stored with its
//! postings: the terms one edit away, most frequent first. Walking the
//! dictionary for them was more than half of a query's time, and a word the
//! dictionary has (every word of a query but the mistyped one) never needs
//! the walk again. Each neighbour is stored as the edit that makes it from
//! the term, about two bytes.

/// An edit, in the top two bits of its first byte; the low six hold the
/// char position it applies at (words of up to 63 chars; typo matching
/// stops at `FUZZY_MAX_CHARS`).
const DELETE: u8 = 0;
const INSERT: u8 = 1;
const SUBSTITUTE: u8 = 2;
const SWAP: u8 = 3;

/// Appends the edit turning `term` into `near`, a term one edit away
/// (deleting, inserting or substituting a char, or swapping two neighbours).
/// `false`, and nothing written, when they are not one edit apart.
pub fn put_edit(out: &mut Vec<u8>, term: &str, near: &str) -> bool {
    let q: Vec<char> = term.chars().collect();
    let t: Vec<char> = near.chars().collect();
    let i = q.iter().zip(&t).take_while(|(a, b)| a == b).count();
    if i > 63 {
        return false;
    }
    let (op, c) = if t.len() + 1 == q.len() && q[i + 1..] == t[i..] {
        (DELETE, None)
    } else if t.len() == q.len() + 1 && q[i..] == t[i + 1..] {
        (INSERT, Some(t[i]))
    } else if t.len() == q.len() && i < q.len() && q[i + 1..] == t[i + 1..] {
        (SUBSTITUTE, Some(t[i]))
    } else if t.len() == q.len()
        && i + 1 < q.len()
        && q[i] == t[i + 1]
        && q[i + 1] == t[i]
        && q[i + 2..] == t[i + 2..]
    {
        (SWAP, None)
    } else {
        return false;
    };
    out.push(op << 6 | i as u8);
    if let Some(c) = c {
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    true
}

/// Calls `f` with each neighbour of `term` stored in `edits`, in stored
/// order, building it in one buffer, until `f` returns `false`. Stops at
/// the first damaged edit.
pub fn each_neighbour(term: &str, edits: &[u8], mut f: impl FnMut(&str) -> bool) {
    let mut at = 0;
    let mut near = String::with_capacity(term.len() + 4);
    while let Some(&head) = edits.get(at) {
        at += 1;
        let (op, i) = (head >> 6, (head & 63) as usize);
        // The byte where char `i` starts, and the char there.
        let Some(start) = term
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(term.len()))
            .nth(i)
        else {
            return;
        };
        let here = term[start..].chars().next();
        let mut read_char = || {
            let s = std::str::from_utf8(edits.get(at..(at + 4).min(edits.len()))?)
                .or_else(|e| std::str::from_utf8(&edits[at..at + e.valid_up_to()]))
                .ok()?;
            let c = s.chars().next()?;
            at += c.len_utf8();
            Some(c)
        };
        near.clear();
        near.push_str(&term[..start]);
        match op {
            DELETE => {
                let Some(h) = here else { return };
                near.push_str(&term[start + h.len_utf8()..]);
            }
            INSERT => {
                let Some(c) = read_char() else { return };
                near.push(c);
                near.push_str(&term[start..]);
            }
            SUBSTITUTE => {
                let (Some(h), Some(c)) = (here, read_char()) else {
                    return;
                };
                near.push(c);
                near.push_str(&term[start + h.len_utf8()..]);
            }
            _ => {
                let mut rest = term[start..].chars();
                let (Some(a), Some(b)) = (rest.next(), rest.next()) else {
                    return;
                };
                near.push(b);
                near.push(a);
                near.push_str(rest.as_str());
            }
        }
        if !f(&near) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_edit_comes_back() {
        let term = "kremlin";
        let near = [
            "kremin", "kremlins", "akremlin", "kremlim", "krelmin", "rkemlin", "kremlni", "kreml",
        ];
        let mut edits = Vec::new();
        for n in near.iter().filter(|n| n.len() + 1 >= term.len()) {
            assert!(put_edit(&mut edits, term, n), "{n}");
        }
        assert!(!put_edit(&mut edits, term, "kreml"), "two edits away");
        assert!(!put_edit(&mut edits, term, "kremlin"), "no edit");
        let mut back = Vec::new();
        each_neighbour(term, &edits, |n| {
            back.push(n.to_string());
            true
        });
        assert_eq!(back, near[..near.len() - 1]);
    }

    #[test]
    fn chars_beyond_ascii_and_damaged_edits() {
        let term = "françois";
        let near = ["francois", "françoise", "fraçois", "frnaçois", "françios"];
        let mut edits = Vec::new();
        for n in near {
            assert!(put_edit(&mut edits, term, n), "{n}");
        }
        let mut back = Vec::new();
        each_neighbour(term, &edits, |n| {
            back.push(n.to_string());
            true
        });
        assert_eq!(back, near);
        // A cut or garbled list stops, without a panic, at what it cannot read.
        for cut in 0..edits.len() {
            each_neighbour(term, &edits[..cut], |_| true);
        }
        each_neighbour(term, &[0xFF, 0x7F, 0xBF, 0xC3], |_| true);
        each_neighbour("", &[0, 64, 128, 192], |_| true);
    }
}
