//! Synchronisation primitives and queues (in progress).
