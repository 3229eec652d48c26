// Fault injection for crash-safety tests.
//
// Tests prove that a change is atomic by killing the process (SIGKILL) at the worst moment: after
// every row is written and before the commit. Code marks that moment with PauseIfInjected("name");
// when the environment variable YARDSTICK_FAULT equals the name, the process prints
// "yardstick: fault injection: paused at <name>" to stderr and waits to be killed. Without the
// variable it does nothing (one getenv). Never set YARDSTICK_FAULT outside tests.
#pragma once

#include <string_view>

namespace yardstick {

/// Pauses forever at |point| when YARDSTICK_FAULT == |point|; otherwise returns at once.
void PauseIfInjected(std::string_view point);

/// Sleeps two seconds at |point| when YARDSTICK_FAULT == |point| (and goes on); otherwise returns
/// at once. For tests of what happens to work in progress: a server stopped mid-request.
void DelayIfInjected(std::string_view point);

}  // namespace yardstick
