"""The part of asyncio written in Python: `Runner` (3.11) and `wrap_future`,
run in a namespace holding the Rust part's names."""


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


class Runner:
    """Runs coroutines on one event loop: `with asyncio.Runner() as runner:
    runner.run(main())`; closing it cancels what is left, closes the async
    generators and the default executor, then the loop."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = "created"
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        """Shuts the runner down (once); a closed runner cannot run again."""
        if self._state != "initialized":
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._loop_factory is None:
                set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = "closed"

    def get_loop(self):
        """The runner's loop (made now if it was not yet)."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Runs `coro` to its end in a task on the runner's loop; its result."""
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        try:
            get_running_loop()
        except RuntimeError:
            pass
        else:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == "closed":
            raise RuntimeError("Runner is closed")
        if self._state == "initialized":
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            set_event_loop(self._loop)
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        import contextvars

        self._context = contextvars.copy_context()
        self._state = "initialized"


def run_coroutine_threadsafe(coro, loop):
    """Submits `coro` to `loop` from another thread: a task made in a
    callback of the loop's, whose outcome a `concurrent.futures.Future` gets
    (CPython's `_chain_future` into a concurrent future)."""
    if not iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    import concurrent.futures
    future = concurrent.futures.Future()

    # The playground's concurrent future is an asyncio future of the loop:
    # its `cancelled()` is `set_running_or_notify_cancel()`'s answer.
    def _set_state(source):
        if source.cancelled():
            future.cancel()
        if future.cancelled():
            return
        if source.exception() is not None:
            future.set_exception(source.exception())
        else:
            future.set_result(source.result())

    def _check_cancel(destination):
        if destination.cancelled():
            task.cancel()

    def callback():
        nonlocal task
        try:
            task = ensure_future(coro, loop=loop)
            future.add_done_callback(_check_cancel)
            task.add_done_callback(_set_state)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if not future.cancelled():
                future.set_exception(exc)
            raise

    task = None
    loop.call_soon_threadsafe(callback)
    return future


def wrap_future(future, *, loop=None):
    """An asyncio future that follows `future` (a `concurrent.futures.Future`):
    its outcome is copied over by a loop callback, as CPython's
    `_chain_future` does, and cancelling it cancels `future`."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise AssertionError(f"concurrent.futures.Future is expected, got {future!r}")
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()

    def _copy_state(source):
        if new_future.cancelled():
            return
        if source.cancelled():
            new_future.cancel()
        elif source.exception() is not None:
            new_future.set_exception(source.exception())
        else:
            new_future.set_result(source.result())

    def _on_source_done(source):
        if not loop.is_closed():
            loop.call_soon_threadsafe(_copy_state, source)

    def _on_new_done(fut):
        if fut.cancelled():
            future.cancel()

    new_future.add_done_callback(_on_new_done)
    future.add_done_callback(_on_source_done)
    return new_future
