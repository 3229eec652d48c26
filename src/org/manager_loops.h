// Finding loops in a manager tree: people who end up, through their managers, reporting to
// themselves.
//
// The tree is given as a functional graph: node i reports to next[i], or to nobody when next[i]
// is negative. Each loop is found once, by iterative colouring (no recursion, so a million-deep
// chain cannot overflow the stack), in O(n). Pure function, thread-safe.
#pragma once

#include <vector>

namespace yardstick::org {

/// Every loop in the graph, each as its nodes in reporting order starting from the loop's
/// smallest node index (so a loop of nodes 7 → 9 → 7 is {7, 9}). Loops are ordered by that
/// smallest index. A node reporting to itself is a loop of one.
std::vector<std::vector<int>> FindManagerLoops(const std::vector<int>& next);

}  // namespace yardstick::org
