// A publishable, static HTML site for a framework.
//
// BuildSite() renders one page per track, a level-by-level comparison view (what changes from one
// level to the next), equivalences across tracks, positions and pay bands, with a screen and a
// print stylesheet. The pages need no server and no network: open index.html from disk. Pure
// function; WriteSite() puts the files in a directory.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "model/framework.h"

namespace yardstick::ladder {

struct SiteFile {
  std::string path;  ///< relative, e.g. "index.html", "track-ic.html", "style.css"
  std::string content;
};

struct SiteOptions {
  bool show_pay = true;  ///< include pay bands (people teams may publish ladders without pay)
};

std::vector<SiteFile> BuildSite(const model::Framework& framework, const SiteOptions& options);

/// Writes every file under |directory| (created if missing). Existing files of the same names are
/// replaced; other files are left alone.
Status WriteSite(const std::vector<SiteFile>& files, const std::string& directory);

}  // namespace yardstick::ladder
