#include "org/text_index.h"

#include <cassert>
#include <cstring>
#include <functional>

namespace yardstick::org {
namespace {

/// The table is kept at most half full, so probes stay short.
inline constexpr size_t kMinCapacity = 16;

size_t CapacityFor(size_t count) {
  size_t capacity = kMinCapacity;
  while (capacity < 2 * count) capacity *= 2;
  return capacity;
}

std::uint64_t HashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }

}  // namespace

void TextIndex::Reserve(size_t count) {
  if (CapacityFor(count) > slots_.size()) Grow(CapacityFor(count));
}

size_t TextIndex::Probe(std::string_view key, std::uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.data == nullptr) return at;
    if (slot.hash == hash && slot.length == key.size() &&
        std::memcmp(slot.data, key.data(), key.size()) == 0) {
      return at;
    }
  }
}

std::pair<std::uint32_t, bool> TextIndex::Insert(std::string_view key, std::uint32_t value) {
  assert(!key.empty() && "TextIndex keys must not be empty");
  if (2 * (size_ + 1) > slots_.size()) Grow(CapacityFor(size_ + 1));
  const std::uint64_t hash = HashOf(key);
  Slot& slot = slots_[Probe(key, hash)];
  if (slot.data != nullptr) return {slot.value, false};
  slot = {hash, key.data(), static_cast<std::uint32_t>(key.size()), value};
  ++size_;
  return {value, true};
}

std::optional<std::uint32_t> TextIndex::Find(std::string_view key) const {
  if (slots_.empty() || key.empty()) return std::nullopt;
  const Slot& slot = slots_[Probe(key, HashOf(key))];
  if (slot.data == nullptr) return std::nullopt;
  return slot.value;
}

void TextIndex::Grow(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  for (const Slot& slot : old) {
    if (slot.data != nullptr) slots_[Probe({slot.data, slot.length}, slot.hash)] = slot;
  }
}

}  // namespace yardstick::org
