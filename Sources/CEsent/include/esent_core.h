/*
 * esent.h as the library's own Swift code sees it: with the C spellings of the constants (plain literals) and
 * the undecorated names as macros, as before Swift clients got typed constants. Clients import CEsent instead.
 */
#ifndef LIBESENT_ESENT_CORE_H
#define LIBESENT_ESENT_CORE_H
#define LIBESENT_SWIFT_C_SPELLINGS 1
#include "../../../include/esent.h"
#endif
