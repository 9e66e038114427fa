#ifndef PEILI_CNCURSESW_SHIM_H
#define PEILI_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags: define them here or the wide-char API vanishes.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift 6 rejects mutable C globals and does not import function-like macros:
// these accessors are the only way PeiliTerminal reaches them.
static inline WINDOW *peili_stdscr(void) { return stdscr; }
static inline int peili_colors(void) { return COLORS; }
static inline int peili_color_pairs(void) { return COLOR_PAIRS; }
static inline int peili_maxx(WINDOW *w) { return getmaxx(w); }
static inline int peili_maxy(WINDOW *w) { return getmaxy(w); }
static inline FILE *peili_stdout(void) { return stdout; }
static inline FILE *peili_stdin(void) { return stdin; }
static inline attr_t peili_a_normal(void) { return A_NORMAL; }
static inline attr_t peili_a_bold(void) { return A_BOLD; }
static inline attr_t peili_a_reverse(void) { return A_REVERSE; }
static inline attr_t peili_a_underline(void) { return A_UNDERLINE; }
static inline attr_t peili_a_dim(void) { return A_DIM; }
static inline int peili_key_f(int n) { return KEY_F(n); }
static inline int peili_key_code_yes(void) { return KEY_CODE_YES; }
static inline const char *peili_codeset(void) { return nl_langinfo(CODESET); }
#endif
