// TextIndex: a hash index from text to a number, for a million ids or emails at a time.
//
// The import planner looks every id, manager and email up several times; with a node-based
// std::unordered_map each lookup at a million keys is a chain of cache misses, and freeing the
// nodes alone takes a noticeable share of the run. TextIndex keeps one flat array (open
// addressing, linear probing), stores views of the keys — the text must outlive the index — and
// frees in one go. Keys must not be empty. Not thread-safe while being written.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace yardstick::org {

class TextIndex {
 public:
  /// Makes room for |count| keys without growing.
  void Reserve(size_t count);

  /// Adds |key| → |value| if |key| is not there yet. Returns the value stored for |key| and
  /// whether it was added now.
  std::pair<std::uint32_t, bool> Insert(std::string_view key, std::uint32_t value);

  /// The value stored for |key|, if any.
  [[nodiscard]] std::optional<std::uint32_t> Find(std::string_view key) const;
  [[nodiscard]] bool Contains(std::string_view key) const { return Find(key).has_value(); }
  [[nodiscard]] size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const char* data = nullptr;  ///< nullptr: the slot is free
    std::uint32_t length = 0;
    std::uint32_t value = 0;
  };

  /// The slot holding |key|, or the free slot where it would go.
  [[nodiscard]] size_t Probe(std::string_view key, std::uint64_t hash) const;
  void Grow(size_t capacity);

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace yardstick::org
