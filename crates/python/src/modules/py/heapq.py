"""Heap queue: the playground's heapq, in Python.

The heap is the same list CPython's C heapq makes: items move by the same
rules (only `<` compares them), so a printed heap matches python3's.
"""


def _up(heap, start, pos):
    # Move heap[pos] towards the root while it is smaller than its parent.
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _down(heap, pos):
    # Walk the hole at pos down to a leaf along the smaller children, then
    # let the displaced item rise back to its place (fewer comparisons).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _up(heap, start, pos)


def _check(name, heap, which="argument 1"):
    if not isinstance(heap, list):
        raise TypeError(f"{name}() {which} must be list, not {type(heap).__name__}")


def heappush(heap, item, /):
    _check("heappush", heap)
    heap.append(item)
    _up(heap, 0, len(heap) - 1)


def heappop(heap, /):
    _check("heappop", heap, "argument")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _down(heap, 0)
        return first
    return last


def heapreplace(heap, item, /):
    _check("heapreplace", heap)
    if not heap:
        raise IndexError("index out of range")
    first = heap[0]
    heap[0] = item
    _down(heap, 0)
    return first


def heappushpop(heap, item, /):
    _check("heappushpop", heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _down(heap, 0)
    return item


def heapify(heap, /):
    _check("heapify", heap, "argument")
    for i in reversed(range(len(heap) // 2)):
        _down(heap, i)


def nsmallest(n, iterable, key=None):
    """The n smallest items: sorted(iterable, key=key)[:n]."""
    return sorted(iterable, key=key)[:n] if n > 0 else []


def nlargest(n, iterable, key=None):
    """The n largest items: sorted(iterable, key=key, reverse=True)[:n]."""
    return sorted(iterable, key=key, reverse=True)[:n] if n > 0 else []


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted stream (stable: ties in input order)."""
    heads = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            heads.append([value if key is None else key(value), order, value, it])
            break
    while heads:
        best = 0
        for i in range(1, len(heads)):
            a, b = heads[i], heads[best]
            if (b[0] < a[0]) if reverse else (a[0] < b[0]):
                best = i
        head = heads[best]
        yield head[2]
        for value in head[3]:
            head[0] = value if key is None else key(value)
            head[2] = value
            break
        else:
            del heads[best]
