// InsertForEach: streams the rows made from a list of items into one table, making the next
// batch of rows on a second thread while the current one is written. For the store's large
// writes (a first import, a cycle's slate), where making the rows' text costs about as much as
// writing them.
#pragma once

#include <algorithm>
#include <future>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/database.h"

namespace yardstick::store {

/// Inserts into |table| the rows |make| makes for each index in [0, |count|) (none, one or more
/// each), in order, through one Database::StartInsert, inside the caller's transaction. |make|
/// is called as make(i, rows) for i = 0, 1, … in order, and appends to |rows|. Calls come from
/// one thread at a time, but not always the caller's: |make| must not touch the database.
template <typename Make>
Status InsertForEachIndex(Database& database, std::string_view table,
                          const std::vector<std::string>& columns, size_t count, const Make& make) {
  constexpr size_t kItemsPerBatch = 4096;
  if (count == 0) return Status::Ok();
  Result<std::unique_ptr<RowInserter>> inserter = database.StartInsert(table, columns);
  if (!inserter.ok()) return inserter.status();
  const auto fill = [&](size_t begin, std::vector<Params>& rows) {
    rows.clear();
    const size_t end = std::min(begin + kItemsPerBatch, count);
    for (size_t i = begin; i < end; ++i) make(i, rows);
  };
  std::vector<Params> current;
  std::vector<Params> next;
  fill(0, current);
  for (size_t begin = 0; begin < count; begin += kItemsPerBatch) {
    const size_t following = begin + kItemsPerBatch;
    std::future<void> ahead;
    if (following < count) {
      // Made right away on another thread; when none can be started, when |ahead| is waited for.
      ahead =
          std::async(std::launch::async | std::launch::deferred, fill, following, std::ref(next));
    }
    Status written = current.empty() ? Status::Ok() : (*inserter)->Write(current);
    if (ahead.valid()) ahead.get();  // joined before anything returns: it writes to |next|
    if (!written.ok()) return written;
    std::swap(current, next);
  }
  return (*inserter)->Finish();
}

/// InsertForEachIndex over |items|: make(item, rows), with *item when items are pointers.
template <typename Item, typename Make>
Status InsertForEach(Database& database, std::string_view table,
                     const std::vector<std::string>& columns, const std::vector<Item>& items,
                     const Make& make) {
  return InsertForEachIndex(database, table, columns, items.size(),
                            [&](size_t i, std::vector<Params>& rows) {
                              if constexpr (std::is_pointer_v<Item>) {
                                make(*items[i], rows);
                              } else {
                                make(items[i], rows);
                              }
                            });
}

}  // namespace yardstick::store
