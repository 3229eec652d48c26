#include "pg_cluster.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "store/postgres_database.h"

namespace yardstick::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kUser = "yardstick";
constexpr const char* kDirectoryPrefix = "yardstick-pg-";
constexpr const char* kInstallHint =
    "run scripts/install-deps.sh (it installs Debian's postgresql)";
/// Settings for a server that only tests use: no network, no durability, little WAL and memory.
constexpr const char* kServerSettings[] = {
    "listen_addresses=",   "fsync=off",          "synchronous_commit=off", "full_page_writes=off",
    "wal_level=minimal",   "max_wal_senders=0",  "max_wal_size=256MB",     "min_wal_size=32MB",
    "shared_buffers=32MB", "max_connections=50",
};
/// Where scratch data goes: memory (much faster: a database is created and dropped in ~50 ms
/// rather than ~400 ms on a busy disk) when it has this much room, else /tmp.
constexpr const char* kMemoryRoot = "/dev/shm";
constexpr unsigned long long kMemoryRootMinimumBytes = 1ULL << 30;
/// Released databases left waiting for their connections to close, at most.
constexpr size_t kMaxReleasedDatabases = 8;
constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(10);
constexpr auto kPollInterval = std::chrono::milliseconds(10);

/// The account the server runs as: the `postgres` user when we are root, else ourselves.
struct ServerAccount {
  bool switch_user = false;
  uid_t uid = 0;
  gid_t gid = 0;
};

Result<ServerAccount> FindServerAccount() {
  if (geteuid() != 0) return ServerAccount{};
  const passwd* entry = getpwnam("postgres");
  if (entry == nullptr) {
    return Status::FailedPrecondition(fmt::format(
        "tests run as root and PostgreSQL refuses to, but there is no `postgres` user to run it "
        "as: {}",
        kInstallHint));
  }
  return ServerAccount{true, entry->pw_uid, entry->pw_gid};
}

/// A PostgreSQL server installed the Debian way, in /usr/lib/postgresql/VERSION/bin.
struct ServerInstall {
  int version = 0;
  fs::path bin;
};

/// The newest server installed.
Result<ServerInstall> FindServer() {
  std::optional<ServerInstall> newest;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", error)) {
    const fs::path bin = entry.path() / "bin";
    const int version = std::atoi(entry.path().filename().c_str());
    if (version <= 0 || access((bin / "initdb").c_str(), X_OK) != 0 ||
        access((bin / "postgres").c_str(), X_OK) != 0) {
      continue;
    }
    if (!newest || version > newest->version) newest = ServerInstall{version, bin};
  }
  if (!newest) {
    return Status::FailedPrecondition(fmt::format(
        "no PostgreSQL server found (/usr/lib/postgresql/*/bin/initdb and postgres): {}",
        kInstallHint));
  }
  return *newest;
}

/// The last |count| lines of the file at |path|, indented, for failure messages.
std::string LogTail(const fs::path& path, size_t count = 20) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string tail;
  for (size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
    tail += "\n    " + lines[i];
  }
  return tail.empty() ? " (empty log)" : tail;
}

/// Starts |argv| as a child with stdout and stderr to |log|, as |account|. The kernel sends the
/// child |death_signal| when this thread dies.
Result<pid_t> Spawn(const std::vector<std::string>& argv, const fs::path& log,
                    const ServerAccount& account, int death_signal) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (log_fd < 0 || null_fd < 0) {
    return Status::IoError(fmt::format("cannot open {}: {}", log.string(), std::strerror(errno)));
  }
  const pid_t parent = getpid();
  const pid_t child = fork();
  if (child == 0) {  // only async-signal-safe calls from here to exec
    if (dup2(null_fd, 0) < 0 || dup2(log_fd, 1) < 0 || dup2(log_fd, 2) < 0) _exit(126);
    if (account.switch_user &&
        (setgroups(0, nullptr) != 0 || setgid(account.gid) != 0 || setuid(account.uid) != 0)) {
      _exit(126);
    }
    // After setuid: changing credentials clears the death signal.
    if (prctl(PR_SET_PDEATHSIG, death_signal) != 0 || getppid() != parent) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  const int fork_errno = errno;
  close(log_fd);
  close(null_fd);
  if (child < 0) {
    return Status::IoError(fmt::format("cannot start {}: {}", argv[0], std::strerror(fork_errno)));
  }
  return child;
}

/// Waits up to |timeout| for |child| to exit; returns its wait status, or nothing if it is still
/// running.
std::optional<int> WaitForExit(pid_t child, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child || (done < 0 && errno == ECHILD)) return status;
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(kPollInterval);
  }
}

std::string DescribeExit(int status) {
  if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return fmt::format("was killed by signal {}", WTERMSIG(status));
  return "stopped";
}

bool ProcessAlive(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM); }

pid_t ReadPid(const fs::path& path) {
  std::ifstream in(path);
  long pid = 0;
  in >> pid;
  return static_cast<pid_t>(pid);
}

/// Removes the directories of clusters whose test process is gone (killed before it could
/// clean up; its server then shut down with it).
void RemoveStaleDirectories(const std::string& root) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(root, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(kDirectoryPrefix, 0) != 0 || !entry.is_directory(error)) continue;
    const pid_t owner = ReadPid(entry.path() / "owner.pid");
    const pid_t server = ReadPid(entry.path() / "data" / "postmaster.pid");
    if (owner <= 0 || ProcessAlive(owner) || ProcessAlive(server)) continue;
    fs::remove_all(entry.path(), error);
  }
}

/// A new directory ROOT/yardstick-pg-XXXXXX, owned by |account|, that records its owner process.
Result<std::string> MakeClusterDirectory(const std::string& root, const ServerAccount& account) {
  std::string pattern = fmt::format("{}/{}XXXXXX", root, kDirectoryPrefix);
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError(
        fmt::format("cannot create a directory in {} for the PostgreSQL test cluster: {}", root,
                    std::strerror(errno)));
  }
  std::ofstream(fs::path(pattern) / "owner.pid") << getpid() << "\n";
  // The server must own its directory (it creates data/ and the socket there); 0700 keeps
  // other users out, and root needs no permission to connect.
  if (account.switch_user && chown(pattern.c_str(), account.uid, account.gid) != 0) {
    const std::string reason = std::strerror(errno);
    fs::remove_all(pattern);
    return Status::IoError(fmt::format("cannot give {} to the postgres user: {}", pattern, reason));
  }
  return pattern;
}

/// Runs initdb into |data| as |account|; it dies with us (SIGKILL) if we are killed meanwhile.
Status RunInitdb(const ServerInstall& server, const ServerAccount& account, const fs::path& data) {
  const fs::path log = data.parent_path() / "initdb.log";
  Result<pid_t> initdb = Spawn({(server.bin / "initdb").string(), "-D", data.string(), "-A",
                                "trust", "-U", kUser, "-E", "UTF8", "--locale=C", "--no-sync"},
                               log, account, SIGKILL);
  if (!initdb.ok()) return initdb.status();
  const std::optional<int> status = WaitForExit(*initdb, kStartTimeout);
  if (status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0) return Status::Ok();
  if (!status) {
    kill(*initdb, SIGKILL);
    waitpid(*initdb, nullptr, 0);
  }
  return Status::IoError(
      fmt::format("initdb {} (as {}); its log:{}", status ? DescribeExit(*status) : "timed out",
                  account.switch_user ? "the postgres user" : "this user", LogTail(log)));
}

/// Where a pristine initdb result is kept for the next test process to copy (~0.1 s instead of
/// initdb's ~1 s): beside the test binary, in the build directory, so `make clean` removes it.
/// Bump the suffix when the initdb arguments change.
fs::path TemplatePath(const ServerInstall& server) {
  std::error_code error;
  const fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  return binary.parent_path() / fmt::format("pg-template-{}-v1", server.version);
}

/// Copies the tree |from| to |to| (modes kept); as root, gives every file to |account|.
bool CopyTree(const fs::path& from, const fs::path& to, const ServerAccount& account) {
  std::error_code error;
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
  if (error) return false;
  if (!account.switch_user) return true;
  if (lchown(to.c_str(), account.uid, account.gid) != 0) return false;
  for (const auto& entry : fs::recursive_directory_iterator(to, error)) {
    if (lchown(entry.path().c_str(), account.uid, account.gid) != 0) return false;
  }
  return !error;
}

/// Fills |root|/data with a new cluster: a copy of the template if there is one, else initdb
/// (which then becomes the template).
Status MakeDataDirectory(const ServerInstall& server, const ServerAccount& account,
                         const fs::path& root) {
  const fs::path data = root / "data";
  const fs::path saved = TemplatePath(server);
  struct stat saved_stat {};
  // Only a template this user made (a complete one: it is renamed into place when done).
  if (!saved.empty() && stat((saved / "PG_VERSION").c_str(), &saved_stat) == 0 &&
      saved_stat.st_uid == geteuid()) {
    if (CopyTree(saved, data, account)) return Status::Ok();
    fs::remove_all(data);
  }
  if (Status made = RunInitdb(server, account, data); !made.ok()) return made;
  if (!saved.empty()) {
    const fs::path partial = saved.string() + fmt::format(".{}.partial", getpid());
    std::error_code error;
    if (!CopyTree(data, partial, ServerAccount{}) ||
        rename(partial.c_str(), saved.c_str()) != 0) {  // another process may have won the race
      fs::remove_all(partial, error);
    }
  }
  return Status::Ok();
}

/// The database name in a URL made by PgCluster::Url.
std::string_view DatabaseName(std::string_view url) {
  const size_t start = url.find(":///");
  if (start == std::string_view::npos) return {};
  const std::string_view rest = url.substr(start + 4);
  return rest.substr(0, rest.find('?'));
}

}  // namespace

std::string ScratchRoot() {
  struct statvfs memory {};
  if (statvfs(kMemoryRoot, &memory) == 0 && access(kMemoryRoot, W_OK) == 0 &&
      static_cast<unsigned long long>(memory.f_bavail) * memory.f_frsize >=
          kMemoryRootMinimumBytes) {
    return kMemoryRoot;
  }
  return "/tmp";
}

Result<std::unique_ptr<PgCluster>> PgCluster::Start() {
  Result<ServerInstall> server = FindServer();
  if (!server.ok()) return server.status();
  Result<ServerAccount> account = FindServerAccount();
  if (!account.ok()) return account.status();
  const std::string scratch_root = ScratchRoot();
  RemoveStaleDirectories(scratch_root);
  Result<std::string> directory = MakeClusterDirectory(scratch_root, *account);
  if (!directory.ok()) return directory.status();
  const fs::path root(*directory);
  const std::string data = (root / "data").string();
  if (Status made = MakeDataDirectory(*server, *account, root); !made.ok()) {
    fs::remove_all(root);
    return made;
  }

  // The server: SIGQUIT, PostgreSQL's immediate shutdown, when we die.
  std::vector<std::string> argv = {(server->bin / "postgres").string(), "-D", data, "-k",
                                   root.string()};
  for (const char* setting : kServerSettings) {
    argv.emplace_back("-c");
    argv.emplace_back(setting);
  }
  Result<pid_t> postmaster = Spawn(argv, root / "server.log", *account, SIGQUIT);
  if (!postmaster.ok()) {
    fs::remove_all(root);
    return postmaster.status();
  }
  std::unique_ptr<PgCluster> cluster(new PgCluster(root.string(), *postmaster));
  cluster->owner_ = getpid();
  if (Status ready = cluster->WaitUntilReady(); !ready.ok()) return ready;
  return cluster;
}

Status PgCluster::WaitUntilReady() {
  const auto deadline = Clock::now() + kStartTimeout;
  for (;;) {
    int status = 0;
    if (waitpid(server_, &status, WNOHANG) == server_) {
      server_ = 0;
      return Status::IoError(fmt::format("the PostgreSQL test server {} during startup; its log:{}",
                                         DescribeExit(status),
                                         LogTail(fs::path(directory_) / "server.log")));
    }
    Result<std::unique_ptr<store::Database>> connected =
        store::PostgresDatabase::Open(Url("postgres"));
    if (connected.ok()) {
      maintenance_ = std::move(connected).value();
      return Status::Ok();
    }
    if (Clock::now() >= deadline) {
      return Status::IoError(
          fmt::format("the PostgreSQL test server did not accept connections "
                      "within {} s: {}; its log:{}",
                      kStartTimeout.count(), connected.status().message(),
                      LogTail(fs::path(directory_) / "server.log")));
    }
    std::this_thread::sleep_for(kPollInterval);
  }
}

Result<PgCluster*> PgCluster::Shared() {
  struct SharedCluster {
    std::unique_ptr<PgCluster> cluster;
    Status failure;
  };
  static SharedCluster shared;  // destroyed at exit, which stops the server
  if (shared.cluster != nullptr) return shared.cluster.get();
  if (!shared.failure.ok()) return shared.failure;
  Result<std::unique_ptr<PgCluster>> started = Start();
  if (!started.ok()) {
    shared.failure = started.status();
    return shared.failure;
  }
  shared.cluster = std::move(started).value();
  return shared.cluster.get();
}

PgCluster::~PgCluster() { Stop(); }

void PgCluster::Stop() {
  if (owner_ != getpid()) {
    // A forked child (a death test) shares the parent's connection: closing it would end the
    // parent's session, so leave it to the parent.
    (void)maintenance_.release();
    return;
  }
  maintenance_.reset();
  if (server_ > 0) {
    kill(server_, SIGQUIT);  // immediate shutdown: the postmaster stops its backends and exits
    if (!WaitForExit(server_, kStopTimeout)) {
      kill(server_, SIGKILL);
      waitpid(server_, nullptr, 0);
    }
    server_ = 0;
  }
  if (!directory_.empty()) {
    std::error_code error;
    fs::remove_all(directory_, error);
    directory_.clear();
  }
}

std::string PgCluster::Url(std::string_view database) const {
  return fmt::format("postgresql:///{}?host={}&user={}", database, directory_, kUser);
}

Result<std::string> PgCluster::CreateDatabase() {
  if (Status dropped = DropReleasedDatabases(); !dropped.ok()) return dropped;
  const std::string name = fmt::format("test_{}", ++databases_created_);
  if (Status created = maintenance_->ExecuteScript(fmt::format("CREATE DATABASE {}", name));
      !created.ok()) {
    return created;
  }
  return Url(name);
}

Status PgCluster::DropDatabase(std::string_view url) {
  return maintenance_->ExecuteScript(
      fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", DatabaseName(url)));
}

void PgCluster::ReleaseDatabase(std::string_view url) { released_.emplace_back(url); }

Status PgCluster::DropReleasedDatabases() {
  Result<store::Rows> sessions =
      maintenance_->Query("SELECT DISTINCT datname FROM pg_stat_activity WHERE datname <> ''", {});
  if (!sessions.ok()) return sessions.status();
  std::set<std::string, std::less<>> in_use;
  for (const store::Row& row : *sessions) in_use.insert(row.Text(0));
  std::vector<std::string> waiting;
  for (const std::string& url : released_) {
    if (in_use.contains(DatabaseName(url)) && released_.size() <= kMaxReleasedDatabases) {
      waiting.push_back(url);  // a connection is still closing: drop it next time
    } else if (Status dropped = DropDatabase(url); !dropped.ok()) {
      return dropped;
    }
  }
  released_ = std::move(waiting);
  return Status::Ok();
}

}  // namespace yardstick::testing
