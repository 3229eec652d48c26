// FrameworkCache: the organisation's loaded frameworks, shared by every request. Parsing a
// framework's YAML takes milliseconds; a request checks only whether the groups or the
// frameworks' current versions changed (one small query) and reloads when they did.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "base/status.h"
#include "org/org_frameworks.h"
#include "store/store.h"

namespace yardstick::server {

class FrameworkCache {
 public:
  /// The frameworks as |store| has them now.
  Result<std::shared_ptr<const org::OrgFrameworks>> Get(store::Store& store);

 private:
  std::mutex mutex_;
  std::string signature_;
  std::shared_ptr<const org::OrgFrameworks> frameworks_;
};

}  // namespace yardstick::server
