//! What `dir()` lists for the builtin and native types beyond `object`'s
//! names: CPython 3.11's names (the playground has these types' methods in
//! Rust `match`es, which cannot be listed).

use crate::object::BuiltinType;

/// The names `dir(t)` adds to `object`'s for builtin type `t`, space-separated.
pub fn extra_names(t: BuiltinType) -> &'static str {
    match t {
        BuiltinType::Bool | BuiltinType::Int => {
            "__abs__ __add__ __and__ __bool__ __ceil__ __divmod__ __float__ __floor__ \
             __floordiv__ __getnewargs__ __index__ __int__ __invert__ __lshift__ __mod__ \
             __mul__ __neg__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ \
             __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ \
             __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __sub__ __truediv__ \
             __trunc__ __xor__ as_integer_ratio bit_count bit_length conjugate denominator \
             from_bytes imag numerator real to_bytes"
        }
        BuiltinType::Float => {
            "__abs__ __add__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ \
             __getformat__ __getnewargs__ __int__ __mod__ __mul__ __neg__ __pos__ __pow__ \
             __radd__ __rdivmod__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rsub__ \
             __rtruediv__ __sub__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex \
             hex imag is_integer real"
        }
        BuiltinType::Str => {
            "__add__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ __mod__ __mul__ \
             __rmod__ __rmul__ capitalize casefold center count encode endswith expandtabs \
             find format format_map index isalnum isalpha isascii isdecimal isdigit \
             isidentifier islower isnumeric isprintable isspace istitle isupper join ljust \
             lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex \
             rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title \
             translate upper zfill"
        }
        BuiltinType::Bytes => {
            "__add__ __bytes__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ \
             __mod__ __mul__ __rmod__ __rmul__ capitalize center count decode endswith \
             expandtabs find fromhex hex index isalnum isalpha isascii isdigit islower \
             isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix \
             removesuffix replace rfind rindex rjust rpartition rsplit rstrip split \
             splitlines startswith strip swapcase title translate upper zfill"
        }
        BuiltinType::Tuple => {
            "__add__ __class_getitem__ __contains__ __getitem__ __getnewargs__ __iter__ \
             __len__ __mul__ __rmul__ count index"
        }
        BuiltinType::List => {
            "__add__ __class_getitem__ __contains__ __delitem__ __getitem__ __iadd__ __imul__ \
             __iter__ __len__ __mul__ __reversed__ __rmul__ __setitem__ append clear copy \
             count extend index insert pop remove reverse sort"
        }
        BuiltinType::Dict => {
            "__class_getitem__ __contains__ __delitem__ __getitem__ __ior__ __iter__ __len__ \
             __or__ __reversed__ __ror__ __setitem__ clear copy fromkeys get items keys pop \
             popitem setdefault update values"
        }
        BuiltinType::Set => {
            "__and__ __class_getitem__ __contains__ __iand__ __ior__ __isub__ __iter__ \
             __ixor__ __len__ __or__ __rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__ add \
             clear copy difference difference_update discard intersection intersection_update \
             isdisjoint issubset issuperset pop remove symmetric_difference \
             symmetric_difference_update union update"
        }
        BuiltinType::FrozenSet => {
            "__and__ __class_getitem__ __contains__ __iter__ __len__ __or__ __rand__ __ror__ \
             __rsub__ __rxor__ __sub__ __xor__ copy difference intersection isdisjoint \
             issubset issuperset symmetric_difference union"
        }
        BuiltinType::Range => {
            "__bool__ __contains__ __getitem__ __iter__ __len__ __reversed__ count index \
             start step stop"
        }
        BuiltinType::Slice => "indices start step stop",
        BuiltinType::NoneType => "__bool__",
        _ => "",
    }
}

/// The names `dir()` lists for native class `name` (the playground's
/// asyncio, collections and generator types) beyond `object`'s: the class's
/// own, and what CPython's instances add in their `__dict__` (a queue's
/// `_getters`), space-separated; empty for the others. The loop's are those
/// of pyrun.py's loop.
pub fn native_names(name: &str) -> (&'static str, &'static str) {
    match name {
        "Future" => (
            "__await__ __class_getitem__ __del__ __iter__ _asyncio_future_blocking _callbacks \
             _cancel_message _exception _log_traceback _loop _make_cancelled_error _result \
             _source_traceback _state add_done_callback cancel cancelled done exception get_loop \
             remove_done_callback result set_exception set_result",
            "",
        ),
        "Task" => (
            "__await__ __class_getitem__ __del__ __iter__ _asyncio_future_blocking _callbacks \
             _cancel_message _coro _exception _fut_waiter _log_destroy_pending _log_traceback _loop \
             _make_cancelled_error _must_cancel _result _source_traceback _state add_done_callback \
             cancel cancelled cancelling done exception get_coro get_loop get_name get_stack \
             print_stack remove_done_callback result set_exception set_name set_result uncancel",
            "",
        ),
        "TaskGroup" => (
            "__aenter__ __aexit__ __dict__ __module__ __weakref__ _abort _is_base_error _on_task_done \
             create_task",
            "_aborting _base_error _entered _errors _exiting _loop _on_completed_fut \
             _parent_cancel_requested _parent_task _tasks",
        ),
        "Timeout" => (
            "__aenter__ __aexit__ __dict__ __final__ __module__ __weakref__ _on_timeout expired \
             reschedule when",
            "_state _task _timeout_handler _when",
        ),
        "_UnixSelectorEventLoop" => (
            "__del__ __dict__ __module__ __weakref__ _accept_connection _accept_connection2 \
             _add_callback _add_callback_signalsafe _add_reader _add_writer _asyncgen_finalizer_hook \
             _asyncgen_firstiter_hook _call_soon _check_callback _check_closed \
             _check_default_executor _check_running _check_sendfile_params _check_signal \
             _check_thread _child_watcher_callback _close_self_pipe _connect_sock \
             _create_connection_transport _create_server_getaddrinfo _do_shutdown \
             _ensure_fd_no_transport _ensure_resolved _getaddrinfo_debug _handle_signal \
             _log_subprocess _make_datagram_transport _make_read_pipe_transport _make_self_pipe \
             _make_socket_transport _make_ssl_transport _make_subprocess_transport \
             _make_write_pipe_transport _process_events _process_self_data _read_from_self \
             _remove_reader _remove_writer _run_once _sendfile_fallback _sendfile_native \
             _set_coroutine_origin_tracking _sock_accept _sock_add_cancellation_callback \
             _sock_connect _sock_connect_cb _sock_read_done _sock_recv _sock_recv_into _sock_recvfrom \
             _sock_recvfrom_into _sock_sendall _sock_sendfile_fallback _sock_sendfile_native \
             _sock_sendfile_native_impl _sock_sendfile_update_filepos _sock_sendto _sock_write_done \
             _start_serving _stop_serving _timer_handle_cancelled _vnow _write_to_self add_reader \
             add_signal_handler add_writer blocking_sleep call_at call_exception_handler call_later \
             call_soon call_soon_threadsafe close connect_accepted_socket connect_read_pipe \
             connect_write_pipe create_connection create_datagram_endpoint create_future \
             create_server create_task create_unix_connection create_unix_server \
             default_exception_handler get_debug get_exception_handler get_task_factory getaddrinfo \
             getnameinfo is_closed is_running remove_reader remove_signal_handler remove_writer \
             run_forever run_in_executor run_until_complete sendfile set_debug set_default_executor \
             set_exception_handler set_task_factory shutdown_asyncgens shutdown_default_executor \
             sock_accept sock_connect sock_recv sock_recv_into sock_recvfrom sock_recvfrom_into \
             sock_sendall sock_sendfile sock_sendto start_tls stop subprocess_exec subprocess_shell \
             time",
            "_asyncgens _asyncgens_shutdown_called _clock_resolution _closed \
             _coroutine_origin_tracking_enabled _coroutine_origin_tracking_saved_depth _csock \
             _current_handle _debug _default_executor _exception_handler _executor_shutdown_called \
             _internal_fds _pyrun_ready _ready _scheduled _selector _signal_handlers _ssock _stopping \
             _task_factory _thread_id _timer_cancelled_count _transports slow_callback_duration",
        ),
        "Handle" => (
            "__module__ __slots__ __weakref__ _args _callback _cancelled _context _loop _repr \
             _repr_info _run _source_traceback cancel cancelled",
            "",
        ),
        "TimerHandle" => (
            "__module__ __slots__ __weakref__ _args _callback _cancelled _context _loop _repr \
             _repr_info _run _scheduled _source_traceback _when cancel cancelled when",
            "",
        ),
        "Lock" => (
            "__aenter__ __aexit__ __dict__ __module__ __weakref__ _get_loop _loop _wake_up_first \
             acquire locked release",
            "_locked _waiters",
        ),
        "Event" => {
            ("__dict__ __module__ __weakref__ _get_loop _loop clear is_set set wait", "_value _waiters")
        }
        "Condition" => (
            "__aenter__ __aexit__ __dict__ __module__ __weakref__ _get_loop _loop notify notify_all \
             wait wait_for",
            "_lock _waiters acquire locked release",
        ),
        "Semaphore" => (
            "__aenter__ __aexit__ __dict__ __module__ __weakref__ _get_loop _loop _wake_up_next \
             acquire locked release",
            "_value _waiters",
        ),
        "BoundedSemaphore" => (
            "__aenter__ __aexit__ __dict__ __module__ __weakref__ _get_loop _loop _wake_up_next \
             acquire locked release",
            "_bound_value _value _waiters",
        ),
        "Barrier" => (
            "__aenter__ __aexit__ __dict__ __module__ __weakref__ _block _exit _get_loop _loop \
             _release _wait abort broken n_waiting parties reset wait",
            "_cond _count _parties _state",
        ),
        "Queue" => (
            "__class_getitem__ __dict__ __module__ __weakref__ _format _get _get_loop _init _loop \
             _put _wakeup_next empty full get get_nowait join maxsize put put_nowait qsize task_done",
            "_finished _getters _maxsize _putters _queue _unfinished_tasks",
        ),
        "LifoQueue" => (
            "__class_getitem__ __dict__ __module__ __weakref__ _format _get _get_loop _init _loop \
             _put _wakeup_next empty full get get_nowait join maxsize put put_nowait qsize task_done",
            "_finished _getters _maxsize _putters _queue _unfinished_tasks",
        ),
        "PriorityQueue" => (
            "__class_getitem__ __dict__ __module__ __weakref__ _format _get _get_loop _init _loop \
             _put _wakeup_next empty full get get_nowait join maxsize put put_nowait qsize task_done",
            "_finished _getters _maxsize _putters _queue _unfinished_tasks",
        ),
        "deque" => (
            "__add__ __class_getitem__ __contains__ __copy__ __delitem__ __getitem__ __iadd__ \
             __imul__ __iter__ __len__ __mul__ __reversed__ __rmul__ __setitem__ append appendleft \
             clear copy count extend extendleft index insert maxlen pop popleft remove reverse rotate",
            "",
        ),
        "Counter" => (
            "__add__ __and__ __class_getitem__ __contains__ __delitem__ __dict__ __getitem__ __iadd__ \
             __iand__ __ior__ __isub__ __iter__ __len__ __missing__ __module__ __neg__ __or__ __pos__ \
             __reversed__ __ror__ __setitem__ __sub__ __weakref__ _keep_positive clear copy elements \
             fromkeys get items keys most_common pop popitem setdefault subtract total update values",
            "",
        ),
        "OrderedDict" => (
            "__class_getitem__ __contains__ __delitem__ __dict__ __getitem__ __ior__ __iter__ __len__ \
             __or__ __reversed__ __ror__ __setitem__ clear copy fromkeys get items keys move_to_end \
             pop popitem setdefault update values",
            "",
        ),
        "defaultdict" => (
            "__class_getitem__ __contains__ __copy__ __delitem__ __getitem__ __ior__ __iter__ __len__ \
             __missing__ __or__ __reversed__ __ror__ __setitem__ clear copy default_factory fromkeys \
             get items keys pop popitem setdefault update values",
            "",
        ),
        "Random" => (
            "VERSION __dict__ __module__ __setstate__ __weakref__ _randbelow \
             _randbelow_with_getrandbits _randbelow_without_getrandbits betavariate choice choices \
             expovariate gammavariate gauss getrandbits getstate lognormvariate normalvariate \
             paretovariate randbytes randint random randrange sample seed setstate shuffle triangular \
             uniform vonmisesvariate weibullvariate",
            "gauss_next",
        ),
        "partial" => (
            "__call__ __class_getitem__ __dict__ __module__ __setstate__ __vectorcalloffset__ args \
             func keywords",
            "",
        ),
        "coroutine" => (
            "__await__ __del__ __name__ __qualname__ close cr_await cr_code cr_frame cr_origin \
             cr_running cr_suspended send throw",
            "",
        ),
        "generator" => (
            "__del__ __iter__ __name__ __next__ __qualname__ close gi_code gi_frame gi_running \
             gi_suspended gi_yieldfrom send throw",
            "",
        ),
        "async_generator" => (
            "__aiter__ __anext__ __class_getitem__ __del__ __name__ __qualname__ aclose ag_await \
             ag_code ag_frame ag_running asend athrow",
            "",
        ),
        _ => ("", ""),
    }
}
