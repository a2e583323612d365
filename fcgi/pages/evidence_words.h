#ifndef PAGES_EVIDENCE_WORDS_H
#define PAGES_EVIDENCE_WORDS_H

struct arena;

/* Evidence files described for people: "Photo", "2.4 MB". */
const char	*evidence_kind_words(const char *category);
const char	*evidence_size_words(struct arena *, long long bytes);

#endif
