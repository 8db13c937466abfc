//! How a one-shot run asks glibc's allocator to give memory back.
//!
//! glibc serves a block of 128 KiB or more with its own `mmap` and unmaps it on free, but then
//! raises that threshold to the freed block's size (up to 32 MiB), so that later blocks of that
//! size come from the heap and stay resident once freed. A lint frees large blocks early (the
//! half of the model the second thread read, the parser's second half), so the rest of the
//! run's transient blocks (the rules' working tables) stayed resident on top of the document
//! and the model: on the 96k-line benchmark config, about 0.4 MiB of a peak of 18.6 MiB.
//! A fixed threshold of 64 KiB unmaps every large block when it is freed, at no measurable cost
//! in time (`tools/perf_against.sh`). The language server keeps the default: it rebuilds large
//! blocks on every edit, and fresh mappings would fault in again each time.

/// Blocks from this size are mapped on their own and unmapped on free.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 64 * 1024;

/// Makes the allocator unmap large blocks when they are freed, for the rest of the process.
pub fn return_large_blocks() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; M_MMAP_THRESHOLD takes any size up to
    // HEAP_MAX/2, and 64 KiB is well below it. A refusal (0) leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}
