#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace yardstick::io {
namespace {

/// Attempts at finding an unused temporary name before giving up.
constexpr int kNameAttempts = 100;

std::string ErrnoText() { return std::strerror(errno); }

}  // namespace

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < kNameAttempts; ++attempt) {
    const std::string temp_path = fmt::format("{}.tmp-{}-{}", path, getpid(), counter++);
    // O_EXCL: never reuse a file someone else is writing; mode 0666 lets the umask decide.
    const int fd = open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      close(fd);
      return AtomicFile(path, temp_path);
    }
    if (errno != EEXIST) {
      return Status::IoError(
          fmt::format("{}: cannot create a file beside it: {}", path, ErrnoText()));
    }
  }
  return Status::IoError(fmt::format("{}: cannot find an unused temporary name beside it", path));
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)), temp_path_(std::move(other.temp_path_)) {
  other.temp_path_.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    Discard();
    path_ = std::move(other.path_);
    temp_path_ = std::move(other.temp_path_);
    other.temp_path_.clear();
  }
  return *this;
}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() {
  if (temp_path_.empty()) return;
  std::remove(temp_path_.c_str());
  temp_path_.clear();
}

Status AtomicFile::Commit() {
  if (temp_path_.empty()) {
    return Status::Internal(fmt::format("{}: already committed or discarded", path_));
  }
  const int fd = open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || fsync(fd) != 0) {
    const std::string reason = ErrnoText();
    if (fd >= 0) close(fd);
    Discard();
    return Status::IoError(fmt::format("{}: cannot write: {}", path_, reason));
  }
  close(fd);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const std::string reason = ErrnoText();
    Discard();
    return Status::IoError(fmt::format("{}: cannot replace: {}", path_, reason));
  }
  temp_path_.clear();
  return Status::Ok();
}

}  // namespace yardstick::io
