//! The engine's integration tests: one binary, one module per concern.
//!
//! * `corpus`: every real report of `tests/fixtures/reports` gives its hand-checked verdict,
//!   and the extracted values equal `tests/fixtures/truth`.
//! * `docx`: a real report rebuilt as a Word document reads like its page; damaged,
//!   encrypted and bomb .docx files get messages.
//! * `layouts`: the same table rendered in every layout seen in the wild reads back equal;
//!   property tests over random consistent tables and single-cell mistakes.
//! * `rules`: a valid and an invalid fixture per rule, and the registry's promises.
//! * `review`: reviewer decisions and finding fingerprints.
//! * `dto`: the JSON at the edges reads back to what was written; CONTRACT.md's example.
//! * `pdf`: PDF files read directly, against the `pdftotext -layout` text of the same files;
//!   hand-built and hostile PDFs.
//! * `robustness`: garbage, binary, huge and hostile inputs give messages, not panics.
//! * `compare`: years side by side and units against each other (`gouji::compare`).
//! * `variants`: real reports, clean and with one wrong number, written the ways people
//!   paste them (placeholders for zero, full-width digits, odd spaces, CRLF, the text twice…).
//! * `bounds`: hostile inputs, measured: the work, memory and output each case may take.
//! * `unseen`: the generated tables copied by other programs (Word HTML, Excel, CSV, page
//!   breaks, double spacing, thousands separators…): never silent on a wrong number.

// Tests do not ship to the page: they may sort with the standard library.
#![allow(clippy::disallowed_methods)]

mod bounds;
mod compare;
mod corpus;
mod docx;
mod dto;
mod invariants;
mod layouts;
mod pdf;
mod review;
mod robustness;
mod rules;
mod selfcheck;
mod shapes;
mod support;
mod unseen;
mod variants;
