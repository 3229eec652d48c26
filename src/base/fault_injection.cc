#include "base/fault_injection.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace yardstick {

void PauseIfInjected(std::string_view point) {
  const char* requested = std::getenv("YARDSTICK_FAULT");
  if (requested == nullptr || point != requested) return;
  std::fprintf(stderr, "yardstick: fault injection: paused at %.*s\n",
               static_cast<int>(point.size()), point.data());
  std::fflush(stderr);
  for (;;) pause();  // until a signal ends the process
}

void DelayIfInjected(std::string_view point) {
  const char* requested = std::getenv("YARDSTICK_FAULT");
  if (requested == nullptr || point != requested) return;
  std::fprintf(stderr, "yardstick: fault injection: delayed at %.*s\n",
               static_cast<int>(point.size()), point.data());
  std::fflush(stderr);
  std::this_thread::sleep_for(std::chrono::seconds(2));
}

}  // namespace yardstick
