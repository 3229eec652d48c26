#include "org/pay_job.h"

#include <fmt/format.h>

#include "org/permissions.h"

namespace yardstick::org {

Result<PersonPay> PayOf(store::Store& store, const std::string& person_id,
                        const std::string& actor_id) {
  Result<Actor> actor = LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  Result<std::optional<model::Person>> person = store.GetPerson(person_id);
  if (!person.ok()) return person.status();
  if (!*person) return Status::NotFound(fmt::format("there is no person '{}'", person_id));
  if (Status s = RequireMaySeePay(store, *actor, person_id); !s.ok()) return s;
  Result<OrgFrameworks> frameworks = OrgFrameworks::Load(store);
  if (!frameworks.ok()) return frameworks.status();
  const model::Framework* framework = frameworks->ForPerson(**person);
  if (framework == nullptr) {
    return Status::NotFound(
        fmt::format("{}'s group '{}' has no framework", person_id, (*person)->group));
  }
  Result<engine::PayDerivation> pay = engine::DerivePay(*framework, **person);
  if (!pay.ok()) return pay.status();
  if (Status s = store.RecordRead(actor_id, "pay", person_id); !s.ok()) return s;
  return PersonPay{std::move(**person), framework->id, std::move(*pay)};
}

}  // namespace yardstick::org
