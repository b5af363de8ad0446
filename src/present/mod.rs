//! Presentation: the domain's results in words and in the command line's formats (localized texts,
//! text, JSON, CSV), above the engines that produce them and below the CLI, the documents and the GUI.

pub mod archive; // encrypted archives: the evidence file recorded with an archive
pub mod boxes; // the Internet box's rules: each risk in words, the 2020 case, fix steps; text, JSON
pub mod breach; // the breach register: the countdown, the facts as labelled rows, the advice; text, JSON
pub mod checklist; // the checklist: an action's text, the evidence that contradicts an answer
pub mod reminders; // the reminders in words and as an iCalendar (.ics) file
pub mod scan; // the folder scan: kinds, risks and flags in words, the plain summary; text, JSON, CSV
pub mod signed; // a signature verification in words
pub mod system; // the PC checks: names, plain sentences, fix steps; text and JSON

/// Text for a terminal: control characters (ESC, newline, tab, DEL, C1…) and the invisible characters
/// that reorder or hide text (bidirectional overrides and isolates, zero-width marks) shown escaped as
/// Rust writes them (`\n`, `\t`, `\r`, `\u{1b}`, `\u{202e}`), so that a file name can neither drive the
/// terminal nor split a finding over two lines, nor pass for another name.
pub fn escape_for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    };
    if !s.chars().any(hidden) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if hidden(c) => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.into()
}
