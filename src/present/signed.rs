//! A verification in words: what `vigie verify` prints, and what the window says of each signature.

use std::fmt::Write as _;

use crate::assessment::Role;
use crate::assessment::verify::{
    Anchor, Problem, SignerCheck, SignerStatus, Subject, Verification,
};
use crate::i18n::{Lang, Localize as _, T, format_datetime, tr};

/// The name of a role.
pub fn role(role: Role) -> T {
    match role {
        Role::Doctor => T::RoleDoctor,
        Role::Consultant => T::RoleConsultant,
    }
}

/// One signature's state in words.
pub fn status(status: &SignerStatus, lang: Lang) -> String {
    match status {
        SignerStatus::Valid => T::SigValid.get(lang).to_owned(),
        SignerStatus::UnknownKey => T::SigUnknownKey.get(lang).to_owned(),
        SignerStatus::Mismatch => T::SigMismatch.get(lang).to_owned(),
        SignerStatus::WrongNamespace(found) => tr::sig_wrong_namespace(lang, found),
        SignerStatus::Malformed => T::SigMalformed.get(lang).to_owned(),
        SignerStatus::Missing => T::SigMissing.get(lang).to_owned(),
    }
}

/// A problem of the whole set in words.
pub fn problem(problem: &Problem, lang: Lang) -> &'static str {
    match problem {
        Problem::NoSignature => T::VerifyNoSignature.get(lang),
        Problem::NoAllowedSigners => T::VerifyNoAllowedSigners.get(lang),
        Problem::DoctorSignatureMissing => T::VerifyDoctorMissing.get(lang),
    }
}

/// A signer on one line: name, role, affiliation (only when a signature covers them; the
/// `allowed_signers` principal otherwise), fingerprint.
pub fn signer_line(s: &SignerCheck, lang: Lang) -> String {
    let mut parts = Vec::new();
    parts.push(if s.name.is_empty() || !s.identity_signed {
        s.principal.clone()
    } else {
        s.name.clone()
    });
    if let Some(r) = s.role.filter(|_| s.identity_signed) {
        parts.push(role(r).get(lang).to_owned());
    }
    if !s.affiliation.is_empty() && s.identity_signed {
        parts.push(s.affiliation.clone());
    }
    if !s.fingerprint.is_empty() {
        parts.push(s.fingerprint.clone());
    }
    parts.join(" — ")
}

/// What `signers.json` declares of a signer (signed by nobody), on one line, if anything.
pub fn declared_line(s: &SignerCheck, lang: Lang) -> Option<String> {
    let d = s.declared.as_ref()?;
    let mut who = vec![d.name.clone(), role(d.role).get(lang).to_owned()];
    if !d.affiliation.is_empty() {
        who.push(d.affiliation.clone());
    }
    if let Some(at) = d.signed_at {
        who.push(tr::signed_on(lang, format_datetime(at, lang)));
    }
    Some(tr::verify_declared(lang, who.join(" — ")))
}

/// The comparison with the expected fingerprints, in words.
pub fn anchor(a: &Anchor, lang: Lang) -> String {
    match a {
        Anchor::NotGiven => T::VerifyAnchorNotGiven.get(lang).to_owned(),
        Anchor::Matches(fp) => tr::verify_anchor_matches(lang, fp),
        Anchor::Differs(fp) => tr::verify_anchor_differs(lang, fp),
        Anchor::NoKey => T::VerifyAnchorNoKey.get(lang).to_owned(),
    }
}

/// The whole verification as text, one fact per line, and what the signing key is to the reader:
/// compared with `expected` fingerprints, or a plain warning that an unknown key proves nothing.
pub fn text_anchored(v: &Verification, expected: &[String], lang: Lang) -> String {
    let mut out = text(v, lang);
    let a = v.anchor(expected);
    let mark = match a {
        Anchor::Matches(_) => "✓",
        Anchor::NotGiven => "!",
        Anchor::Differs(_) | Anchor::NoKey => "✗",
    };
    let _ = writeln!(
        out,
        "{mark} {}",
        super::escape_for_terminal(&anchor(&a, lang))
    );
    out
}

/// The whole verification as text, one fact per line.
pub fn text(v: &Verification, lang: Lang) -> String {
    let mut lines = Vec::new();
    match &v.subject {
        Subject::Assessment(d) => {
            lines.push(tr::verify_document(lang, &v.target));
            lines.push(tr::verify_practice(lang, d.practice.name.as_str()));
            lines.push(tr::verify_completed(
                lang,
                format_datetime(d.completed_at, lang),
            ));
            if let Some(o) = d.scores.overall_percent {
                lines.push(tr::verify_score(lang, o));
            }
        }
        Subject::Report => lines.push(tr::verify_report(lang, &v.target)),
        Subject::Unreadable(e) => {
            lines.push(tr::verify_document(lang, &v.target));
            lines.push(e.localize(lang));
        }
    }
    let code = crate::assessment::document::grouped(&v.sha256);
    if matches!(v.subject, Subject::Report) {
        // The PDF's own code and date, never the document's under the same name.
        lines.push(tr::verify_pdf_code(lang, code));
        if let Some(at) = v.pdf_date {
            lines.push(tr::verify_pdf_date(lang, format_datetime(at, lang)));
        }
    } else {
        lines.push(tr::verify_code(lang, code));
    }
    lines.push(T::VerifySigners.get(lang).to_owned());
    for s in &v.signers {
        let mark = if s.status == SignerStatus::Valid {
            "✓"
        } else {
            "✗"
        };
        let when = s
            .signed_at
            .map(|t| format!(" — {}", tr::signed_on(lang, format_datetime(t, lang))))
            .unwrap_or_default();
        lines.push(format!(
            "  {mark} {}{when} — {}",
            signer_line(s, lang),
            status(&s.status, lang)
        ));
        if !s.identity_signed {
            lines.push(format!("      {}", T::VerifyIdentityUnsigned.get(lang)));
        }
        if let Some(k) = &s.key_change {
            lines.push(format!(
                "      {}",
                tr::key_change_signed(lang, &k.previous_fingerprint, &k.reason)
            ));
        }
        if let Some(d) = declared_line(s, lang) {
            lines.push(format!("      {d}"));
        }
    }
    for p in &v.problems {
        lines.push(format!("  ✗ {}", problem(p, lang)));
    }
    lines.push(if v.is_valid() {
        T::VerifyAllValid.get(lang).to_owned()
    } else {
        T::VerifyFailed.get(lang).to_owned()
    });
    // One fact per line: whatever a name, a principal or a file name holds (ESC, CR, a newline and a
    // fake result line) is shown escaped, never sent to the terminal raw.
    let mut out = String::new();
    for line in &lines {
        out.push_str(&super::escape_for_terminal(line));
        out.push('\n');
    }
    out
}
