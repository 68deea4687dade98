"""`signal`: Linux's signal numbers (`Signals`), handlers and their
defaults. No signal ever reaches a program in the playground (there is no
Ctrl+C): handlers are kept, and called only by `raise_signal`."""

import enum as _enum


class Signals(_enum.IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGIOT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPOLL = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(_enum.IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


class Sigmasks(_enum.IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2


SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGIOT = Signals.SIGIOT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGSTKFLT = Signals.SIGSTKFLT
SIGCHLD = Signals.SIGCHLD
SIGCLD = Signals.SIGCLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGTTIN = Signals.SIGTTIN
SIGTTOU = Signals.SIGTTOU
SIGURG = Signals.SIGURG
SIGXCPU = Signals.SIGXCPU
SIGXFSZ = Signals.SIGXFSZ
SIGVTALRM = Signals.SIGVTALRM
SIGPROF = Signals.SIGPROF
SIGWINCH = Signals.SIGWINCH
SIGIO = Signals.SIGIO
SIGPOLL = Signals.SIGPOLL
SIGPWR = Signals.SIGPWR
SIGSYS = Signals.SIGSYS
SIGRTMIN = Signals.SIGRTMIN
SIGRTMAX = Signals.SIGRTMAX
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
SIG_BLOCK = Sigmasks.SIG_BLOCK
SIG_UNBLOCK = Sigmasks.SIG_UNBLOCK
SIG_SETMASK = Sigmasks.SIG_SETMASK
NSIG = 65

_DESCRIPTIONS = {
    1: 'Hangup',
    2: 'Interrupt',
    3: 'Quit',
    4: 'Illegal instruction',
    5: 'Trace/breakpoint trap',
    6: 'Aborted',
    7: 'Bus error',
    8: 'Floating point exception',
    9: 'Killed',
    10: 'User defined signal 1',
    11: 'Segmentation fault',
    12: 'User defined signal 2',
    13: 'Broken pipe',
    14: 'Alarm clock',
    15: 'Terminated',
    16: 'Stack fault',
    17: 'Child exited',
    18: 'Continued',
    19: 'Stopped (signal)',
    20: 'Stopped',
    21: 'Stopped (tty input)',
    22: 'Stopped (tty output)',
    23: 'Urgent I/O condition',
    24: 'CPU time limit exceeded',
    25: 'File size limit exceeded',
    26: 'Virtual timer expired',
    27: 'Profiling timer expired',
    28: 'Window changed',
    29: 'I/O possible',
    30: 'Power failure',
    31: 'Bad system call',
    34: 'Real-time signal 0',
    64: 'Real-time signal 30',
}


def default_int_handler(signalnum, frame, /):
    """The default handler of SIGINT: raises KeyboardInterrupt."""
    raise KeyboardInterrupt


# What a program starts with under pyrun.py: SIGINT raises KeyboardInterrupt,
# SIGXFSZ is ignored, the rest are the system's defaults (pyrun.py gives
# SIGPIPE back its default, which python3 ignores).
_handlers = {sig: SIG_DFL for sig in range(1, NSIG)}
_handlers[2] = default_int_handler
_handlers[25] = SIG_IGN


def _number(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError(f"'{type(signalnum).__name__}' object cannot be interpreted as an integer")
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return int(signalnum)


def _enum(value, enum_class):
    try:
        return enum_class(value)
    except ValueError:
        return value


def valid_signals():
    """The signal numbers of this system."""
    return {_enum(sig, Signals) for sig in list(range(1, 32)) + list(range(34, NSIG))}


def signal(signalnum, handler, /):
    """Sets the handler of a signal; returns the one it had."""
    sig = _number(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    if sig in (9, 19) or sig in (32, 33):
        raise OSError(22, "Invalid argument")
    old = _handlers[sig]
    _handlers[sig] = handler
    return _enum(old, Handlers)


def getsignal(signalnum, /):
    """The handler of a signal."""
    return _enum(_handlers[_number(signalnum)], Handlers)


def strsignal(signalnum, /):
    """The system's description of a signal."""
    sig = _number(signalnum)
    if sig in _DESCRIPTIONS:
        return _DESCRIPTIONS[sig]
    if 34 <= sig < NSIG:
        return f"Real-time signal {sig - 34}"
    return None


def raise_signal(signalnum, /):
    """Sends a signal to the program: its handler runs (`frame` is None: the
    playground has no frame objects). A signal whose action is the system's
    default would end or stop the process, which the playground cannot do."""
    sig = _number(signalnum)
    handler = _handlers[sig]
    if handler == SIG_IGN:
        return
    if handler == SIG_DFL:
        if sig in (17, 23, 28):  # ignored by default: SIGCHLD, SIGURG, SIGWINCH
            return
        raise NotImplementedError(
            f"raise_signal({Signals(sig).name}) with its default action (ending the process) "
            "is not supported in the playground")
    handler(sig, None)
