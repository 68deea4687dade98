"""The part of contextlib written in Python: ExitStack, AsyncExitStack,
closing, aclosing and the abstract managers. Run in a namespace holding the
Rust part's names (contextmanager, suppress, ...). `_cm_enter` and `_cm_exit`
do what a `with` statement does on entry and exit, for any manager."""

import sys
from functools import wraps


def _cm_decorator(recreate, func, is_async):
    # `@cm(...)` on `func`: each call runs inside a fresh manager.
    if is_async:
        @wraps(func)
        async def inner(*args, **kwds):
            async with recreate():
                return await func(*args, **kwds)
    else:
        @wraps(func)
        def inner(*args, **kwds):
            with recreate():
                return func(*args, **kwds)
    return inner


class AbstractContextManager:
    """A context manager whose `__enter__` gives itself."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    """An asynchronous context manager whose `__aenter__` gives itself."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class closing(AbstractContextManager):
    """`with closing(thing)`: calls `thing.close()` on the way out."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """`async with aclosing(thing)`: awaits `thing.aclose()` on the way out."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


def _details(exc):
    return (None, None, None) if exc is None else (type(exc), exc, exc.__traceback__)


def _relink(new_exc, old_exc, frame_exc):
    """Makes the end of `new_exc`'s context chain `old_exc`, as a nested
    `with` statement would have, stopping at the exception being handled
    where the stack was made."""
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


def _reraise(exc):
    context = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = context
        raise


class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """A new stack holding this one's callbacks; this one is left empty."""
        new = type(self)()
        new._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return new

    def push(self, exit):
        """Adds a manager's `__exit__`, or a callable taking its arguments."""
        method = getattr(type(exit), "__exit__", None)
        if method is None and not callable(exit):
            self._exit_callbacks.append((True, lambda t, e, tb: _cm_exit(exit, e, False)))
        elif method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, lambda *details: method(exit, *details)))
        return exit

    def enter_context(self, cm):
        """Enters `cm` and pushes its exit; returns what `__enter__` gave."""
        result = _cm_enter(cm, False)
        self._exit_callbacks.append((True, lambda t, e, tb: _cm_exit(cm, e, False)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Pushes `callback(*args, **kwds)`, called whatever the exception."""

        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)

        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context managers and callbacks entered in a program's own order and
    exited in the reverse one, as nested `with` statements would be."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received = exc_details[1] is not None
        frame_exc = sys.exception()
        exc = exc_details[1]
        suppressed = pending = False
        while self._exit_callbacks:
            _, cb = self._exit_callbacks.pop()
            try:
                if cb(*_details(exc)):
                    suppressed, pending, exc = True, False, None
            except BaseException as new_exc:
                _relink(new_exc, exc, frame_exc)
                pending, exc = True, new_exc
        if pending:
            _reraise(exc)
        return received and suppressed

    def close(self):
        """Unwinds the stack now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """ExitStack for asynchronous managers and coroutine callbacks too."""

    async def enter_async_context(self, cm):
        """Enters `cm` with `__aenter__` and pushes its `__aexit__`."""
        result = await _cm_enter(cm, True)
        self._exit_callbacks.append((False, lambda t, e, tb: _cm_exit(cm, e, True)))
        return result

    def push_async_exit(self, exit):
        """Adds a manager's `__aexit__`, or a coroutine function taking its arguments."""
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._exit_callbacks.append((False, lambda *details: method(exit, *details)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Pushes `await callback(*args, **kwds)`."""

        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)

        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback

    async def aclose(self):
        """Unwinds the stack now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received = exc_details[1] is not None
        frame_exc = sys.exception()
        exc = exc_details[1]
        suppressed = pending = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                result = cb(*_details(exc))
                if not is_sync:
                    result = await result
                if result:
                    suppressed, pending, exc = True, False, None
            except BaseException as new_exc:
                _relink(new_exc, exc, frame_exc)
                pending, exc = True, new_exc
        if pending:
            _reraise(exc)
        return received and suppressed
