#include "io/xlsx_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "io/csv.h"
#include "io/people_export.h"

namespace yardstick::io {
namespace {

namespace fs = std::filesystem;
using Records = std::vector<std::vector<std::string>>;

/// A directory of its own for one test, removed afterwards.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "yardstick-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The LibreOffice program, or "" when it is not installed.
std::string FindLibreOffice() {
  const char* path = std::getenv("PATH");
  std::string directories = path != nullptr ? path : "/usr/bin:/bin";
  for (size_t start = 0; start <= directories.size();) {
    const size_t end = std::min(directories.find(':', start), directories.size());
    for (const char* name : {"libreoffice", "soffice"}) {
      const fs::path candidate = fs::path(directories.substr(start, end - start)) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    start = end + 1;
  }
  return "";
}

Records ReadCsvFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  CsvReader reader(in);
  Records records;
  CsvRecord record;
  while (reader.Next(record)) records.push_back(record.fields);
  EXPECT_FALSE(reader.diagnostics().HasErrors()) << reader.diagnostics().Format(path.string());
  return records;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Holds a machine-wide lock while it lives: LibreOffice conversions run one at a time. Two
/// first starts at once (each test has a fresh profile) once aborted one of them with
/// "WrappedTargetRuntimeException" under `ctest -j2`.
class LibreOfficeLock {
 public:
  LibreOfficeLock()
      : fd_(open((fs::temp_directory_path() / "yardstick-libreoffice.lock").c_str(),
                 O_RDWR | O_CREAT | O_CLOEXEC, 0666)) {
    if (fd_ >= 0) flock(fd_, LOCK_EX);
  }
  ~LibreOfficeLock() {
    if (fd_ >= 0) close(fd_);
  }
  LibreOfficeLock(const LibreOfficeLock&) = delete;
  LibreOfficeLock& operator=(const LibreOfficeLock&) = delete;

 private:
  int fd_;
};

/// Opens |xlsx| with LibreOffice (headless, with a profile of its own, one at a time) and converts
/// it with |filter| into |out|. Fails the test when LibreOffice is missing or cannot convert the
/// file.
void ConvertWithLibreOffice(const fs::path& xlsx, const std::string& filter, const fs::path& out) {
  const std::string program = FindLibreOffice();
  if (program.empty()) {
    ADD_FAILURE() << "LibreOffice is not installed, so the XLSX export cannot be checked: run "
                     "scripts/install-deps.sh (it installs libreoffice-calc-nogui)";
    return;
  }
  ScratchDirectory profile;
  const fs::path log = profile.path() / "libreoffice.log";
  const std::string command = fmt::format(
      "timeout 300 '{}' -env:UserInstallation=file://{} --headless --norestore "
      "--convert-to '{}' --outdir '{}' '{}' > '{}' 2>&1",
      program, profile.path().string(), filter, out.string(), xlsx.string(), log.string());
  const LibreOfficeLock lock;
  const int status = std::system(command.c_str());
  EXPECT_EQ(status, 0) << command << "\n" << ReadAll(log);
}

/// Every sheet of |xlsx| as LibreOffice reads it, saved as CSV: the records by sheet name.
std::map<std::string, Records> OpenWithLibreOffice(const fs::path& xlsx) {
  ScratchDirectory out;
  // 44 ',' 34 '"' 76 UTF-8; cells as shown (dates as formatted); -1: every sheet to its own file.
  ConvertWithLibreOffice(
      xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
      out.path());
  std::map<std::string, Records> sheets;
  const std::string prefix = xlsx.stem().string() + "-";
  for (const auto& entry : fs::directory_iterator(out.path())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".csv" || name.rfind(prefix, 0) != 0) continue;
    sheets[name.substr(prefix.size(), name.size() - prefix.size() - 4)] = ReadCsvFile(entry.path());
  }
  EXPECT_FALSE(sheets.empty()) << "LibreOffice wrote no sheets";
  return sheets;
}

/// |xlsx| as LibreOffice reads it, saved as a flat OpenDocument spreadsheet (XML text).
std::string FlatOdsOf(const fs::path& xlsx) {
  ScratchDirectory out;
  ConvertWithLibreOffice(xlsx, "fods", out.path());
  return ReadAll(out.path() / (xlsx.stem().string() + ".fods"));
}

/// The opening tag of the table cell holding the paragraph |text| in flat ODS |ods|, or "".
std::string CellTagOf(const std::string& ods, const std::string& text) {
  const size_t paragraph = ods.find("<text:p>" + text + "</text:p>");
  if (paragraph == std::string::npos) return "";
  const size_t tag = ods.rfind("<table:table-cell", paragraph);
  return ods.substr(tag, ods.find('>', tag) + 1 - tag);
}

ExportTable TableOf(std::string title, std::vector<ExportColumn> columns, const Records& rows) {
  ExportTable table;
  table.title = std::move(title);
  table.columns = std::move(columns);
  table.row_count = rows.size();
  table.row = [&rows](size_t index, std::vector<std::string>& cells) { cells = rows[index]; };
  return table;
}

TEST(XlsxWriterTest, LibreOfficeOpensPeopleWithAccentsAndDates) {
  std::vector<model::Person> people(2);
  people[0].id = "00123";
  people[0].name = "Zoë Łukasiewicz-Núñez";
  people[0].email = "zoe@example.com";
  people[0].group = "eng";
  people[0].track = "ic";
  people[0].grade = "D";
  people[0].hire_date = *model::Date::Parse("2019-03-01");
  people[0].hired_at_grade = "B";
  people[1] = people[0];
  people[1].id = "7";
  people[1].name = "François \"Frank\" O'Brien, Jr.";
  people[1].email = "frank@example.com";
  people[1].manager_id = "00123";
  people[1].status = model::PersonStatus::kLeft;
  people[1].left_date = *model::Date::Parse("2024-02-29");
  model::Framework framework;
  framework.scale.grades = {{"A", {}}, {"B", {}}, {"C", {}}, {"D", {}}};
  framework.tracks.push_back({"ic", "IC", "", {}});
  model::Level level;
  level.id = "L2";
  level.name = "Ingénieur confirmé";
  level.low_grade = "C";
  level.high_grade = "D";
  framework.levels.push_back(level);
  const ExportTable table = PeopleTable(people, [&](const std::string&) { return &framework; });

  ScratchDirectory directory;
  const fs::path path = directory.path() / "people.xlsx";
  const Status written = WriteExport(table, ExportFormat::kXlsx, path.string());
  ASSERT_TRUE(written.ok()) << written.message();

  const std::map<std::string, Records> sheets = OpenWithLibreOffice(path);
  ASSERT_EQ(sheets.size(), 1u);
  ASSERT_EQ(sheets.count("People"), 1u);
  const Records expected = {
      {"id", "name", "email", "group", "track", "grade", "level", "position", "manager_id",
       "hire_date", "hired_at_grade", "status", "left_date"},
      {"00123", "Zoë Łukasiewicz-Núñez", "zoe@example.com", "eng", "ic", "D", "Ingénieur confirmé",
       "", "", "2019-03-01", "B", "active", ""},
      {"7", "François \"Frank\" O'Brien, Jr.", "frank@example.com", "eng", "ic", "D",
       "Ingénieur confirmé", "", "00123", "2019-03-01", "B", "left", "2024-02-29"},
  };
  EXPECT_EQ(sheets.at("People"), expected);

  // What LibreOffice made of the cells: real dates, ids kept as text, a bold header with filters.
  const std::string ods = FlatOdsOf(path);
  EXPECT_NE(ods.find(R"(office:value-type="date" office:date-value="2019-03-01")"),
            std::string::npos);
  EXPECT_NE(ods.find(R"(office:date-value="2024-02-29")"), std::string::npos);
  EXPECT_NE(CellTagOf(ods, "00123").find(R"(office:value-type="string")"), std::string::npos)
      << CellTagOf(ods, "00123");
  const std::string header = CellTagOf(ods, "hired_at_grade");
  const size_t style_at = header.find("table:style-name=\"");
  ASSERT_NE(style_at, std::string::npos) << header;
  const std::string style =
      header.substr(style_at + 18, header.find('"', style_at + 18) - style_at - 18);
  const size_t definition = ods.find("<style:style style:name=\"" + style + "\"");
  ASSERT_NE(definition, std::string::npos) << style;
  EXPECT_NE(ods.substr(definition, ods.find("</style:style>", definition) - definition)
                .find(R"(fo:font-weight="bold")"),
            std::string::npos)
      << "the header is not bold";
  EXPECT_NE(ods.find(R"(table:display-filter-buttons="true")"), std::string::npos);
}

TEST(XlsxWriterTest, ALongTableContinuesOnMoreSheetsEachWithTheHeader) {
  const Records rows = {{"1", "2020-01-01"},
                        {"2", "2020-01-02"},
                        {"3", ""},
                        {"4", "1899-12-31"},
                        {"5", "not a date"}};
  const ExportTable long_table =
      TableOf("Level history", {{"n", CellType::kText}, {"day", CellType::kDate}}, rows);
  const Records other_rows = {};
  const ExportTable empty_table = TableOf("Empty: [yes]?", {{"x", CellType::kText}}, other_rows);
  ScratchDirectory directory;
  const fs::path path = directory.path() / "history.xlsx";
  XlsxOptions options;
  options.max_rows_per_sheet = 2;
  const Status written = WriteXlsx({&long_table, &empty_table}, path.string(), options);
  ASSERT_TRUE(written.ok()) << written.message();

  const std::map<std::string, Records> sheets = OpenWithLibreOffice(path);
  const std::map<std::string, Records> expected = {
      {"Level history", {{"n", "day"}, {"1", "2020-01-01"}, {"2", "2020-01-02"}}},
      {"Level history (2)", {{"n", "day"}, {"3", ""}, {"4", "1899-12-31"}}},
      {"Level history (3)", {{"n", "day"}, {"5", "not a date"}}},
      {"Empty_ _yes__", {{"x"}}},
  };
  EXPECT_EQ(sheets, expected);
}

TEST(XlsxWriterTest, SheetNamesFollowTheFormatsRules) {
  EXPECT_EQ(SheetName("People"), "People");
  EXPECT_EQ(SheetName("a/b\\c[d]e:f*g?h"), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(SheetName(""), "Sheet");
  EXPECT_EQ(SheetName("'quoted'"), "_quoted_");
  EXPECT_EQ(SheetName("Ünïcödé names are counted in characters, not bytes"),
            "Ünïcödé names are counted in ch");
}

TEST(XlsxWriterTest, AValueTooLongForACellNamesTheCell) {
  const Records rows = {{std::string(40000, 'x')}};
  const ExportTable table = TableOf("T", {{"text", CellType::kText}}, rows);
  ScratchDirectory directory;
  const fs::path path = directory.path() / "t.xlsx";
  const Status written = WriteXlsx({&table}, path.string());
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.message().find(path.string() + ": sheet 'T', cell A2: "), std::string::npos)
      << written.message();
  EXPECT_TRUE(fs::is_empty(directory.path())) << "no file, not even a temporary one";
}

TEST(XlsxWriterTest, AFailureNamesThePath) {
  const Records rows = {};
  const ExportTable table = TableOf("T", {{"text", CellType::kText}}, rows);
  const Status written = WriteXlsx({&table}, "/nonexistent-dir/t.xlsx");
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.message().find("/nonexistent-dir/t.xlsx"), std::string::npos)
      << written.message();
}

long PeakResidentKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/// A table of |rows| generated rows, three columns (one a date).
ExportTable GeneratedTable(size_t rows) {
  ExportTable table;
  table.title = "People";
  table.columns = {{"id", CellType::kText}, {"name", CellType::kText}, {"hired", CellType::kDate}};
  table.row_count = rows;
  table.row = [](size_t index, std::vector<std::string>& cells) {
    cells[0] = fmt::format("{:07}", index);
    cells[1] = fmt::format("Person number {}", index);
    cells[2] = "2021-06-15";
  };
  return table;
}

// Constant-memory mode: rows go out through temporary files, not held, so writing a million rows
// needs no more memory than writing half a million. Peak memory can only be read as a high-water
// mark, so the smaller workbook is written first and the larger one must not raise the mark. This
// holds under AddressSanitizer too: the first workbook also fills its quarantine of freed memory.
// (Without constant-memory mode the mark rises by about 320 MiB.)
TEST(XlsxWriterTest, AMillionRowsNeedNoMoreMemoryThanHalfAMillion) {
  ScratchDirectory directory;
  const ExportTable smaller = GeneratedTable(500000);
  ASSERT_TRUE(WriteXlsx({&smaller}, (directory.path() / "smaller.xlsx").string()).ok());
  const long before = PeakResidentKiB();
  const ExportTable larger = GeneratedTable(1000000);
  const fs::path path = directory.path() / "larger.xlsx";
  const Status written = WriteXlsx({&larger}, path.string());
  const long after = PeakResidentKiB();
  ASSERT_TRUE(written.ok()) << written.message();
  EXPECT_LT(after - before, 32 * 1024) << "peak memory grew by " << (after - before) << " KiB";
  EXPECT_GT(fs::file_size(path), 2 * fs::file_size(directory.path() / "smaller.xlsx") * 9 / 10);
}

}  // namespace
}  // namespace yardstick::io
