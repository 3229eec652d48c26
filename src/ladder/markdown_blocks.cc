#include "ladder/markdown_blocks.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <cmark-gfm/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"

namespace yardstick::ladder::markdown {
namespace {

/// The GFM extensions read. Strikethrough and autolink are left out on purpose: cmark-gfm 0.29
/// switches the special characters of inline extensions on and off in a process-wide table on
/// every parse, which is a data race between threads; autolinks change no text anyway.
constexpr std::array<const char*, 2> kExtensions = {"table", "tasklist"};

/// How many times a document is read again to recover from fences and comments never closed. Each
/// reading parses the whole document, so this bounds the time junk input can take; past it, such a
/// block runs to the end of its container, as CommonMark reads it.
constexpr int kMostRereadings = 64;

/// How far ahead of the previous byte a byte of a text node's literal is looked for in what was
/// written: far enough to step over a backslash or the longest HTML entity ("&CounterClockwise…").
constexpr size_t kAlignWindow = 40;

// --- cmark's resources, owned -----------------------------------------------------------------

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

/// cmark-gfm keeps its extensions in a process-wide registry, filled once.
cmark_syntax_extension* FindExtension(const char* name) {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  return cmark_find_syntax_extension(name);
}

NodePtr Parse(std::string_view text) {
  const ParserPtr parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = FindExtension(name); extension != nullptr) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  return NodePtr(cmark_parser_finish(parser.get()));
}

/// The node's start, or |fallback| when cmark recorded none (line breaks, padded table cells).
SourceLoc StartOf(cmark_node* node, SourceLoc fallback) {
  const SourceLoc start{cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
  return start.line > 0 && start.column > 0 ? start : fallback;
}

bool IsType(cmark_node* node, const char* type_string) {
  return std::strcmp(cmark_node_get_type_string(node), type_string) == 0;
}

std::string_view LiteralOf(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

/// "<br>", "<br/>", "<BR />".
bool IsLineBreakTag(std::string_view tag) {
  if (tag.size() < 4 || ToLower(tag.substr(0, 3)) != "<br") return false;
  const char after = tag[3];
  return after == '>' || after == '/' || after == ' ' || after == '\t';
}

bool IsLineBreak(cmark_node* node) {
  const cmark_node_type type = cmark_node_get_type(node);
  return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ||
         (type == CMARK_NODE_HTML_INLINE && IsLineBreakTag(LiteralOf(node)));
}

/// How many lines |literal| holds: each ends with '\n', except perhaps the last.
int LineCount(std::string_view literal) {
  const auto newlines = static_cast<int>(std::count(literal.begin(), literal.end(), '\n'));
  return newlines + (!literal.empty() && literal.back() != '\n' ? 1 : 0);
}

// --- The input --------------------------------------------------------------------------------

/// The text cmark reads: the input up to its first NUL byte, with bytes that are not UTF-8 read as
/// '?' and control characters as ' ', one for one so that lines and columns stay the input's.
class Source {
 public:
  explicit Source(std::string_view markdown) {
    if (StartsWith(markdown, "\xEF\xBB\xBF")) markdown.remove_prefix(3);
    Read(markdown);
    SplitLines();
    if (nul_offset_) nul_byte = LocOf(*nul_offset_);
    if (invalid_offset_) invalid_utf8 = LocOf(*invalid_offset_);
  }

  [[nodiscard]] const std::string& text() const { return text_; }

  /// Line |number| (1-based) without its line ending; "" when there is no such line.
  [[nodiscard]] std::string_view Line(int number) const {
    if (number < 1 || static_cast<size_t>(number) > lines_.size()) return {};
    const auto [begin, end] = lines_[static_cast<size_t>(number) - 1];
    return std::string_view(text_).substr(begin, end - begin);
  }

  /// Columns |first|..|last| (1-based, inclusive) of line |number|, clipped to the line.
  [[nodiscard]] std::string_view Span(int number, int first, int last) const {
    const std::string_view line = Line(number);
    const size_t begin = std::min(static_cast<size_t>(std::max(first, 1)) - 1, line.size());
    const size_t end = std::min(static_cast<size_t>(std::max(last, 0)), line.size());
    return end > begin ? line.substr(begin, end - begin) : std::string_view();
  }

  /// Replaces line |loc.line| from |loc.column| on by spaces; the whole line when that part was
  /// blanked before or holds nothing. Returns false when the line was blank already.
  bool Blank(SourceLoc loc) {
    if (loc.line < 1 || static_cast<size_t>(loc.line) > lines_.size()) return false;
    const auto [begin, end] = lines_[static_cast<size_t>(loc.line) - 1];
    size_t from = begin + std::min(static_cast<size_t>(std::max(loc.column, 1)) - 1, end - begin);
    if (!blanked_.insert(loc.line).second || Trim(Line(loc.line).substr(from - begin)).empty()) {
      from = begin;
    }
    if (Trim(Line(loc.line)).empty()) return false;
    std::fill(text_.begin() + static_cast<std::ptrdiff_t>(from),
              text_.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    return true;
  }

  std::optional<SourceLoc> nul_byte;
  std::optional<SourceLoc> invalid_utf8;

 private:
  void Read(std::string_view markdown) {
    for (size_t i = 0; i < markdown.size();) {
      const auto byte = static_cast<unsigned char>(markdown[i]);
      if (byte == 0) {
        nul_offset_ = text_.size();
        return;
      }
      // cmark-gfm's UTF-8 decoder, from the headers it installs for extension writers.
      int32_t code_point = 0;
      const int length = cmark_utf8proc_iterate(
          reinterpret_cast<const uint8_t*>(&markdown[i]),
          static_cast<bufsize_t>(std::min<size_t>(markdown.size() - i, 4)), &code_point);
      if (length <= 0) {
        if (!invalid_offset_) invalid_offset_ = text_.size();
        text_ += '?';
        ++i;
        continue;
      }
      const bool control =
          (code_point < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || code_point == 0x7F;
      text_ += control ? std::string_view(" ") : markdown.substr(i, static_cast<size_t>(length));
      i += static_cast<size_t>(length);
    }
  }

  void SplitLines() {
    size_t begin = 0;
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] != '\n' && text_[i] != '\r') continue;
      lines_.emplace_back(begin, i);
      if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      begin = i + 1;
    }
    lines_.emplace_back(begin, text_.size());
  }

  [[nodiscard]] SourceLoc LocOf(size_t offset) const {
    const auto after = std::upper_bound(
        lines_.begin(), lines_.end(), offset,
        [](size_t value, const std::pair<size_t, size_t>& line) { return value < line.first; });
    const auto line = after - 1;  // the first line starts at 0, so |after| is never the first
    return {static_cast<int>(line - lines_.begin()) + 1,
            static_cast<int>(offset - line->first) + 1};
  }

  std::string text_;
  std::vector<std::pair<size_t, size_t>> lines_;  ///< [begin, end) of each line in |text_|
  std::optional<size_t> nul_offset_;
  std::optional<size_t> invalid_offset_;
  std::set<int> blanked_;  ///< lines Blank() has changed
};

// --- Unclosed fences and comments -------------------------------------------------------------

/// True when |line| closes a fence of |length| |mark|s: after container markers ('>') and
/// indentation, only the fence characters.
bool IsClosingFence(std::string_view line, char mark, int length) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  size_t run = 0;
  while (run < line.size() && line[line.size() - 1 - run] == mark) ++run;
  if (run < static_cast<size_t>(length)) return false;
  return line.substr(0, line.size() - run).find_first_not_of(" \t>") == std::string_view::npos;
}

struct Fence {
  int length = 0;
  char mark = 0;
};

/// The opening fence of a fenced code block; nothing for an indented one.
std::optional<Fence> FenceOf(cmark_node* node) {
  Fence fence;
  int offset = 0;
  if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK ||
      !cmark_node_get_fenced(node, &fence.length, &offset, &fence.mark)) {
    return std::nullopt;
  }
  return fence;
}

/// A fenced code block that runs to the end of its container because no fence closes it. cmark
/// does not say, so the line after its content is checked for a closing fence.
bool IsUnclosedFence(cmark_node* node, const Source& source) {
  const std::optional<Fence> fence = FenceOf(node);
  if (!fence) return false;
  const int closing_line = cmark_node_get_start_line(node) + LineCount(LiteralOf(node)) + 1;
  return !IsClosingFence(source.Line(closing_line), fence->mark, fence->length);
}

bool IsComment(cmark_node* node) {
  return cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK &&
         StartsWith(Trim(LiteralOf(node)), "<!--");
}

/// An HTML comment that runs to the end of its container because no "-->" ends it.
bool IsUnclosedComment(cmark_node* node) {
  return IsComment(node) && LiteralOf(node).find("-->") == std::string_view::npos;
}

/// Every fence and comment that is never closed, as a block holding its first line.
std::vector<Block> FindUnclosed(cmark_node* root, const Source& source) {
  std::vector<Block> found;
  const IterPtr iter(cmark_iter_new(root));
  for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (event != CMARK_EVENT_ENTER) continue;
    const bool fence = IsUnclosedFence(node, source);
    if (!fence && !IsUnclosedComment(node)) continue;
    Block block;
    block.kind = fence ? BlockKind::kCode : BlockKind::kHtml;
    block.loc = StartOf(node, {});
    block.end_line = block.loc.line;
    block.closed = false;
    block.comment = !fence;
    found.push_back(std::move(block));
  }
  return found;
}

// --- Inline text ------------------------------------------------------------------------------

/// Builds a Text a byte at a time: blanks collapse to one space, the ends are trimmed.
class TextBuilder {
 public:
  explicit TextBuilder(SourceLoc loc) { text_.loc = loc; }

  [[nodiscard]] bool empty() const { return text_.plain.empty(); }
  [[nodiscard]] SourceLoc loc() const { return text_.loc; }

  void Add(char c, SourceLoc loc) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7F) {
      blank_ = true;
      return;
    }
    if (blank_ && !text_.plain.empty()) {
      if (line_break_) text_.breaks.push_back(text_.plain.size());
      Push(' ', loc);
    }
    blank_ = false;
    line_break_ = false;
    Push(c, loc);
  }

  void AddLineBreak() {
    blank_ = true;
    line_break_ = true;
  }

  void MarkStrongPrefix() {
    if (text_.strong_prefix == 0) text_.strong_prefix = text_.plain.size();
  }

  /// Where the text starts, while it is still empty.
  void set_loc(SourceLoc loc) { text_.loc = loc; }

  /// The text so far; the builder starts again at |loc|.
  Text Restart(SourceLoc loc) {
    Text done = std::move(text_);
    text_ = Text{};
    text_.loc = loc;
    blank_ = false;
    line_break_ = false;
    return done;
  }

 private:
  void Push(char c, SourceLoc loc) {
    text_.plain += c;
    text_.locs.push_back(loc);
  }

  Text text_;
  bool blank_ = false;
  bool line_break_ = false;
};

/// Turns cmark's tree into blocks. Every walk uses cmark's iterator, never recursion: a
/// document of 16 KB can nest thousands of block quotes.
class BlockCollector {
 public:
  explicit BlockCollector(const Source& source) : source_(source) {}

  std::vector<Block> Collect(cmark_node* root) {
    const IterPtr iter(cmark_iter_new(root));
    int item_depth = 0;
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      const cmark_node_type type = cmark_node_get_type(node);
      if (event == CMARK_EVENT_EXIT) {
        if (type == CMARK_NODE_ITEM) --item_depth;
        continue;
      }
      if (type == CMARK_NODE_ITEM) {
        ReadItem(node, item_depth);
        ++item_depth;
        continue;
      }
      if (ReadBlock(node) && cmark_node_first_child(node) != nullptr) {
        cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);  // its inline nodes were read with it
      }
    }
    return std::move(blocks_);
  }

 private:
  /// Reads |node| when it is a block of its own; false for a container, which is read through.
  bool ReadBlock(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_CODE_BLOCK:
        ReadCode(node);
        return true;
      case CMARK_NODE_HTML_BLOCK:
        ReadHtml(node);
        return true;
      case CMARK_NODE_PARAGRAPH:
        if (!IsLeadingParagraphOfItem(node)) ReadParagraph(node);
        return true;
      case CMARK_NODE_HEADING:
        ReadHeading(node);
        return true;
      default:
        if (!IsType(node, "table")) return false;
        ReadTable(node);
        return true;
    }
  }

  /// The paragraphs an item starts with are its text.
  static bool IsLeadingParagraphOfItem(cmark_node* paragraph) {
    cmark_node* parent = cmark_node_parent(paragraph);
    if (parent == nullptr || cmark_node_get_type(parent) != CMARK_NODE_ITEM) return false;
    for (cmark_node* sibling = cmark_node_previous(paragraph); sibling != nullptr;
         sibling = cmark_node_previous(sibling)) {
      if (cmark_node_get_type(sibling) != CMARK_NODE_PARAGRAPH) return false;
    }
    return true;
  }

  void ReadItem(cmark_node* item, int depth) {
    Block block;
    block.kind = BlockKind::kListItem;
    block.loc = StartOf(item, {});
    block.depth = depth;
    cmark_node* child = cmark_node_first_child(item);
    TextBuilder text(child != nullptr ? StartOf(child, block.loc) : block.loc);
    for (; child != nullptr && cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH;
         child = cmark_node_next(child)) {
      if (!text.empty()) text.AddLineBreak();
      ReadInlines(child, text, nullptr);
    }
    for (child = cmark_node_first_child(item); child != nullptr; child = cmark_node_next(child)) {
      if (cmark_node_get_type(child) == CMARK_NODE_LIST) block.has_children = true;
    }
    if (text.empty()) return;  // an empty item holds nothing to place
    block.text = text.Restart({});
    blocks_.push_back(std::move(block));
  }

  void ReadParagraph(cmark_node* paragraph) {
    Block block;
    block.kind = BlockKind::kParagraph;
    block.loc = StartOf(paragraph, {});
    TextBuilder line(block.loc);
    ReadInlines(paragraph, line, &block.lines);
    block.lines.push_back(line.Restart({}));
    std::erase_if(block.lines, [](const Text& text) { return text.plain.empty(); });
    if (!block.lines.empty()) blocks_.push_back(std::move(block));
  }

  void ReadHeading(cmark_node* heading) {
    Block block;
    block.kind = BlockKind::kHeading;
    block.loc = StartOf(heading, {});
    block.depth = cmark_node_get_heading_level(heading);
    cmark_node* first = cmark_node_first_child(heading);
    TextBuilder text(first != nullptr ? StartOf(first, block.loc) : block.loc);
    ReadInlines(heading, text, nullptr);
    block.text = text.Restart({});
    blocks_.push_back(std::move(block));
  }

  void ReadCode(cmark_node* code) {
    Block block;
    block.kind = BlockKind::kCode;
    block.loc = StartOf(code, {});
    block.closed = !IsUnclosedFence(code, source_);
    const int fence_lines = !FenceOf(code) ? 0 : (block.closed ? 2 : 1);
    block.end_line = block.loc.line + std::max(LineCount(LiteralOf(code)) + fence_lines - 1, 0);
    blocks_.push_back(std::move(block));
  }

  void ReadHtml(cmark_node* html) {
    Block block;
    block.kind = BlockKind::kHtml;
    block.loc = StartOf(html, {});
    block.comment = IsComment(html);
    block.closed = !IsUnclosedComment(html);
    block.end_line = block.loc.line + std::max(LineCount(LiteralOf(html)) - 1, 0);
    blocks_.push_back(std::move(block));
  }

  void ReadTable(cmark_node* table) {
    Block block;
    block.kind = BlockKind::kTable;
    block.loc = StartOf(table, {});
    for (cmark_node* row = cmark_node_first_child(table); row != nullptr;
         row = cmark_node_next(row)) {
      TableRow read = ReadRow(row, block.loc);
      if (!read.cells.empty()) block.rows.push_back(std::move(read));
    }
    if (!block.rows.empty()) blocks_.push_back(std::move(block));
  }

  TableRow ReadRow(cmark_node* row, SourceLoc table_loc) {
    TableRow table_row;
    table_row.loc = StartOf(row, table_loc);
    int last_column = 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
         cell = cmark_node_next(cell)) {
      if (cmark_node_get_start_column(cell) <= 0) continue;  // padded by cmark: not written
      cmark_node* first = cmark_node_first_child(cell);
      const SourceLoc cell_loc = StartOf(cell, table_row.loc);
      TextBuilder text(first != nullptr ? StartOf(first, cell_loc) : cell_loc);
      ReadInlines(cell, text, nullptr);
      table_row.cells.push_back(text.Restart({}));
      last_column = cmark_node_get_end_column(cell);
    }
    table_row.ignored_cells = IgnoredCells(table_row.loc.line, last_column);
    return table_row;
  }

  /// GFM drops the cells of a row beyond the header's width. They are found again in the row's
  /// line after the last cell kept (which ends at |last_column|): each unescaped '|' ends one, and
  /// text after the last '|' is one more.
  [[nodiscard]] std::vector<SourceLoc> IgnoredCells(int line_number, int last_column) const {
    const std::string_view line = source_.Line(line_number);
    auto at = static_cast<size_t>(std::max(last_column, 0));
    std::vector<SourceLoc> cells;
    if (at >= line.size() || line[at] != '|') return cells;
    for (++at; at < line.size();) {
      size_t end = at;
      while (end < line.size() && line[end] != '|') end += line[end] == '\\' ? 2 : 1;
      end = std::min(end, line.size());
      const size_t first = std::min(line.find_first_not_of(" \t", at), end);
      if (end == line.size() && first == end) break;  // blanks after the closing '|'
      cells.push_back({line_number, static_cast<int>(first) + 1});
      at = end + 1;
    }
    return cells;
  }

  /// Reads the inline nodes under |parent| into |out|. With |lines|, a line break directly under
  /// |parent| ends a line: the text so far goes to |lines|, and |out| starts again.
  void ReadInlines(cmark_node* parent, TextBuilder& out, std::vector<Text>* lines) const {
    const IterPtr iter(cmark_iter_new(parent));
    cmark_node* leading_strong = nullptr;
    bool line_ended = false;
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (node == parent) continue;
      if (event == CMARK_EVENT_EXIT) {
        if (node == leading_strong) out.MarkStrongPrefix();
        continue;
      }
      if (IsLineBreak(node)) {
        if (lines != nullptr && cmark_node_parent(node) == parent) {
          lines->push_back(out.Restart(out.loc()));
          line_ended = true;
        } else {
          out.AddLineBreak();
        }
        continue;
      }
      if (line_ended) {  // the line starts with its first node
        out.set_loc(StartOf(node, out.loc()));
        leading_strong = nullptr;
        line_ended = false;
      }
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          AddLiteral(node, out);
          break;
        case CMARK_NODE_STRONG:
          if (out.empty() && leading_strong == nullptr) leading_strong = node;
          break;
        default:
          break;  // emphasis, links and images: their text follows; HTML tags: nothing
      }
    }
  }

  /// Adds a text or code node's literal. Escapes and entity references make the literal differ
  /// from what was written, so each byte is matched to the next equal byte written near it.
  void AddLiteral(cmark_node* node, TextBuilder& out) const {
    const std::string_view literal = LiteralOf(node);
    const SourceLoc start = StartOf(node, out.loc());
    const std::string_view written =
        cmark_node_get_end_line(node) == start.line
            ? source_.Span(start.line, start.column, cmark_node_get_end_column(node))
            : std::string_view();
    std::vector<SourceLoc> locs(literal.size(), start);
    size_t at = 0;  // the next byte of |written| not matched yet
    for (size_t i = 0; i < literal.size() && !written.empty(); ++i) {
      const size_t found = at < written.size() ? written.substr(at, kAlignWindow).find(literal[i])
                                               : std::string_view::npos;
      if (found != std::string_view::npos) at += found;
      locs[i].column = start.column + static_cast<int>(std::min(at, written.size() - 1));
      if (found != std::string_view::npos) ++at;
    }
    for (size_t i = 0; i < literal.size(); ++i) {
      if (literal.substr(i, 2) == "\xC2\xA0") {  // a no-break space is a space
        out.Add(' ', locs[i]);
        ++i;
      } else {
        out.Add(literal[i], locs[i]);
      }
    }
  }

  const Source& source_;
  std::vector<Block> blocks_;
};

}  // namespace

SourceLoc Text::At(size_t offset) const {
  if (offset < locs.size()) return locs[offset];
  if (locs.empty()) return loc;
  return {locs.back().line, locs.back().column + 1};
}

Document ReadDocument(std::string_view markdown) {
  Document document;
  Source source(markdown);
  document.invalid_utf8 = source.invalid_utf8;
  if (source.nul_byte) {
    document.nul_byte = source.nul_byte;
    return document;
  }
  // A fence or comment never closed swallows the rest of its container: its first line is blanked
  // and the document read again, until none is left.
  std::vector<Block> unclosed;
  NodePtr root = Parse(source.text());
  for (int reading = 0; reading < kMostRereadings; ++reading) {
    std::vector<Block> found = FindUnclosed(root.get(), source);
    const size_t before = unclosed.size();
    for (Block& block : found) {
      if (source.Blank(block.loc)) unclosed.push_back(std::move(block));
    }
    if (unclosed.size() == before) break;  // nothing left to blank: read it as CommonMark does
    root = Parse(source.text());
  }
  document.blocks = BlockCollector(source).Collect(root.get());
  // Blocks come in document order, each starting on a line no earlier than the one before.
  document.blocks.insert(document.blocks.end(), std::make_move_iterator(unclosed.begin()),
                         std::make_move_iterator(unclosed.end()));
  std::stable_sort(document.blocks.begin(), document.blocks.end(),
                   [](const Block& a, const Block& b) { return a.loc.line < b.loc.line; });
  return document;
}

}  // namespace yardstick::ladder::markdown
