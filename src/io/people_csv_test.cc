#include "io/people_csv.h"

#include <sstream>

#include <gtest/gtest.h>

namespace yardstick::io {
namespace {

PeopleCsv Read(const std::string& text, const ColumnMapping& mapping = {}) {
  std::istringstream in(text);
  return ReadPeopleCsv(in, mapping);
}

std::vector<std::string> Problems(const PeopleCsv& csv) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : csv.diagnostics.items()) lines.push_back(d.Format("f").substr(2));
  return lines;
}

constexpr const char* kHeader = "id,name,email,group,track,grade,hire_date";

TEST(PeopleCsvTest, ReadsCanonicalColumns) {
  const PeopleCsv csv = Read(std::string(kHeader) +
                             ",manager_id\nE1, Ada Lovelace ,ada@example.com,engineering,ic,G,"
                             "2020-01-01,E0\n");
  ASSERT_TRUE(csv.header_ok);
  EXPECT_TRUE(csv.diagnostics.empty());
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kEmail), 3);
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kManagerId), 8);
  EXPECT_FALSE(csv.layout.Has(PersonField::kSalary));
  ASSERT_EQ(csv.rows.size(), 1u);
  const PersonRow& row = csv.rows[0];
  EXPECT_EQ(row.line(), 2);
  EXPECT_EQ(row.Get(PersonField::kName), "Ada Lovelace");  // trimmed
  EXPECT_EQ(row.Get(PersonField::kManagerId), "E0");
  EXPECT_EQ(row.Get(PersonField::kPosition), "");
  EXPECT_FALSE(row.malformed());
}

TEST(PeopleCsvTest, MatchesHeadersIgnoringCaseSpacesAndHyphens) {
  const PeopleCsv csv =
      Read(" ID ,Name,E-MAIL,Group,Track,Grade,Hire Date,Hired-At-Grade,MANAGER_ID\n");
  EXPECT_TRUE(csv.header_ok);
  EXPECT_TRUE(csv.diagnostics.empty());
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kId), 1);
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kEmail), 3);
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kHireDate), 7);
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kHiredAtGrade), 8);
  EXPECT_EQ(csv.layout.ColumnOf(PersonField::kManagerId), 9);
}

TEST(PeopleCsvTest, MapsDifferentlyNamedColumns) {
  ColumnMapping mapping;
  ASSERT_TRUE(AddMapping("id=\"Employee ID\"", mapping).ok());
  ASSERT_TRUE(AddMapping(" email = Work Email", mapping).ok());
  const PeopleCsv csv = Read(
      "employee id,name,WORK EMAIL,group,track,grade,hire_date,email\n"
      "E1,Ada,ada@example.com,engineering,ic,G,2020-01-01,other@example.com\n",
      mapping);
  ASSERT_TRUE(csv.header_ok);
  EXPECT_EQ(csv.rows[0].Get(PersonField::kId), "E1");
  EXPECT_EQ(csv.rows[0].Get(PersonField::kEmail), "ada@example.com");
  // The canonical 'email' column is not read when email is mapped elsewhere.
  EXPECT_EQ(Problems(csv),
            (std::vector<std::string>{"1:8: warning: unknown column 'email' is ignored"}));
}

TEST(PeopleCsvTest, RejectsBadMappings) {
  ColumnMapping mapping;
  EXPECT_EQ(AddMapping("emal=E-Mail", mapping).message(),
            "--map 'emal=E-Mail': unknown field 'emal' (did you mean 'email'?)");
  EXPECT_EQ(AddMapping("email", mapping).message(),
            "--map 'email': expected FIELD=HEADER, e.g. id=\"Employee ID\"");
  EXPECT_EQ(AddMapping("email=", mapping).message(), "--map 'email=': the header name is empty");
  ASSERT_TRUE(AddMapping("email=Mail", mapping).ok());
  EXPECT_EQ(AddMapping("email=Other", mapping).message(),
            "--map 'email=Other': email is already mapped to 'Mail'");
  EXPECT_EQ(AddMapping("name=mail", mapping).message(),
            "--map 'name=mail': the column 'mail' is already mapped to email");
}

TEST(PeopleCsvTest, AMissingRequiredColumnStopsTheRows) {
  const PeopleCsv csv = Read(
      "id,name,group,track,grade,hire_date,mail\nE1,Ada,eng,ic,G,"
      "2020-01-01,ada@example.com\n");
  EXPECT_FALSE(csv.header_ok);
  EXPECT_TRUE(csv.rows.empty());
  EXPECT_EQ(Problems(csv),
            (std::vector<std::string>{"1:7: error: missing required column 'email' (did you "
                                      "mean 'mail'? rename it, or map it: --map "
                                      "email=\"mail\")"}));
}

TEST(PeopleCsvTest, ReportsDuplicateUnnamedAndUnknownColumns) {
  const PeopleCsv csv = Read(std::string(kHeader) + ",Grade,,salery\n");
  EXPECT_TRUE(csv.header_ok);
  EXPECT_EQ(Problems(csv), (std::vector<std::string>{
                               "1:8: error: duplicate column 'Grade': grade is already read "
                               "from column 6",
                               "1:9: warning: column 9 has no name and is ignored",
                               "1:10: warning: unknown column 'salery' is ignored (did you mean "
                               "'salary'?)"}));
}

TEST(PeopleCsvTest, KeepsTheIdOfAMalformedRow) {
  const PeopleCsv csv = Read(std::string(kHeader) + "\nE1,Ada\n");
  ASSERT_EQ(csv.rows.size(), 1u);
  EXPECT_TRUE(csv.rows[0].malformed());
  EXPECT_EQ(csv.rows[0].Get(PersonField::kId), "E1");
  EXPECT_EQ(csv.rows[0].Get(PersonField::kEmail), "");
  EXPECT_TRUE(csv.diagnostics.HasErrors());
}

TEST(PeopleCsvTest, NamesEveryField) {
  for (int i = 0; i < kPersonFieldCount; ++i) {
    const auto field = static_cast<PersonField>(i);
    EXPECT_EQ(ParseFieldName(FieldName(field)), field);
  }
  EXPECT_EQ(ParseFieldName("Manager_ID"), PersonField::kManagerId);
  EXPECT_EQ(ParseFieldName("manager"), std::nullopt);
  EXPECT_TRUE(IsRequired(PersonField::kHireDate));
  EXPECT_FALSE(IsRequired(PersonField::kSalary));
}

}  // namespace
}  // namespace yardstick::io
