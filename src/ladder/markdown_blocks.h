// Markdown blocks: a Markdown document as the flat list of located blocks an importer reads.
//
// Importers of documents that people write by hand (career ladders, for now) care about a few
// block shapes — headings, paragraph lines, list items, tables — and about where each piece of
// text was written, so that whatever they cannot use is reported at its line and column rather
// than dropped. ReadDocument() parses with cmark-gfm (CommonMark with the GFM table and task list
// extensions) and flattens its tree into those blocks, in document order: block quotes are read
// through, and inline syntax (emphasis, links, images, code spans, entities, HTML tags) is reduced
// to plain text whose every byte keeps the 1-based line and byte column it was written at.
//
// One departure from CommonMark, so that one slip cannot hide the rest of a document: a code fence
// or HTML comment that is never closed ends at its own line (CommonMark runs it to the end of its
// list item, quote or document) and is listed as a block with |closed| false; the lines after it
// are read as Markdown.
//
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace yardstick::ladder::markdown {

/// Plain text read from inline Markdown, and where each of its bytes was written.
struct Text {
  std::string plain;            ///< blanks collapsed to one space; no blank at either end
  std::vector<SourceLoc> locs;  ///< locs[i]: where plain[i] was written
  SourceLoc loc;                ///< where the text starts, markup included ("**" of "**Label:**")
  /// How many leading bytes of |plain| were written in strong emphasis ("**Label:** rest"); 0 when
  /// the text does not start with it.
  size_t strong_prefix = 0;
  /// Offsets of the spaces in |plain| that stand for a line break: a line end in a heading or list
  /// item, a "<br>" in a table cell.
  std::vector<size_t> breaks;

  /// Where plain[offset] was written; for an offset past the end, just after the last byte.
  [[nodiscard]] SourceLoc At(size_t offset) const;
};

enum class BlockKind { kHeading, kParagraph, kListItem, kTable, kCode, kHtml };

struct TableRow {
  std::vector<Text> cells;  ///< as written: fewer than the header's when the row is short
  /// Cells beyond the header's width, which GFM ignores: where each one starts.
  std::vector<SourceLoc> ignored_cells;
  SourceLoc loc;
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  SourceLoc loc;     ///< where the block starts: its '#', list marker, first '|', fence or text
  int end_line = 0;  ///< code and HTML: the block's last line
  int depth = 0;     ///< heading: 1-6; list item: 0 at the top, one more for each enclosing item
  Text text;         ///< heading; list item: its leading paragraphs (without nested lists)
  bool has_children = false;   ///< list item: a list is nested in it
  std::vector<Text> lines;     ///< paragraph: one per line, in order
  std::vector<TableRow> rows;  ///< table: the header row first, the delimiter row left out
  /// Code and HTML comments: false when never closed. Such a block is its first line alone and
  /// the lines after it are read as Markdown; only in a document with very many of them does one
  /// run on to the end of its container as in CommonMark, up to |end_line|.
  bool closed = true;
  bool comment = false;  ///< HTML: an HTML comment ("<!-- … -->")
};

struct Document {
  std::vector<Block> blocks;
  /// Where the first NUL byte is: the input is binary, and nothing was read.
  std::optional<SourceLoc> nul_byte;
  /// Where the first byte that is not valid UTF-8 is; each such byte was read as '?'.
  std::optional<SourceLoc> invalid_utf8;
};

/// Reads |markdown| into blocks. A byte-order mark is dropped; lines end at "\n", "\r\n" or "\r";
/// control characters read as spaces, one byte for one so that columns stay true.
Document ReadDocument(std::string_view markdown);

}  // namespace yardstick::ladder::markdown
