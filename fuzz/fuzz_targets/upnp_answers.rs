#![no_main]
//! cargo fuzz target: see `vigie::fuzzing` and docs/fuzzing.md.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(target) = vigie::fuzzing::target("upnp_answers") {
        (target.run)(data);
    }
});
