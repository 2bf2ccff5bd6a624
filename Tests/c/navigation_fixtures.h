/* Fixtures of the navigation scenarios (Tests/c/test_isam_navigation.c), on fixture F of isam_fixtures.h: the
 * step sequences those scenarios repeat, so each scenario reads as the behaviour it checks. Every helper fails the
 * scenario on an unexpected result.
 */
#ifndef ESENT_TEST_NAVIGATION_FIXTURES_H
#define ESENT_TEST_NAVIGATION_FIXTURES_H

#include "isam_fixtures.h"

/* Fixture F inside a transaction opened first, as the ManagedEsent fixtures do. */
JET_TABLEID nav_in_transaction(isam_env *env);
/* Fixture F holding the records first..last (Insert(k) with its default columns), on the creating cursor. */
JET_TABLEID nav_keys(isam_env *env, int32_t first, int32_t last);
/* Closes the cursor and opens "table" again: a fresh cursor, in the deferred-first state. */
JET_TABLEID nav_reopen(isam_env *env, JET_TABLEID t);
/* ManagedEsent's rows for the two-column secondary index "secondarywithoutprimary": (key, d1, d2) = (5,20,200),
 * (2,20,200), (3,30,200), (1,10,100), (4,20,201); in that index: pk 1, 2, 5, 4, 3. */
void nav_insert_pairs(JET_SESID sesid, JET_TABLEID t);
/* Key(k), then JetSeek(grbit); returns JetSeek's result. */
JET_ERR nav_seek(JET_SESID sesid, JET_TABLEID t, int32_t k, JET_GRBIT grbit);
/* Key(limit), then JetSetIndexRange(grbit); returns JetSetIndexRange's result. */
JET_ERR nav_range(JET_SESID sesid, JET_TABLEID t, int32_t limit, JET_GRBIT grbit);

/* JetMove(crow, grbit) succeeds and the cursor is then on the record whose key column is k. */
#define EXPECT_MOVE(sesid, t, crow, grbit, k)                                                                    \
    do {                                                                                                         \
        EXPECT_ERR(JetMove((sesid), (t), (crow), (grbit)), JET_errSuccess);                                      \
        EXPECT_KEY((sesid), (t), (k));                                                                           \
    } while (0)

#endif
