#include "io/csv.h"

#include <sstream>

#include <gtest/gtest.h>

namespace yardstick::io {
namespace {

struct Read {
  std::vector<CsvRecord> records;
  std::vector<std::string> problems;  ///< "line:column: message"
};

Read ReadAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  Read result;
  CsvRecord record;
  while (reader.Next(record)) result.records.push_back(record);
  for (const Diagnostic& d : reader.diagnostics().items()) {
    result.problems.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) +
                              ": " + d.message);
  }
  return result;
}

using Fields = std::vector<std::string>;

TEST(CsvReaderTest, ReadsRecordsWithTheirLines) {
  const Read read = ReadAll("id,name\nE1,Ada\nE2,Grace\n");
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_EQ(read.records[0].fields, (Fields{"id", "name"}));
  EXPECT_EQ(read.records[2].fields, (Fields{"E2", "Grace"}));
  EXPECT_EQ(read.records[2].line, 3);
  EXPECT_TRUE(read.records[2].valid);
  EXPECT_TRUE(read.problems.empty());
}

TEST(CsvReaderTest, AcceptsCrlfAndLfAndNoFinalLineBreak) {
  const Read read = ReadAll("a,b\r\n1,2\n3,4\r\n5,6");
  ASSERT_EQ(read.records.size(), 4u);
  EXPECT_EQ(read.records[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(read.records[3].fields, (Fields{"5", "6"}));
  EXPECT_EQ(read.records[3].line, 4);
  EXPECT_TRUE(read.problems.empty());
}

TEST(CsvReaderTest, StripsAByteOrderMark) {
  const Read read = ReadAll("\xEF\xBB\xBFid,name\nE1,Ada\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].fields, (Fields{"id", "name"}));
}

TEST(CsvReaderTest, IgnoresBlankLines) {
  const Read read = ReadAll("a,b\n\n1,2\r\n\r\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[1].line, 3);
  EXPECT_TRUE(read.problems.empty());
}

TEST(CsvReaderTest, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
  const Read read = ReadAll("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",z\nlast,one\n");
  ASSERT_EQ(read.records.size(), 4u);
  EXPECT_EQ(read.records[1].fields, (Fields{"x, y", "say \"hi\""}));
  EXPECT_EQ(read.records[2].fields, (Fields{"two\r\nlines", "z"}));
  EXPECT_EQ(read.records[2].line, 3);
  EXPECT_EQ(read.records[3].line, 5);  // the line break inside the quotes counts
}

TEST(CsvReaderTest, KeepsSpacesAndEmptyFields) {
  const Read read = ReadAll("a,b,c\n a ,,\n");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[1].fields, (Fields{" a ", "", ""}));
}

TEST(CsvReaderTest, ReportsAnEmptyFile) {
  for (const std::string text : {"", "\n\n", "\xEF\xBB\xBF"}) {
    const Read read = ReadAll(text);
    EXPECT_TRUE(read.records.empty());
    EXPECT_EQ(read.problems,
              (Fields{"0:0: the file is empty; expected a header row naming the columns"}));
  }
}

TEST(CsvReaderTest, ReportsAnUnterminatedQuoteWhereItsRecordStarts) {
  const Read read = ReadAll("a,b,c\n1,2,3\n4,\"five\n6,7,8\n");
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0],
            "3:2: unterminated quoted field: the quote that opens it is never closed");
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_FALSE(read.records[2].valid);
}

TEST(CsvReaderTest, ReportsTextAfterAClosingQuoteAndCarriesOn) {
  const Read read = ReadAll("a,b\n\"x\"y,1\n2,3\n");
  EXPECT_EQ(read.problems, (Fields{"2:1: found 'y' after a closing quote; a quoted field must "
                                   "end at a comma or the end of the line"}));
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_FALSE(read.records[1].valid);
  EXPECT_EQ(read.records[2].fields, (Fields{"2", "3"}));
  EXPECT_TRUE(read.records[2].valid);
}

TEST(CsvReaderTest, ReportsAQuoteInsideAnUnquotedField) {
  const Read read = ReadAll("a,b\n1,x\"y\n");
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].substr(0, 38), "2:2: a quote inside an unquoted field;");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[1].fields, (Fields{"1"}));  // what came before the problem
}

TEST(CsvReaderTest, ReportsTheWrongNumberOfFields) {
  const Read read = ReadAll("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");
  EXPECT_EQ(read.problems, (Fields{"2:3: expected 3 fields, as in the header, but found 2",
                                   "3:4: expected 3 fields, as in the header, but found 4"}));
  ASSERT_EQ(read.records.size(), 4u);
  EXPECT_FALSE(read.records[1].valid);
  EXPECT_FALSE(read.records[2].valid);
  EXPECT_TRUE(read.records[3].valid);
}

TEST(CsvReaderTest, ReadsFieldsLargerThanABlock) {
  const std::string big(3 << 20, 'x');
  const Read read = ReadAll("a,b\n\"" + big + "\n" + big + "\",1\n2,3\n");
  ASSERT_EQ(read.records.size(), 3u);
  EXPECT_EQ(read.records[1].fields[0].size(), 2 * big.size() + 1);
  EXPECT_EQ(read.records[2].line, 4);
}

TEST(CsvReaderTest, StreamsManyRecordsAcrossBlocks) {
  std::string text = "id,name,email\n";
  for (int i = 0; i < 200000; ++i) {
    text += "E" + std::to_string(i) + ",\"Person, " + std::to_string(i) + "\",p" +
            std::to_string(i) + "@example.com\r\n";
  }
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord record;
  int count = 0;
  while (reader.Next(record)) {
    ++count;
    ASSERT_EQ(record.line, count);
    ASSERT_EQ(record.fields.size(), 3u);
  }
  EXPECT_EQ(count, 200001);
  EXPECT_EQ(record.fields[1], "Person, 199999");
  EXPECT_TRUE(reader.diagnostics().empty());
}

}  // namespace
}  // namespace yardstick::io
