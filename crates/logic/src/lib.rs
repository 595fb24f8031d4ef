//! Safety logic for the baclofen guide, free of any browser or UI code so that it can be
//! tested exhaustively with native `cargo test`.
//!
//! Rules of the crate: the current time is always an input (never read here); every input
//! yields advice or a typed error (never a panic); wording lives in the app's `content/`,
//! this crate returns typed results only.

pub mod calendar;
pub mod carer_link;
pub mod missed_dose;
pub mod plain_text;
pub mod planner;
pub mod qr;
pub mod red_flags;
pub mod schedule;
pub mod time;

// The unit tests share the integration tests' copy of the fact sheet's numbers, which names
// this crate by its own name.
#[cfg(test)]
extern crate self as baclofen_logic;
#[cfg(test)]
#[path = "../tests/common/fact_sheet.rs"]
pub(crate) mod fact_sheet;

/// Sorts a short list (a day's doses, the rules that fired) by key, keeping the order of equal
/// keys. Insertion sort: the lists hold a few dozen items at most, and one small routine per
/// key type keeps the WebAssembly smaller than the standard library's general sorts.
pub(crate) fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_small_by_key;

    #[test]
    fn short_lists_are_sorted_and_equal_keys_keep_their_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_small_by_key(&mut items, |item| item.0);
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_small_by_key(&mut empty, |x| *x);
    }
}
