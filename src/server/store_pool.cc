#include "server/store_pool.h"

namespace yardstick::server {

StorePool::StorePool(std::unique_ptr<store::Store> first) : template_(std::move(first)) {}

StorePool::Lease::~Lease() {
  if (store_ == nullptr) return;  // moved from
  const std::lock_guard<std::mutex> lock(pool_->mutex_);
  pool_->idle_.push_back(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  // Opening takes a while (the schema version is checked), so it is done outside the lock; the
  // template store is never used for anything else, and OpenAnother only reads it.
  Result<std::unique_ptr<store::Store>> another = template_->OpenAnother();
  if (!another.ok()) return another.status();
  return Lease(this, std::move(*another));
}

}  // namespace yardstick::server
