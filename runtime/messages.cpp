#include "runtime/messages.h"

#include <atomic>
#include <cstdlib>
#include <fmt/args.h>

namespace award {

namespace {

constexpr MessageText kMessages[] = {
#define X(id, en, zh) {#id, en, zh},
    AWARD_MESSAGES(X)
#undef X
};

// Atomic only so that a reader on a worker thread is well defined; the
// language is set before any worker starts.
std::atomic<Lang> current{Lang::En};

bool starts_with_zh(const char* v) { return v[0] == 'z' && v[1] == 'h'; }

// Per thread: the language server and `award test` compile on several.
thread_local CodeRewriter rewriter = nullptr;

}  // namespace

std::span<const MessageText> all_messages() { return kMessages; }

Lang language() { return current.load(std::memory_order_relaxed); }
void set_language(Lang lang) { current.store(lang, std::memory_order_relaxed); }

std::optional<Lang> parse_language(std::string_view name) {
  if (name == "zh") return Lang::Zh;
  if (name == "en") return Lang::En;
  return std::nullopt;
}

Lang language_from_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  for (const char* v : {lc_all, lc_messages, lang})
    if (v && *v) return starts_with_zh(v) ? Lang::Zh : Lang::En;
  return Lang::En;
}

Lang language_from_environment() {
  return language_from_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

CodeRewriter code_rewriter() { return rewriter; }
CodeKeywords::CodeKeywords(CodeRewriter r) : saved_(rewriter) { rewriter = r; }
CodeKeywords::~CodeKeywords() { rewriter = saved_; }

const char* message_format(const MessageText& t, Lang lang) { return lang == Lang::Zh && *t.zh ? t.zh : t.en; }

const char* message_format(Msg m, Lang lang) { return message_format(kMessages[static_cast<size_t>(m)], lang); }

std::string Said::in(Lang lang) const {
  if (id == Msg::verbatim) return lang == Lang::Zh && !words_zh.empty() ? words_zh : words;
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(a.in(lang));
  return fmt::vformat(message_format(id, lang), store);
}

}  // namespace award
