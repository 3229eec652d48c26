// Store: entries of the append-only audit log written one at a time.
#include "store/store.h"

namespace yardstick::store {

Status Store::Audit(const std::string& actor, const std::string& action, const std::string& entity,
                    const std::string& entity_id, const Value& before, const Value& after) {
  return database_->Run(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {clock_.NowUtc(), actor, action, entity, entity_id, before, after});
}

Status Store::RecordRead(const std::string& actor, const std::string& entity,
                         const std::string& entity_id) {
  return Audit(actor, entity + ".read", entity, entity_id, nullptr, nullptr);
}

}  // namespace yardstick::store
