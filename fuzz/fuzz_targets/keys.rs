//! The terminal decoder: any bytes, split into reads anywhere, never panic; a bracketed
//! paste is one input whatever its content (no key ever comes out of it), however its
//! reads are split. (`tests/tui_input.rs` runs the same property on random inputs.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use phoihop::tui::input::{Decoder, Input};

fuzz_target!(|data: &[u8]| {
    // The first byte chooses where the reads are split.
    let Some((&cut, bytes)) = data.split_first() else {
        return;
    };
    let mut d = Decoder::default();
    for chunk in bytes.chunks(usize::from(cut).max(1)) {
        let _ = d.feed(chunk);
    }
    // A paste of the bytes (minus any end marker) is one input and no key.
    let body: Vec<u8> = bytes.iter().copied().filter(|&b| b != 0x1b).collect();
    let mut framed = b"\x1b[200~".to_vec();
    framed.extend_from_slice(&body);
    framed.extend_from_slice(b"\x1b[201~");
    let mut p = Decoder::default();
    let mut out = Vec::new();
    for chunk in framed.chunks(usize::from(cut).max(1)) {
        out.extend(p.feed(chunk));
    }
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(matches!(&out[0], Input::Paste(_)));
});
