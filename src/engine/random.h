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

/// The seed of stream |stream| derived from |seed| (SplitMix64's finaliser of seed + φ·(stream +
/// 1)): nearby seeds and streams give unrelated sequences, so one seed can drive independent
/// streams.
inline uint64_t DeriveSeed(uint64_t seed, uint64_t stream) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

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
