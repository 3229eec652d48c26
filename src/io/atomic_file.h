// AtomicFile: write a file under a temporary name beside it, then rename it into place.
//
// Readers of |path| see either the previous file or the complete new one, never a partial one:
// Create() makes an empty temporary file in the same directory (so the rename cannot cross file
// systems), the caller writes to temp_path() by any means (a stream, a C library), and Commit()
// flushes it to disk and renames it over |path|. A file never committed is removed by the
// destructor. Errors name the path. Move-only; one thread at a time.
#pragma once

#include <string>

#include "base/status.h"

namespace yardstick::io {

class AtomicFile {
 public:
  /// Creates an empty temporary file beside |path| (with the permissions a new file gets).
  static Result<AtomicFile> Create(const std::string& path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  /// The file to write; it exists and is empty after Create().
  [[nodiscard]] const std::string& temp_path() const { return temp_path_; }
  /// The file it becomes.
  [[nodiscard]] const std::string& path() const { return path_; }

  /// Syncs the temporary file and renames it to path(). On failure the temporary file is removed
  /// and any previous file at path() is left as it was.
  Status Commit();
  /// Removes the temporary file (also done by the destructor when not committed).
  void Discard();

 private:
  AtomicFile(std::string path, std::string temp_path)
      : path_(std::move(path)), temp_path_(std::move(temp_path)) {}

  std::string path_;
  std::string temp_path_;  ///< empty once committed or discarded
};

}  // namespace yardstick::io
