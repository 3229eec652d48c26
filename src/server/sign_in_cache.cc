#include "server/sign_in_cache.h"

namespace yardstick::server {

std::optional<SignInCache::Holder> SignInCache::Find(const std::string& key,
                                                     std::int64_t now) const {
  const auto checked_since = std::chrono::steady_clock::now() - lifetime_;
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end() || found->second.checked <= checked_since ||
      now >= found->second.holder.principal.recheck_at) {
    return std::nullopt;
  }
  return found->second.holder;
}

std::uint64_t SignInCache::generation() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

void SignInCache::Remember(const std::string& key, Holder holder, std::uint64_t generation) {
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard<std::mutex> lock(mutex_);
  if (generation != generation_) return;  // something changed while it was checked
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.insert_or_assign(key, Entry{std::move(holder), now});
}

void SignInCache::ForgetAll() {
  const std::lock_guard<std::mutex> lock(mutex_);
  ++generation_;
  entries_.clear();
}

}  // namespace yardstick::server
