//! Python's `heapq`, step for step.
//!
//! The loop's timers and `PriorityQueue` must pop equal keys in the order
//! CPython's heap pops them, which is not FIFO. These functions are the
//! algorithms of CPython's `_heapqmodule.c` (`siftdown`, `siftup`, `heappush`,
//! `heappop`, `heapify`) over a caller-supplied `<`.

/// Move `heap[pos]` up towards `start` while it is less than its parent.
fn sift_down<T>(heap: &mut [T], start: usize, mut pos: usize, lt: &impl Fn(&T, &T) -> bool) {
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !lt(&heap[pos], &heap[parent]) {
            break;
        }
        heap.swap(pos, parent);
        pos = parent;
    }
}

/// Bubble the smaller child up from `pos` to a leaf, then sift the item back
/// down (CPython's bottom-up `siftup`).
fn sift_up<T>(heap: &mut [T], mut pos: usize, lt: &impl Fn(&T, &T) -> bool) {
    let end = heap.len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end && !lt(&heap[child], &heap[child + 1]) {
            child += 1;
        }
        heap.swap(pos, child);
        pos = child;
    }
    sift_down(heap, start, pos, lt);
}

/// `heapq.heappush(heap, item)`.
pub fn heappush<T>(heap: &mut Vec<T>, item: T, lt: impl Fn(&T, &T) -> bool) {
    heap.push(item);
    let last = heap.len() - 1;
    sift_down(heap, 0, last, &lt);
}

/// `heapq.heappop(heap)`; `None` when empty.
pub fn heappop<T>(heap: &mut Vec<T>, lt: impl Fn(&T, &T) -> bool) -> Option<T> {
    let last = heap.pop()?;
    if heap.is_empty() {
        return Some(last);
    }
    let top = std::mem::replace(&mut heap[0], last);
    sift_up(heap, 0, &lt);
    Some(top)
}

/// `heapq.heapify(heap)`.
pub fn heapify<T>(heap: &mut [T], lt: impl Fn(&T, &T) -> bool) {
    let n = heap.len();
    for i in (0..n / 2).rev() {
        sift_up(heap, i, &lt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys with ties, tagged by insertion index; the expected pop order was
    /// printed by CPython: `heapq` over `(key, tag)` objects comparing keys only.
    #[test]
    fn ties_pop_in_cpython_order() {
        let keys = [1, 0, 1, 1, 0, 1, 1];
        let lt = |a: &(i32, usize), b: &(i32, usize)| a.0 < b.0;
        let mut heap = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            heappush(&mut heap, (*k, i), lt);
        }
        let mut order = Vec::new();
        while let Some((_, tag)) = heappop(&mut heap, lt) {
            order.push(tag);
        }
        // CPython's heapq over objects whose __lt__ compares keys prints this.
        assert_eq!(order, vec![1, 4, 2, 5, 6, 0, 3]);
    }
}
