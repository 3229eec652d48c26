// StorePool: one store connection per request in flight. The server answers requests on several
// threads and a store connection serves one thread at a time, so each request leases a
// connection (opened on demand, kept for the next request) and gives it back when it is done.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "base/status.h"
#include "store/store.h"

namespace yardstick::server {

class StorePool {
 public:
  /// A pool that opens further connections like |first| (Store::OpenAnother).
  explicit StorePool(std::unique_ptr<store::Store> first);

  /// A leased connection; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    [[nodiscard]] store::Store& store() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  /// A connection: an idle one, or a new one.
  Result<Lease> Acquire();

 private:
  std::mutex mutex_;
  std::unique_ptr<store::Store> template_;  ///< never leased; opens the others
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace yardstick::server
