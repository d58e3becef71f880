//! Independent items worked on every core: files read, documents resolved,
//! texts drafted. One home for spreading the work, so that each caller says
//! only what is done to one item.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of each index below `n`, in index order. Each core takes the next
/// index left, so that one large item does not hold up the rest.
pub fn map_on_every_core<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, |c| c.get()).min(n);
    if workers <= 1 {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break mine;
                        }
                        mine.push((i, f(i)));
                    }
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a worker does not panic")).collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::map_on_every_core;

    #[test]
    fn results_come_back_in_index_order_whatever_finishes_first() {
        let slow_first = |i: usize| {
            if i < 4 {
                std::thread::sleep(std::time::Duration::from_millis(5 * (4 - i) as u64));
            }
            i * 10
        };
        assert_eq!(map_on_every_core(200, slow_first), (0..200).map(|i| i * 10).collect::<Vec<_>>());
        assert!(map_on_every_core(0, |i| i).is_empty());
    }
}
