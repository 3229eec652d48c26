// Portable random numbers for the engine: the same sequence on every platform and standard library.
//
// std::mt19937_64 is specified exactly by the standard, but std::normal_distribution and
// std::uniform_int_distribution are not (each library draws differently), so results seeded the
// same would differ between libstdc++ and libc++. RandomSource wraps the engine and implements its
// own distributions: uniforms from the top 53 bits, integers by rejection, normals by the
// Marsaglia polar method. A value type; one thread at a time.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace yardstick::engine {

class RandomSource {
 public:
  explicit RandomSource(uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, 1).
  double Uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  /// Uniform over {0, …, count − 1}; |count| must be positive.
  uint64_t Index(uint64_t count) {
    // Rejection keeps every value equally likely: draw below the largest multiple of |count|.
    const uint64_t limit = UINT64_MAX - UINT64_MAX % count;
    uint64_t draw = engine_();
    while (draw >= limit) draw = engine_();
    return draw % count;
  }

  /// Standard normal (mean 0, sd 1).
  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0;
    double v = 0;
    double s = 0;
    do {
      u = 2 * Uniform() - 1;
      v = 2 * Uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double factor = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * factor;
    has_spare_ = true;
    return u * factor;
  }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace yardstick::engine
