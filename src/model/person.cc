#include "model/person.h"

namespace yardstick::model {

const char* ToString(PersonStatus status) {
  return status == PersonStatus::kActive ? "active" : "left";
}

std::optional<PersonStatus> ParsePersonStatus(std::string_view text) {
  if (text == "active") return PersonStatus::kActive;
  if (text == "left") return PersonStatus::kLeft;
  return std::nullopt;
}

}  // namespace yardstick::model
