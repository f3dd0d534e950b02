//! Values by row id. Row ids are small and dense: those under [`DENSE`] are found in a
//! table, by index, the others by hash (a lookup for every row read, in the row mapper's
//! codes and in the series' counts).

use std::collections::HashMap;

/// Ids below this are kept in the table.
const DENSE: usize = 1 << 16;

/// Values by row id.
#[derive(Debug)]
pub(super) struct IdMap<T> {
    dense: Vec<Option<T>>,
    sparse: HashMap<i64, T>,
}

impl<T> Default for IdMap<T> {
    fn default() -> Self {
        IdMap {
            dense: Vec::new(),
            sparse: HashMap::new(),
        }
    }
}

/// The table index of `id`, when it is kept in the table.
fn dense(id: i64) -> Option<usize> {
    usize::try_from(id).ok().filter(|i| *i < DENSE)
}

impl<T> IdMap<T> {
    /// The value of `id`, if any.
    pub(super) fn get(&self, id: i64) -> Option<&T> {
        match dense(id) {
            Some(i) => self.dense.get(i)?.as_ref(),
            None => self.sparse.get(&id),
        }
    }

    /// Sets the value of `id`.
    pub(super) fn insert(&mut self, id: i64, value: T) {
        match dense(id) {
            Some(i) => {
                if self.dense.len() <= i {
                    self.dense.resize_with(i + 1, || None);
                }
                self.dense[i] = Some(value);
            }
            None => {
                self.sparse.insert(id, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_large_and_negative_ids_all_kept() {
        let mut m = IdMap::default();
        for id in [0, 7, DENSE as i64 - 1, DENSE as i64, i64::MAX, -3] {
            assert_eq!(m.get(id), None);
            m.insert(id, id.to_string());
        }
        for id in [0, 7, DENSE as i64 - 1, DENSE as i64, i64::MAX, -3] {
            assert_eq!(m.get(id), Some(&id.to_string()));
        }
        assert_eq!(m.get(8), None);
        m.insert(7, "seven".into());
        assert_eq!(m.get(7).map(String::as_str), Some("seven"));
    }
}
