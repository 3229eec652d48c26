// Store: what a cycle collects besides ratings — feedback (requested, then given) and rubric
// sheets.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/store.h"

namespace yardstick::store {
namespace {

Value OrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

std::string ScoresJson(const std::vector<model::AreaPoints>& scores) {
  if (scores.empty()) return "";
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const model::AreaPoints& score : scores) {
    json.push_back({{"area", score.area}, {"points", score.points}});
  }
  return json.dump();
}

Result<std::vector<model::AreaPoints>> ScoresFromJson(const std::string& text) {
  std::vector<model::AreaPoints> scores;
  if (text.empty()) return scores;
  try {
    for (const nlohmann::json& item : nlohmann::json::parse(text)) {
      scores.push_back({item.at("area").get<std::string>(), item.at("points").get<double>()});
    }
  } catch (const nlohmann::json::exception& error) {
    return Status::Internal(
        fmt::format("stored feedback scores are not readable: {}", error.what()));
  }
  return scores;
}

std::string FeedbackJson(const model::Feedback& feedback) {
  nlohmann::ordered_json json;
  json["person_id"] = feedback.person_id;
  json["giver_id"] = feedback.giver_id;
  json["kind"] = model::ToString(feedback.kind);
  json["source"] = feedback.source;
  if (feedback.given) {
    json["text"] = feedback.text;
    json["grade"] = feedback.grade;
    json["scores"] = nlohmann::ordered_json::array();
    for (const model::AreaPoints& score : feedback.scores) {
      json["scores"].push_back({{"area", score.area}, {"points", score.points}});
    }
  }
  return json.dump();
}

std::string SheetScoresJson(const std::vector<model::SourceScore>& scores) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const model::SourceScore& score : scores) {
    json.push_back({{"area", score.area}, {"source", score.source}, {"points", score.points}});
  }
  return json.dump();
}

std::string OutcomesJson(const std::vector<model::OutcomeScore>& outcomes) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const model::OutcomeScore& outcome : outcomes) {
    json.push_back(
        {{"name", outcome.name}, {"points", outcome.points}, {"involvement", outcome.involvement}});
  }
  return json.dump();
}

std::string SheetJson(const model::RubricSheet& sheet) {
  nlohmann::ordered_json json;
  json["person_id"] = sheet.person_id;
  json["rater_id"] = sheet.rater_id;
  json["evidence"] = sheet.evidence;
  json["scores"] = nlohmann::ordered_json::parse(SheetScoresJson(sheet.scores));
  json["outcomes"] = nlohmann::ordered_json::parse(OutcomesJson(sheet.outcomes));
  return json.dump();
}

Result<model::RubricSheet> SheetFromRow(const Row& row) {
  model::RubricSheet sheet{row.Text(0), row.Text(1), row.Text(2), {}, {}};
  try {
    for (const nlohmann::json& item : nlohmann::json::parse(row.Text(3))) {
      sheet.scores.push_back({item.at("area").get<std::string>(),
                              item.at("source").get<std::string>(),
                              item.at("points").get<double>()});
    }
    const std::string outcomes = row.Text(4);
    for (const nlohmann::json& item : nlohmann::json::parse(outcomes.empty() ? "[]" : outcomes)) {
      sheet.outcomes.push_back({item.at("name").get<std::string>(), item.at("points").get<double>(),
                                item.at("involvement").get<double>()});
    }
  } catch (const nlohmann::json::exception& error) {
    return Status::Internal(fmt::format("stored rubric sheet of {} by {} is not readable: {}",
                                        sheet.person_id, sheet.rater_id, error.what()));
  }
  return sheet;
}

std::string PairId(const std::string& cycle_id, const std::string& person_id,
                   const std::string& other_id) {
  return fmt::format("{}/{}/{}", cycle_id, person_id, other_id);
}

}  // namespace

Status Store::RequestFeedback(const std::string& cycle_id, model::CycleState expected,
                              const std::vector<model::Feedback>& requests,
                              const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    const std::string now = clock_.NowUtc();
    for (const model::Feedback& request : requests) {
      Result<Rows> existing = database_->Query(
          "SELECT 1 FROM feedback WHERE cycle_id = ? AND person_id = ? AND giver_id = ?",
          {cycle_id, request.person_id, request.giver_id});
      if (!existing.ok()) return existing.status();
      if (!existing->empty()) continue;
      Status written = database_->Run(
          "INSERT INTO feedback (cycle_id, person_id, giver_id, kind, source, requested_by, "
          "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {cycle_id, request.person_id, request.giver_id,
           std::string(model::ToString(request.kind)), request.source, actor, now});
      if (!written.ok()) return written;
      model::Feedback requested = request;
      requested.given = false;
      Status audited = Audit(actor, "feedback.request", "feedback",
                             PairId(cycle_id, request.person_id, request.giver_id), nullptr,
                             FeedbackJson(requested));
      if (!audited.ok()) return audited;
    }
    return Status::Ok();
  });
}

Status Store::GiveFeedback(const std::string& cycle_id, model::CycleState expected,
                           const std::vector<model::Feedback>& given, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    const std::string now = clock_.NowUtc();
    for (const model::Feedback& feedback : given) {
      Result<Rows> before = database_->Query(
          "SELECT kind, source, requested_by, given_at, text, grade, scores FROM feedback WHERE "
          "cycle_id = ? AND person_id = ? AND giver_id = ?",
          {cycle_id, feedback.person_id, feedback.giver_id});
      if (!before.ok()) return before.status();
      if (before->empty()) {
        return Status::FailedPrecondition(
            fmt::format("no feedback was requested from {} about {} in cycle '{}'",
                        feedback.giver_id, feedback.person_id, cycle_id));
      }
      const Row& row = before->front();
      model::Feedback previous{feedback.person_id,
                               feedback.giver_id,
                               model::ParseFeedbackKind(row.Text(0)).value_or(feedback.kind),
                               row.Text(1),
                               row.Text(2),
                               !row.IsNull(3),
                               row.Text(4),
                               row.Text(5),
                               {}};
      Result<std::vector<model::AreaPoints>> scores = ScoresFromJson(row.Text(6));
      if (!scores.ok()) return scores.status();
      previous.scores = std::move(*scores);
      model::Feedback after = previous;
      after.given = true;
      after.text = feedback.text;
      after.grade = feedback.grade;
      after.scores = feedback.scores;
      if (after == previous) continue;
      Status written = database_->Run(
          "UPDATE feedback SET given_at = ?, text = ?, grade = ?, scores = ?, version = version + "
          "1 WHERE cycle_id = ? AND person_id = ? AND giver_id = ?",
          {now, after.text, OrNull(after.grade), ScoresJson(after.scores), cycle_id,
           feedback.person_id, feedback.giver_id});
      if (!written.ok()) return written;
      Status audited = Audit(actor, previous.given ? "feedback.update" : "feedback.give",
                             "feedback", PairId(cycle_id, feedback.person_id, feedback.giver_id),
                             FeedbackJson(previous), FeedbackJson(after));
      if (!audited.ok()) return audited;
    }
    return Status::Ok();
  });
}

Result<std::vector<model::Feedback>> Store::Feedback(const std::string& cycle_id) {
  Result<Rows> rows = database_->Query(
      "SELECT person_id, giver_id, kind, source, requested_by, given_at, text, grade, scores FROM "
      "feedback WHERE cycle_id = ? ORDER BY person_id, giver_id",
      {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::Feedback> feedback;
  for (const Row& row : *rows) {
    const std::optional<model::FeedbackKind> kind = model::ParseFeedbackKind(row.Text(2));
    if (!kind) return Status::Internal(fmt::format("unknown feedback kind '{}'", row.Text(2)));
    Result<std::vector<model::AreaPoints>> scores = ScoresFromJson(row.Text(8));
    if (!scores.ok()) return scores.status();
    feedback.push_back({row.Text(0), row.Text(1), *kind, row.Text(3), row.Text(4), !row.IsNull(5),
                        row.Text(6), row.Text(7), std::move(*scores)});
  }
  return feedback;
}

Status Store::PutRubricSheets(const std::string& cycle_id, model::CycleState expected,
                              const std::vector<model::RubricSheet>& sheets,
                              const std::vector<model::Rating>& ratings, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    const std::string now = clock_.NowUtc();
    for (const model::RubricSheet& sheet : sheets) {
      Result<Rows> before = database_->Query(
          "SELECT person_id, rater_id, evidence, scores, outcomes FROM rubric_sheets WHERE "
          "cycle_id = ? AND person_id = ? AND rater_id = ?",
          {cycle_id, sheet.person_id, sheet.rater_id});
      if (!before.ok()) return before.status();
      std::optional<model::RubricSheet> previous;
      if (!before->empty()) {
        Result<model::RubricSheet> stored = SheetFromRow(before->front());
        if (!stored.ok()) return stored.status();
        if (*stored == sheet) continue;
        previous = std::move(*stored);
      }
      const Params values = {sheet.evidence, SheetScoresJson(sheet.scores),
                             OutcomesJson(sheet.outcomes), now};
      Status written =
          previous ? database_->Run(
                         "UPDATE rubric_sheets SET evidence = ?, scores = ?, outcomes = ?, "
                         "scored_at = ?, version = version + 1 WHERE cycle_id = ? AND person_id = "
                         "? AND rater_id = ?",
                         {values[0], values[1], values[2], values[3], cycle_id, sheet.person_id,
                          sheet.rater_id})
                   : database_->Run(
                         "INSERT INTO rubric_sheets (cycle_id, person_id, rater_id, evidence, "
                         "scores, outcomes, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         {cycle_id, sheet.person_id, sheet.rater_id, values[0], values[1],
                          values[2], values[3]});
      if (!written.ok()) return written;
      Status audited =
          Audit(actor, previous ? "rubric.update" : "rubric.create", "rubric_sheet",
                PairId(cycle_id, sheet.person_id, sheet.rater_id),
                previous ? Value(SheetJson(*previous)) : Value(nullptr), SheetJson(sheet));
      if (!audited.ok()) return audited;
    }
    return WriteRatings(cycle_id, ratings, actor);
  });
}

Result<std::vector<model::RubricSheet>> Store::RubricSheets(const std::string& cycle_id) {
  Result<Rows> rows = database_->Query(
      "SELECT person_id, rater_id, evidence, scores, outcomes FROM rubric_sheets WHERE cycle_id = "
      "? ORDER BY person_id, rater_id",
      {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::RubricSheet> sheets;
  for (const Row& row : *rows) {
    Result<model::RubricSheet> sheet = SheetFromRow(row);
    if (!sheet.ok()) return sheet.status();
    sheets.push_back(std::move(*sheet));
  }
  return sheets;
}

}  // namespace yardstick::store
