/* The reference model: registry, run modes, instances, sessions, databases, the streaming-backup state machine
 * and the stop rules, as docs/api.md describes them, in plain C with no I/O. The driver (driver.c) issues each call to
 * libesent and to the model and compares return codes and the deterministic out-parameters.
 *
 * Instances and sessions are named by slots, not handles: the driver maps slots to the library's handles. */
#ifndef ESENT_MODEL_H
#define ESENT_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define MODEL_INSTANCES 3 /* instance slots per driver thread */
#define MODEL_SESSIONS 2  /* session slots per instance slot */
#define MODEL_DBS 2       /* database files per instance slot */
#define FOLDER_GLOBAL (-1) /* the instance keeps its files in the global folders (made by JetInit(&0)) */

typedef enum { MODE_NOT_SET, MODE_ONE, MODE_MULTI } model_mode;
typedef enum { INST_NONE, INST_CREATED, INST_RUNNING } model_phase;
typedef enum { BK_NONE, BK_DATABASES, BK_LOGS } model_backup;

typedef struct {
    bool live;
    int level; /* transaction depth */
} model_session;

/* A database file of a slot: it outlives the instances that attach it. */
typedef struct {
    bool exists;
    int dirty_in;  /* the folder whose log must recover it (an instance ended dirty with it attached), or -2 */
    bool has_full; /* a full backup that truncated the logs is recorded in its header (incrementals need one) */
    unsigned path_len;
} model_db;

typedef struct {
    model_phase phase;
    int folder;        /* where its log is: its slot's number, or FOLDER_GLOBAL */
    bool attached[MODEL_DBS];
    long attach_order[MODEL_DBS];
    int opens[MODEL_DBS][MODEL_SESSIONS];
    bool copied[MODEL_DBS]; /* streamed to its end in the running full backup */
    unsigned long dbid[MODEL_DBS];
    bool named;        /* created with a name (the slot's); an unnamed one holds the one unnamed spot */
    long order;        /* creation order, for JetGetInstanceInfo */
    bool backup_allowed;
    bool service_stopped;
    bool stop_all;     /* a JetStopServiceInstance2(0): cannot be resumed */
    bool stop_backup;  /* JetStopBackup* requested */
    model_backup backup;
    bool backup_full;
    bool logs_prepared;
    bool logs_copied; /* every listed log streamed to its end and closed */
    bool truncated;
    model_session sessions[MODEL_SESSIONS];
} model_instance;

/* The process as one driver thread sees it. In threaded runs each thread has its own model and touches only its
 * own instances; `shared_mode` is false there and mode-dependent answers are limited to the ones every mode
 * gives alike. */
typedef struct {
    model_mode mode;
    bool shared_mode;
    int others;  /* instances of other threads (threaded runs: unknown, so 0 and counts are not compared) */
    long next_order;
    model_instance inst[MODEL_INSTANCES];
    model_db db[MODEL_INSTANCES][MODEL_DBS]; /* the slot's database files */
} model_state;

/* How a call names its instance: the slot's current handle, or one of the special values. */
typedef enum { H_SLOT, H_ZERO, H_NIL, H_FORGED, H_STALE } handle_kind;

/* Returned instead of a JET_ERR when the call would succeed but leave an instance or session the driver has no
 * slot for: the driver then makes no call (the same rule on every replay, so sequences stay reproducible). */
#define MODEL_SKIP 1

void model_init(model_state *m, bool shared_mode);
int model_live_instances(const model_state *m);

/* Each returns the JET_ERR the call must give; the out-parameters the model can predict are returned through
 * the pointers (NULL when the caller does not need them). */
long model_enable_multi(model_state *m);
long model_create_instance(model_state *m, int slot, bool named);
long model_init_instance(model_state *m, int slot, handle_kind h, bool *destroyed, int *created_slot);
long model_term(model_state *m, int slot, handle_kind h, unsigned long grbit);
long model_begin_session(model_state *m, int slot, handle_kind h, int *found, int *ses);
long model_end_session(model_state *m, int slot, int ses, bool stale, unsigned long grbit);
long model_begin_transaction(model_state *m, int slot, int ses, bool stale);
long model_commit(model_state *m, int slot, int ses, bool stale, unsigned long grbit);
long model_rollback(model_state *m, int slot, int ses, bool stale, unsigned long grbit);
long model_begin_backup(model_state *m, int slot, handle_kind h, unsigned long grbit);
long model_attach_info(model_state *m, int slot, handle_kind h, unsigned long *cb);
long model_log_info(model_state *m, int slot, handle_kind h);
long model_truncate(model_state *m, int slot, handle_kind h);
/* Streaming every log the last JetGetLogInfoInstance listed (open, read to the end, close): the code of the first
 * open, or MODEL_SKIP when the driver has no current list (no list yet in this backup, or logs truncated). */
long model_copy_logs(model_state *m, int slot, handle_kind h);
long model_read_no_file(model_state *m, int slot, handle_kind h);
long model_close_no_file(model_state *m, int slot, handle_kind h);
long model_end_backup(model_state *m, int slot, handle_kind h, unsigned long grbit);
long model_stop_backup(model_state *m, int slot, handle_kind h);
long model_stop_service(model_state *m, int slot, handle_kind h, unsigned long grbit);
long model_instance_info(model_state *m, unsigned long *count);

/* Databases: file `k` of the session's slot; on success `m->inst[slot].dbid[k]` is the dbid the call gives. */
long model_create_db(model_state *m, int slot, int ses, bool stale, int k);
long model_attach_db(model_state *m, int slot, int ses, bool stale, int k);
long model_detach_db(model_state *m, int slot, int ses, bool stale, int k);
long model_open_db(model_state *m, int slot, int ses, bool stale, int k);
long model_close_db(model_state *m, int slot, int ses, bool stale, int k);
/* Streaming every database the slot's instance has attached (open, read to the end, close): the code of the
 * first open, or MODEL_SKIP when there is none to stream or the call would not name the slot's instance. */
long model_copy_dbs(model_state *m, int slot, handle_kind h);

#endif
