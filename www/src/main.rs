//! The gouji web page. Yew renders what the engine (`gouji::check`) found; the page holds no
//! validation logic of its own (see ARCHITECTURE.md). Built by Trunk, inlined into one file by
//! `tools/inline_page.py`.

mod app;
mod batch;
mod compare_view;
mod decisions_file;
mod fill_view;
mod host;
mod i18n;
#[cfg(test)]
mod invariants;
mod official;
mod panels;
#[cfg(target_arch = "wasm32")]
mod readers;
mod rule_docs;
mod state;
mod tables;
mod view_model;
mod worker;

fn main() {
    host::lend();
    if web_sys::window().is_none() {
        // In the checking worker (see `worker.rs`).
        worker::serve();
        return;
    }
    let root =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
