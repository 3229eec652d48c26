// PgCluster: a throwaway PostgreSQL server for tests, private to one test process.
//
// Start() makes a cluster in a fresh directory under ScratchRoot() (/dev/shm, else /tmp) with
// Debian's newest server (/usr/lib/postgresql/<version>/bin): initdb the first time, then a copy
// of that first result, kept beside the test binary. It starts `postgres` on a Unix socket in
// that directory — nothing listens on the network — with fsync off and "trust" authentication for
// the user `yardstick`. PostgreSQL refuses to run as root, so when tests run as root (as in CI)
// initdb and the server run as the `postgres` user the Debian package creates.
//
// The server is a child of the thread that called Start() (call it from the main thread) and the
// kernel tells it to shut down when that thread dies — at exit, on a failed assertion, abort() or
// SIGKILL — so no run leaves a server behind. Stop() (or the destructor) stops it at once and
// removes the directory; directories of killed runs are removed by the next Start().
//
// Most tests want Shared(): one cluster per test process, started on first use (~0.5 s; ~1.5 s
// the first time) and stopped at exit, with a fresh empty database per test from
// CreateDatabase() (~50 ms). Not thread-safe.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace yardstick::testing {

/// Where tests put throwaway data: /dev/shm (memory) when it has room, else /tmp.
std::string ScratchRoot();

class PgCluster {
 public:
  /// Starts a new cluster. Fails (never skips) with a message naming scripts/install-deps.sh if
  /// the server is not installed, or with the server's log if it does not start.
  static Result<std::unique_ptr<PgCluster>> Start();
  /// The cluster shared by this test process: started on first call, stopped at exit. A failure
  /// to start is remembered and returned again, so each test fails fast with the same message.
  static Result<PgCluster*> Shared();

  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  /// Stops the server at once (like `pg_ctl stop -m immediate`) and removes its directory.
  /// Idempotent. Does nothing in a forked child of the process that started the cluster.
  void Stop();

  /// The directory holding the data, the logs and the server's Unix socket.
  [[nodiscard]] const std::string& directory() const { return directory_; }
  /// The URL of |database| on this cluster: postgresql:///NAME?host=DIR&user=yardstick.
  [[nodiscard]] std::string Url(std::string_view database) const;

  /// Creates a new empty database (test_1, test_2, …) and returns its URL.
  Result<std::string> CreateDatabase();
  /// Drops the database |url| names, closing any connection still open to it.
  Status DropDatabase(std::string_view url);
  /// Drops the database |url| names later, when the next one is created: by then the test's
  /// connections to it have ended, and PostgreSQL does not pause 100 ms waiting for them to.
  void ReleaseDatabase(std::string_view url);

 private:
  PgCluster(std::string directory, pid_t server)
      : directory_(std::move(directory)), server_(server) {}
  Status WaitUntilReady();
  /// Drops the released databases that no connection uses any more.
  Status DropReleasedDatabases();

  std::string directory_;
  pid_t server_;     ///< the postmaster, a child of this process; 0 once stopped
  pid_t owner_ = 0;  ///< the process that started the server
  std::unique_ptr<store::Database> maintenance_;  ///< connected to the "postgres" database
  int databases_created_ = 0;
  std::vector<std::string> released_;  ///< URLs of databases to drop
};

}  // namespace yardstick::testing
