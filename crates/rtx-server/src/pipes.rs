//! Wider pipes to and from the editor. Linux gives a pipe 64 KiB, so a 10 MB answer (the
//! outline or the semantic tokens of a 96k-line config) crosses it in 160 rounds of "write
//! until full, sleep until the client has read": each round waits for both processes to be
//! scheduled, and the answer took 20–60 ms to cross whatever the server did. A 1 MiB pipe
//! crosses it in ten rounds (6–13 ms measured). The same holds the other way for the 4 MB
//! `didOpen`, or the whole-document `didChange` some clients send on every keystroke.
//!
//! Only ever grows a pipe, and only to what an unprivileged process may ask for
//! (`/proc/sys/fs/pipe-max-size`, 1 MiB by default): a refusal leaves the pipe as it was.
//! Standard streams that are not pipes (a socket, a file, a terminal) are left alone.

/// The capacity asked for.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const WANTED: usize = 1 << 20;

/// Grows the pipe behind `fd` to [`WANTED`] bytes when it is a smaller pipe; returns its
/// capacity afterwards (`None` when `fd` is no pipe or this system cannot say).
#[cfg(target_os = "linux")]
pub fn widen(fd: impl std::os::fd::AsFd) -> Option<usize> {
    use rustix::pipe::{fcntl_getpipe_size, fcntl_setpipe_size};
    let fd = fd.as_fd();
    let now = fcntl_getpipe_size(fd).ok()?;
    if now >= WANTED {
        return Some(now);
    }
    Some(fcntl_setpipe_size(fd, WANTED).unwrap_or(now))
}

/// Elsewhere pipes keep the size the system gives them.
#[cfg(not(target_os = "linux"))]
pub fn widen<T>(_fd: T) -> Option<usize> {
    None
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// What this machine lets an unprivileged process ask for.
    fn limit() -> usize {
        std::fs::read_to_string("/proc/sys/fs/pipe-max-size")
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(WANTED)
    }

    #[test]
    fn a_default_pipe_grows_to_a_mebibyte_or_the_system_limit() {
        let (reader, writer) = rustix::pipe::pipe().unwrap();
        let before = rustix::pipe::fcntl_getpipe_size(&writer).unwrap();
        let size = widen(&writer).unwrap();
        // Either end names the same pipe.
        assert_eq!(rustix::pipe::fcntl_getpipe_size(&reader).unwrap(), size);
        // Root may exceed the limit; anyone gets at least the smaller of the two.
        assert!(
            size >= WANTED.min(limit()).max(before),
            "{before} -> {size}"
        );
    }

    #[test]
    fn a_wider_pipe_is_not_shrunk() {
        let (_reader, writer) = rustix::pipe::pipe().unwrap();
        let wide = widen(&writer).unwrap();
        assert_eq!(widen(&writer), Some(wide));
    }

    #[test]
    fn what_is_not_a_pipe_is_left_alone() {
        let file = tempfile::tempfile().unwrap();
        assert_eq!(widen(&file), None);
    }
}
