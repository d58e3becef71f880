//! How the allocator (mimalloc, made the global allocator by the binaries)
//! treats freed memory: whosaid frees and allocates in waves (a draft's
//! paragraphs, a reload's corpus), and memory given back to the system
//! between waves comes back as page faults.

/// mimalloc's `mi_option_purge_delay` (v3's `mimalloc.h`): how long freed
/// memory waits before it is given back to the system.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory for reuse instead of giving it back to the system.
/// The peak is unchanged; what the process holds stays at it.
pub fn keep_freed_memory() {
    // SAFETY: sets one of the allocator's options, which it reads whenever
    // it frees; -1 ("never give back") is a documented value.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}
