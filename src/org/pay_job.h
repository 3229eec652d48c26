// Pay against the store: the pay scale of the organisation's ladders, and how one person's pay is
// derived (engine/pay.h) — only for those who may see it (org/permissions.h), and every such read
// recorded in the audit log. Pay is never stored per person: it follows from the current version
// of the person's ladder. Uses the store it is given from one thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "engine/pay.h"
#include "model/framework.h"
#include "model/person.h"
#include "org/org_frameworks.h"
#include "store/store.h"

namespace yardstick::org {

/// A person's pay as derived now.
struct PersonPay {
  model::Person person;
  std::string framework_id;
  engine::PayDerivation pay;
};

/// |person_id|'s pay, for |actor_id| (the person, a manager above them, the people team); the
/// read is audited. NotFound for an unknown person; PermissionDenied for anyone else.
Result<PersonPay> PayOf(store::Store& store, const std::string& person_id,
                        const std::string& actor_id);

}  // namespace yardstick::org
