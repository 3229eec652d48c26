#include "io/csv_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "io/atomic_file.h"

namespace yardstick::io {
namespace {

/// How much CSV text is gathered before it is written out.
constexpr size_t kFlushBytes = size_t{1} << 20;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

void AppendCsvField(std::string_view field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendCsvRecord(const std::vector<std::string>& fields, std::string& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    AppendCsvField(fields[i], out);
  }
  out += "\r\n";
}

Status WriteCsv(const ExportTable& table, const std::string& path) {
  Result<AtomicFile> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  std::unique_ptr<std::FILE, FileCloser> out(std::fopen(file->temp_path().c_str(), "wb"));
  if (!out) return Status::IoError(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));

  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  bool failed = false;
  int error = 0;
  const auto flush = [&] {
    if (!failed && std::fwrite(buffer.data(), 1, buffer.size(), out.get()) != buffer.size()) {
      failed = true;
      error = errno;
    }
    buffer.clear();
  };
  std::vector<std::string> cells;
  for (const ExportColumn& column : table.columns) cells.push_back(column.header);
  AppendCsvRecord(cells, buffer);
  for (size_t index = 0; index < table.row_count && !failed; ++index) {
    cells.assign(table.columns.size(), std::string());
    table.row(index, cells);
    AppendCsvRecord(cells, buffer);
    if (buffer.size() >= kFlushBytes) flush();
  }
  flush();
  if (!failed && std::fflush(out.get()) != 0) {
    failed = true;
    error = errno;
  }
  if (std::fclose(out.release()) != 0 && !failed) {
    failed = true;
    error = errno;
  }
  if (failed) {
    return Status::IoError(fmt::format("{}: write failed: {}", path, std::strerror(error)));
  }
  return file->Commit();
}

}  // namespace yardstick::io
