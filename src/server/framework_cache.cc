#include "server/framework_cache.h"

namespace yardstick::server {

Result<std::shared_ptr<const org::OrgFrameworks>> FrameworkCache::Get(store::Store& store) {
  Result<std::string> signature = store.FrameworkHeadsSignature();
  if (!signature.ok()) return signature.status();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (frameworks_ != nullptr && *signature == signature_) return frameworks_;
  }
  Result<org::OrgFrameworks> loaded = org::OrgFrameworks::Load(store);
  if (!loaded.ok()) return loaded.status();
  auto frameworks = std::make_shared<const org::OrgFrameworks>(std::move(*loaded));
  const std::lock_guard<std::mutex> lock(mutex_);
  signature_ = std::move(*signature);
  frameworks_ = frameworks;
  return frameworks;
}

}  // namespace yardstick::server
