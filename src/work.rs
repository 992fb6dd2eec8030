//! How much work the engine did: a count of elementary steps (characters scanned, tokens cut,
//! keys searched), so that tests can check that every stage stays linear in its input by
//! doubling an adversarial input and comparing counts, never wall time.
//!
//! Counting exists only with the `work-count` feature, which the tests turn on; without it
//! [`add`] does nothing and the shipped engine keeps no state at all.

#[cfg(feature = "work-count")]
mod counter {
    use std::cell::Cell;

    thread_local! {
        static STEPS: Cell<u64> = const { Cell::new(0) };
    }

    pub(super) fn add(steps: usize) {
        STEPS.with(|s| s.set(s.get().saturating_add(steps as u64)));
    }

    pub(super) fn get() -> u64 {
        STEPS.with(Cell::get)
    }
}

/// Counts `steps` steps of work (on this thread).
#[inline]
pub(crate) fn add(steps: usize) {
    #[cfg(feature = "work-count")]
    counter::add(steps);
    #[cfg(not(feature = "work-count"))]
    let _ = steps;
}

/// Runs `f` and returns its result with the steps of work it counted (on this thread).
#[cfg(feature = "work-count")]
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = counter::get();
    let out = f();
    (out, counter::get() - before)
}
