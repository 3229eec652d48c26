#include "io/csv_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file.h"
#include "io/atomic_file.h"
#include "io/csv.h"

namespace yardstick::io {
namespace {

std::string Field(std::string_view text) {
  std::string out;
  AppendCsvField(text, out);
  return out;
}

TEST(CsvWriterTest, QuotesOnlyFieldsThatNeedIt) {
  EXPECT_EQ(Field("plain"), "plain");
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field("  spaces stay  "), "  spaces stay  ");
  EXPECT_EQ(Field("Zoë Łukasiewicz 日本"), "Zoë Łukasiewicz 日本");
  EXPECT_EQ(Field("O'Brien; semi"), "O'Brien; semi");
  EXPECT_EQ(Field("Smith, Jane"), "\"Smith, Jane\"");
  EXPECT_EQ(Field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(Field("\""), "\"\"\"\"");
  EXPECT_EQ(Field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(Field("carriage\rreturn"), "\"carriage\rreturn\"");
  EXPECT_EQ(Field("=1+1"), "=1+1");
}

TEST(CsvWriterTest, RecordsEndWithCrLf) {
  std::string out;
  AppendCsvRecord({"a", "b,c", ""}, out);
  AppendCsvRecord({"", "", ""}, out);
  EXPECT_EQ(out, "a,\"b,c\",\r\n,,\r\n");
}

class CsvFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("yardstick-csv-" + std::to_string(::getpid()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  [[nodiscard]] std::string PathOf(const std::string& name) const {
    return (directory_ / name).string();
  }
  /// The names of the files in the directory, sorted.
  [[nodiscard]] std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(directory_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  std::filesystem::path directory_;
};

ExportTable SampleTable(const std::vector<std::vector<std::string>>& rows) {
  ExportTable table;
  table.title = "Sample";
  table.columns = {{"id", CellType::kText}, {"name", CellType::kText}, {"since", CellType::kDate}};
  table.row_count = rows.size();
  table.row = [rows](size_t index, std::vector<std::string>& cells) { cells = rows[index]; };
  return table;
}

TEST_F(CsvFileTest, WritesAHeaderAndRowsThatTheReaderReadsBack) {
  const std::vector<std::vector<std::string>> rows = {
      {"00123", "Zoë O'Brien, \"Zo\"", "2019-03-01"},
      {"7", "two\r\nlines", ""},
      {"", "", ""},
  };
  const std::string path = PathOf("people.csv");
  ASSERT_TRUE(WriteCsv(SampleTable(rows), path).ok());

  Result<std::string> text = ReadTextFile(path);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "id,name,since\r\n"
            "00123,\"Zoë O'Brien, \"\"Zo\"\"\",2019-03-01\r\n"
            "7,\"two\r\nlines\",\r\n"
            ",,\r\n");

  std::ifstream in(path, std::ios::binary);
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.Next(record));
  EXPECT_EQ(record.fields, (std::vector<std::string>{"id", "name", "since"}));
  for (const std::vector<std::string>& row : rows) {
    ASSERT_TRUE(reader.Next(record));
    EXPECT_EQ(record.fields, row);
  }
  EXPECT_FALSE(reader.diagnostics().HasErrors()) << reader.diagnostics().Format(path);
  EXPECT_EQ(Files(), std::vector<std::string>{"people.csv"});
}

TEST_F(CsvFileTest, ReplacesAnExistingFileAndLeavesNoTemporaryFile) {
  const std::string path = PathOf("out.csv");
  ASSERT_TRUE(WriteTextFileAtomically(path, "old").ok());
  ASSERT_TRUE(WriteCsv(SampleTable({{"1", "A", "2020-01-01"}}), path).ok());
  EXPECT_EQ(*ReadTextFile(path), "id,name,since\r\n1,A,2020-01-01\r\n");
  EXPECT_EQ(Files(), std::vector<std::string>{"out.csv"});
}

TEST_F(CsvFileTest, AFailureNamesThePath) {
  const std::string path = PathOf("missing/dir/out.csv");
  const Status status = WriteCsv(SampleTable({}), path);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find(path), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("No such file or directory"), std::string::npos)
      << status.message();
}

TEST_F(CsvFileTest, AnUncommittedAtomicFileLeavesTheOldFileAndNoTrace) {
  const std::string path = PathOf("keep.csv");
  ASSERT_TRUE(WriteTextFileAtomically(path, "previous").ok());
  {
    Result<AtomicFile> file = AtomicFile::Create(path);
    ASSERT_TRUE(file.ok()) << file.status().message();
    std::ofstream(file->temp_path()) << "half of a new fi";
    EXPECT_EQ(Files().size(), 2u);
  }  // dropped without Commit(): as if the export failed half-way
  EXPECT_EQ(*ReadTextFile(path), "previous");
  EXPECT_EQ(Files(), std::vector<std::string>{"keep.csv"});
}

}  // namespace
}  // namespace yardstick::io
