#include "org/manager_loops.h"

#include <algorithm>
#include <cstdint>

namespace yardstick::org {
namespace {

enum class Colour : std::uint8_t { kUnseen, kOnPath, kDone };

/// The loop that starts at |path[from]|, rotated to start at its smallest node.
std::vector<int> LoopFrom(const std::vector<int>& path, size_t from) {
  std::vector<int> loop(path.begin() + static_cast<std::ptrdiff_t>(from), path.end());
  std::rotate(loop.begin(), std::min_element(loop.begin(), loop.end()), loop.end());
  return loop;
}

}  // namespace

std::vector<std::vector<int>> FindManagerLoops(const std::vector<int>& next) {
  const int size = static_cast<int>(next.size());
  std::vector<Colour> colour(next.size(), Colour::kUnseen);
  std::vector<std::vector<int>> loops;
  std::vector<int> path;
  for (int start = 0; start < size; ++start) {
    if (colour[static_cast<size_t>(start)] != Colour::kUnseen) continue;
    path.clear();
    int node = start;
    // Walk up the tree until we reach the top, a node finished earlier, or our own path.
    while (node >= 0 && node < size && colour[static_cast<size_t>(node)] == Colour::kUnseen) {
      colour[static_cast<size_t>(node)] = Colour::kOnPath;
      path.push_back(node);
      node = next[static_cast<size_t>(node)];
    }
    if (node >= 0 && node < size && colour[static_cast<size_t>(node)] == Colour::kOnPath) {
      const auto at = std::find(path.begin(), path.end(), node);
      loops.push_back(LoopFrom(path, static_cast<size_t>(at - path.begin())));
    }
    for (int visited : path) colour[static_cast<size_t>(visited)] = Colour::kDone;
  }
  std::sort(loops.begin(), loops.end(),
            [](const std::vector<int>& a, const std::vector<int>& b) { return a[0] < b[0]; });
  return loops;
}

}  // namespace yardstick::org
