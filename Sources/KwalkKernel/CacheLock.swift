import Foundation

/// An exclusive advisory lock (flock) on a file in the cache, so two kwalk runs never prepare one tree at once.
public final class CacheLock {
  private let fd: Int32

  /// Takes the lock at `path`, waiting (and saying so once) while another process holds it.
  public init(path: String, progress: ProgressReporter) throws {
    fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw KernelError.cacheUnwritable(path: path, reason: String(cString: strerror(errno)))
    }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      progress.note("waiting for another kwalk run that holds \(path)")
      while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
