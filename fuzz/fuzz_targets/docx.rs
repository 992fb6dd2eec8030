//! Arbitrary bytes as a Word file: the zip reader (raw, and behind a zip signature) and the
//! Word XML reader (the bytes stored as `word/document.xml` in a valid zip) must never panic
//! or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = Some("x.docx");
    std::hint::black_box(gouji::check(&gouji::Input { bytes: data, name }).verdict());
    let mut signed = b"PK\x03\x04".to_vec();
    signed.extend_from_slice(data);
    std::hint::black_box(gouji::check(&gouji::Input { bytes: &signed, name }).verdict());
    let docx = stored_zip("word/document.xml", data);
    std::hint::black_box(gouji::check(&gouji::Input { bytes: &docx, name }).verdict());
});

/// A one-entry zip holding `data` stored (method 0).
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let (name, size, crc) = (name.as_bytes(), data.len() as u32, crc32(data));
    let mut out = b"PK\x03\x04".to_vec();
    for v in [20u16, 0, 0, 0, 0] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for v in [crc, size, size] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name);
    out.extend_from_slice(data);
    let cd_offset = out.len() as u32;
    let mut central = b"PK\x01\x02".to_vec();
    for v in [20u16, 20, 0, 0, 0, 0] {
        central.extend_from_slice(&v.to_le_bytes());
    }
    for v in [crc, size, size] {
        central.extend_from_slice(&v.to_le_bytes());
    }
    for v in [name.len() as u16, 0, 0, 0, 0] {
        central.extend_from_slice(&v.to_le_bytes());
    }
    central.extend_from_slice(&[0; 4]);
    central.extend_from_slice(&0u32.to_le_bytes());
    central.extend_from_slice(name);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
        }
    }
    !crc
}
