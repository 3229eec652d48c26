// Reading CSV (RFC 4180) one record at a time, with every problem located.
//
// CsvReader streams a CSV file through libcsv in strict mode: fields separated by commas, fields
// holding commas, quotes or line breaks enclosed in double quotes, a quote inside a quoted field
// written twice. Spaces belong to the field they are in. CRLF and LF line ends are both accepted,
// a UTF-8 byte order mark is stripped, and blank lines (a trailing one included) are ignored. The
// first record is the header; it fixes the number of fields every later record must have.
//
// Problems are collected as Diagnostics, all of them rather than the first: line is the physical
// line the record starts on (line breaks inside quoted fields counted), column is the 1-based
// field number. After a syntax error the reader skips to the end of that line and carries on.
// Only the record being read and one block of input are held in memory. Not thread-safe.
#pragma once

#include <cstddef>
#include <deque>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace yardstick::io {

/// One record (row) of a CSV file.
struct CsvRecord {
  int line = 0;                     ///< 1-based physical line the record starts on
  std::vector<std::string> fields;  ///< field i is column i + 1
  /// False when a problem with this record was reported (bad quoting: the fields after the
  /// problem are missing; or a number of fields different from the header's).
  bool valid = true;
};

class CsvReader {
 public:
  /// Reads from |in|, which must outlive the reader.
  explicit CsvReader(std::istream& in);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Reads the next record into |record|. Returns false at the end of the input. Every record is
  /// returned, even one with problems (reported in diagnostics(), record.valid false). The
  /// storage |record| held is reused for later records, so reading the same variable over and
  /// over allocates next to nothing.
  bool Next(CsvRecord& record);

  /// The problems found so far, in the order found (which is file order).
  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
  /// The number of fields of the header (the first record); 0 before it has been read.
  [[nodiscard]] int width() const { return width_; }

  /// Called by the libcsv callbacks; not for use by others.
  void OnField(const char* data, size_t size);
  void OnRecordEnd();

 private:
  /// Reads more input into the buffer; false when there is none.
  bool Fill();
  /// Feeds the next physical line (with its line break) to the parser; false at the end.
  bool FeedLine();
  void FeedFinal();
  void ReportSyntaxError(char offending);
  void ResetParser();
  /// The record being built, as far as it has been read.
  [[nodiscard]] int FieldsSoFar() const { return static_cast<int>(field_count_); }

  std::istream& in_;
  struct Parser;
  std::unique_ptr<Parser> parser_;
  std::string buffer_;
  size_t buffer_pos_ = 0;
  bool eof_ = false;
  bool finished_ = false;
  bool at_start_ = true;  ///< nothing read yet: a byte order mark may follow
  bool any_record_ = false;
  int line_ = 0;         ///< the physical line being fed
  int record_line_ = 0;  ///< where the record being built started; 0 between records
  int width_ = 0;
  CsvRecord current_;  ///< fields_[0, field_count_) are this record's; the rest are spare
  size_t field_count_ = 0;
  std::deque<CsvRecord> ready_;
  CsvRecord spare_;  ///< storage handed back by the caller, for the next record
  Diagnostics diagnostics_;
};

}  // namespace yardstick::io
