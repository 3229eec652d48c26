#include "base/fault_injection.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace yardstick {

void PauseIfInjected(std::string_view point) {
  const char* requested = std::getenv("YARDSTICK_FAULT");
  if (requested == nullptr || point != requested) return;
  std::fprintf(stderr, "yardstick: fault injection: paused at %.*s\n",
               static_cast<int>(point.size()), point.data());
  std::fflush(stderr);
  for (;;) pause();  // until a signal ends the process
}

}  // namespace yardstick
