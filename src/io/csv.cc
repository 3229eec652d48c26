#include "io/csv.h"

#include <csv.h>

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace yardstick::io {

/// How much input is read at a time.
inline constexpr size_t kBlockSize = 1 << 20;

struct CsvReader::Parser {
  csv_parser state{};
};

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// Spaces are part of a field (RFC 4180): nothing is trimmed.
int NoSpaces(unsigned char /*c*/) { return 0; }

void FieldCallback(void* data, size_t size, void* reader) {
  static_cast<CsvReader*>(reader)->OnField(static_cast<const char*>(data), size);
}

void RecordCallback(int /*terminator*/, void* reader) {
  static_cast<CsvReader*>(reader)->OnRecordEnd();
}

bool IsBlankLine(const char* data, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (data[i] != '\r' && data[i] != '\n') return false;
  }
  return true;
}

/// How a character reads in a message: 'x', a space, a tab, or its code.
std::string Describe(char c) {
  const auto code = static_cast<unsigned char>(c);
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (code > 32 && code < 127) return fmt::format("'{}'", c);
  return fmt::format("the byte 0x{:02X}", code);
}

}  // namespace

CsvReader::CsvReader(std::istream& in) : in_(in), parser_(std::make_unique<Parser>()) {
  csv_init(&parser_->state, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_space_func(&parser_->state, NoSpaces);
}

CsvReader::~CsvReader() { csv_free(&parser_->state); }

void CsvReader::ResetParser() {
  csv_free(&parser_->state);
  csv_init(&parser_->state, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_space_func(&parser_->state, NoSpaces);
}

bool CsvReader::Next(CsvRecord& record) {
  while (ready_.empty() && !finished_) {
    if (!FeedLine()) {
      FeedFinal();
      finished_ = true;
    }
  }
  if (ready_.empty()) return false;
  std::swap(record, ready_.front());
  spare_ = std::move(ready_.front());  // the caller's old storage, reused for a later record
  ready_.pop_front();
  return true;
}

bool CsvReader::Fill() {
  if (eof_) return false;
  buffer_.erase(0, buffer_pos_);
  buffer_pos_ = 0;
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + kBlockSize);
  in_.read(buffer_.data() + old_size, static_cast<std::streamsize>(kBlockSize));
  const auto got = static_cast<size_t>(in_.gcount());
  buffer_.resize(old_size + got);
  if (got < kBlockSize) eof_ = true;
  if (at_start_ && (buffer_.size() >= kByteOrderMark.size() || eof_)) {
    at_start_ = false;
    if (std::string_view(buffer_).substr(0, kByteOrderMark.size()) == kByteOrderMark) {
      buffer_pos_ = kByteOrderMark.size();
    }
  }
  return got > 0;
}

bool CsvReader::FeedLine() {
  for (;;) {
    const char* begin = buffer_.data() + buffer_pos_;
    const size_t available = buffer_.size() - buffer_pos_;
    const void* newline = available > 0 ? std::memchr(begin, '\n', available) : nullptr;
    size_t size = 0;
    if (newline != nullptr) {
      size = static_cast<size_t>(static_cast<const char*>(newline) - begin) + 1;
    } else if (Fill()) {
      continue;
    } else if (available > 0) {
      size = available;  // the last line has no line break
    } else {
      return false;
    }
    ++line_;
    buffer_pos_ += size;
    if (record_line_ == 0 && !IsBlankLine(begin, size)) record_line_ = line_;
    const size_t parsed =
        csv_parse(&parser_->state, begin, size, FieldCallback, RecordCallback, this);
    if (parsed < size) {
      ReportSyntaxError(begin[parsed]);
      ResetParser();
    }
    return true;
  }
}

void CsvReader::FeedFinal() {
  if (csv_fini(&parser_->state, FieldCallback, RecordCallback, this) != 0) {
    diagnostics_.Error({record_line_ > 0 ? record_line_ : line_, FieldsSoFar() + 1},
                       "csv-unterminated",
                       "unterminated quoted field: the quote that opens it is never closed");
    current_.valid = false;
    OnRecordEnd();
  }
  if (!any_record_) {
    diagnostics_.Error({}, "csv-empty",
                       "the file is empty; expected a header row naming the columns");
  }
}

void CsvReader::ReportSyntaxError(char offending) {
  if (csv_error(&parser_->state) != CSV_EPARSE) {
    diagnostics_.Error({line_, 0}, "csv-memory", "out of memory while reading this line");
  } else if (offending == '"') {
    diagnostics_.Error({record_line_ > 0 ? record_line_ : line_, FieldsSoFar() + 1}, "csv-quote",
                       "a quote inside an unquoted field; enclose the whole field in quotes and "
                       "double the quote (\"say \"\"hi\"\"\")");
  } else {
    diagnostics_.Error(
        {record_line_ > 0 ? record_line_ : line_, FieldsSoFar() + 1}, "csv-after-quote",
        fmt::format("found {} after a closing quote; a quoted field must end at a comma or the "
                    "end of the line",
                    Describe(offending)));
  }
  current_.valid = false;
  OnRecordEnd();
}

void CsvReader::OnField(const char* data, size_t size) {
  if (record_line_ == 0) record_line_ = line_;
  if (field_count_ < current_.fields.size()) {
    current_.fields[field_count_].assign(data, size);
  } else {
    current_.fields.emplace_back(data, size);
  }
  ++field_count_;
}

void CsvReader::OnRecordEnd() {
  current_.line = record_line_ > 0 ? record_line_ : line_;
  current_.fields.resize(field_count_);
  record_line_ = 0;
  const int found = FieldsSoFar();
  if (!any_record_) {
    any_record_ = true;
    width_ = found;
  } else if (current_.valid && found != width_) {
    current_.valid = false;
    diagnostics_.Error(
        {current_.line, std::min(found, width_) + 1}, "csv-field-count",
        fmt::format("expected {} fields, as in the header, but found {}", width_, found));
  }
  ready_.emplace_back();
  std::swap(ready_.back(), current_);
  std::swap(current_, spare_);
  current_.valid = true;
  field_count_ = 0;
}

}  // namespace yardstick::io
