//! Shared bytes (`Arc<[u8]>`) as base64 text in serialized records: `#[serde(with =
//! "crate::base64_field")]`. A leaf: the checklist's evidence, the breach register's attachments and the
//! signed assessments' documents all use it.

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize as _, Deserializer, Serializer};

/// Writes the bytes as standard base64.
pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&STANDARD.encode(bytes))
}

/// Reads standard base64 back into shared bytes.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<[u8]>, D::Error> {
    let text = String::deserialize(d)?;
    STANDARD
        .decode(text)
        .map(Arc::from)
        .map_err(serde::de::Error::custom)
}
