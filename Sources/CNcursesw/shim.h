#ifndef PEILI_CNCURSESW_SHIM_H
#define PEILI_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags: define them here or the wide-char API vanishes.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/ncurses.h>
#endif
