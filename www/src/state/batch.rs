//! The batch slice: many reports at once, their results as they come, how the summary is
//! sorted and filtered, which report is open, and its place in the address bar.

use std::rc::Rc;

use crate::batch::{self, BatchItem, Column};
use crate::view_model::Shared;

/// Many files at once.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Batch {
    /// The files and their results.
    pub(crate) items: Rc<Vec<BatchItem>>,
    /// How the summary is sorted and filtered.
    pub(crate) view: batch::View,
    /// Which batch run this is (results of an older run are dropped).
    pub(crate) generation: u64,
    /// Every file checked and the rules across reports run.
    pub(crate) finished: bool,
    /// The report shown in full, if any.
    pub(crate) open: Option<usize>,
    /// The row last opened: the list comes back to it.
    pub(crate) last_open: Option<usize>,
}

impl Batch {
    /// A batch of these files, none checked yet.
    pub(crate) fn new(generation: u64, names: Vec<Rc<str>>) -> Batch {
        Batch {
            items: Rc::new(
                names.into_iter().map(|name| BatchItem { name, checked: None }).collect(),
            ),
            view: batch::View::default(),
            finished: false,
            generation,
            open: None,
            last_open: None,
        }
    }
}

/// What happens inside a batch.
#[derive(Clone, Debug)]
pub(crate) enum BatchAction {
    /// A file of run `generation` is checked.
    Checked {
        generation: u64,
        index: usize,
        checked: Shared,
    },
    /// Reports of the batch that the rules across reports changed (a part of them).
    Updated {
        generation: u64,
        updated: Vec<(usize, Shared)>,
    },
    /// Every report of the batch is checked and the rules across reports have run.
    Finished {
        generation: u64,
    },
    Sort(Column),
    Filter(String),
    ErrorsOnly(bool),
    /// Export the findings of every report (CSV, or the CLI's JSON lines).
    Export {
        json: bool,
    },
}

/// The batch after `action`; a result of an older run changes nothing (`false`).
pub(crate) fn reduce(batch: &mut Batch, action: &BatchAction) -> bool {
    match action {
        BatchAction::Checked { generation, index, checked } => {
            if *generation != batch.generation {
                return false;
            }
            if let Some(item) = Rc::make_mut(&mut batch.items).get_mut(*index) {
                item.checked = Some(checked.clone());
            }
        }
        BatchAction::Updated { generation, updated } => {
            if *generation != batch.generation {
                return false;
            }
            let items = Rc::make_mut(&mut batch.items);
            for (index, checked) in updated {
                if let Some(item) = items.get_mut(*index) {
                    item.checked = Some(checked.clone());
                }
            }
        }
        BatchAction::Finished { generation } => {
            if *generation != batch.generation {
                return false;
            }
            batch.finished = true;
        }
        BatchAction::Sort(column) => {
            let (current, descending) = batch.view.sort;
            batch.view.sort = (*column, if current == *column { !descending } else { true });
        }
        BatchAction::Filter(text) => batch.view.filter.clone_from(text),
        BatchAction::ErrorsOnly(on) => batch.view.errors_only = *on,
        BatchAction::Export { .. } => return false,
    }
    true
}

/// The address bar's hash for a batch view.
pub(crate) fn batch_hash(open: Option<usize>) -> String {
    match open {
        Some(k) => format!("#batch/{}", k + 1),
        None => "#batch".to_string(),
    }
}

/// A place in a batch that the address bar names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The summary list.
    List,
    /// Report k of the batch (0-based; the hash counts from 1).
    Report(usize),
}

/// The batch place a hash names, if it names one.
pub(crate) fn parse_hash(hash: &str) -> Option<Place> {
    let rest = hash.strip_prefix("#batch")?;
    if rest.is_empty() {
        return Some(Place::List);
    }
    let k: usize = rest.strip_prefix('/')?.parse().ok()?;
    k.checked_sub(1).map(Place::Report)
}

/// Files whose names say they are not reports of a batch: hidden files and decisions files.
pub(crate) fn batch_worthy(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    !base.starts_with('.') && !base.to_ascii_lowercase().ends_with(".json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Source, run_check, sample_text};

    #[test]
    fn results_of_an_older_run_are_dropped() {
        let mut batch = Batch::new(7, vec!["a.txt".into(), "b.txt".into()]);
        let checked = Shared(Rc::new(run_check(&sample_text(), &Source::Sample, &[])));
        let old = BatchAction::Checked { generation: 6, index: 0, checked: checked.clone() };
        assert!(!reduce(&mut batch, &old));
        assert!(batch.items[0].checked.is_none());
        assert!(reduce(&mut batch, &BatchAction::Checked { generation: 7, index: 0, checked }));
        assert!(batch.items[0].checked.is_some());
        assert!(!reduce(&mut batch, &BatchAction::Finished { generation: 6 }));
        assert!(!batch.finished);
        assert!(reduce(&mut batch, &BatchAction::Finished { generation: 7 }));
        assert!(batch.finished);
    }

    #[test]
    fn a_column_sorts_then_turns_over() {
        let mut batch = Batch::new(1, vec!["a.txt".into()]);
        reduce(&mut batch, &BatchAction::Sort(Column::File));
        assert_eq!(batch.view.sort, (Column::File, true));
        reduce(&mut batch, &BatchAction::Sort(Column::File));
        assert_eq!(batch.view.sort, (Column::File, false));
        reduce(&mut batch, &BatchAction::Filter("张店".into()));
        reduce(&mut batch, &BatchAction::ErrorsOnly(true));
        assert!(batch.view.errors_only && batch.view.filter == "张店");
    }

    #[test]
    fn the_address_bar_names_the_list_and_its_reports() {
        assert_eq!(batch_hash(Some(1)), "#batch/2");
        assert_eq!(parse_hash("#batch/2"), Some(Place::Report(1)));
        assert_eq!(parse_hash("#batch"), Some(Place::List));
        assert_eq!(parse_hash("#batch/0"), None);
        assert_eq!(parse_hash("#x"), None);
        assert!(batch_worthy("a/b.txt") && !batch_worthy("a/.DS_Store"));
        assert!(!batch_worthy("a.gouji.JSON"));
    }
}
