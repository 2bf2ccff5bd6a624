/* The seeded random API driver: random sequences of calls (valid and invalid handles, grbits and states) issued to
 * libesent and to the reference model (model.c), comparing every return code and every out-parameter the model
 * predicts. A mismatch prints the seed and the shortest sequence (found by removing calls while the mismatch stays)
 * that reproduces it, then exits 1.
 *
 * Usage: model-driver [--seed N] [--sequences N | --calls N] [--threads N] [--folder DIR]
 *   --threads 1: one thread, the whole model (run modes, one-instance mode, unnamed instances, instance counts).
 *   --threads N: one single-threaded sample first, then N threads at once, each with its own instances in
 *                multi-instance mode (answers that depend on other threads' instances are not compared).
 * Every sequence starts from no instance and ends by terminating what it left; folders are wiped in between. */
#define _GNU_SOURCE
#include <esent.h>

#include <ftw.h>

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"

typedef enum {
    OP_ENABLE_MULTI, OP_CREATE, OP_INIT, OP_TERM, OP_BEGIN_SESSION, OP_END_SESSION, OP_BEGIN_TX, OP_COMMIT,
    OP_ROLLBACK, OP_BACKUP_BEGIN, OP_ATTACH_INFO, OP_LOG_INFO, OP_TRUNCATE, OP_READ, OP_CLOSE, OP_BACKUP_END,
    OP_STOP_BACKUP, OP_STOP_SERVICE, OP_INSTANCE_INFO, OP_COPY_LOGS, OP_CREATE_DB, OP_ATTACH_DB, OP_DETACH_DB,
    OP_OPEN_DB, OP_CLOSE_DB, OP_COPY_DBS, OP_KINDS
} op_kind;

static const char *op_names[OP_KINDS] = {
    "JetEnableMultiInstance", "JetCreateInstance", "JetInit", "JetTerm2", "JetBeginSession", "JetEndSession",
    "JetBeginTransaction", "JetCommitTransaction", "JetRollback", "JetBeginExternalBackupInstance",
    "JetGetAttachInfoInstance", "JetGetLogInfoInstance", "JetTruncateLogInstance", "JetReadFileInstance",
    "JetCloseFileInstance", "JetEndExternalBackupInstance2", "JetStopBackupInstance", "JetStopServiceInstance2",
    "JetGetInstanceInfo", "JetOpenFileInstance (every listed log)", "JetCreateDatabase", "JetAttachDatabase",
    "JetDetachDatabase", "JetOpenDatabase", "JetCloseDatabase", "JetOpenFileInstance (every attached database)",
};
/* How often each call is drawn, out of the sum. */
static const int op_weights[OP_KINDS] = {2, 8, 8, 4, 8, 3, 6, 6, 3, 6, 4, 6, 3, 2, 2, 5, 3, 1, 2, 6, 10, 8, 8, 4, 10, 6};

typedef struct {
    uint8_t kind, slot, h, ses, arg;
} op;

#define MAX_OPS 160

typedef struct {
    int index;
    bool shared; /* the one-thread run: the whole process is this thread's */
    char root[PATH_MAX];
    model_state m;
    JET_INSTANCE handle[MODEL_INSTANCES], stale[MODEL_INSTANCES];
    JET_SESID ses[MODEL_INSTANCES][MODEL_SESSIONS], stale_ses[MODEL_INSTANCES][MODEL_SESSIONS];
    unsigned long long calls;
    unsigned long long succeeded[OP_KINDS];
    bool failed;
    char failure[512];
    op ops[MAX_OPS];
    int nops;
    /* The last log list each slot's instance gave (multi-string), for streaming the logs. */
    char logs[MODEL_INSTANCES][1 << 16];
    /* The database files of each slot (absolute paths). */
    char db[MODEL_INSTANCES][MODEL_DBS][PATH_MAX + 32];
    uint64_t rng;
    unsigned long long sequence;
} ctx;

static uint64_t next_random(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static const JET_INSTANCE forged_instance = 0x1234567;
static const JET_SESID forged_session = 0x7654321;

static JET_INSTANCE instance_handle(ctx *c, int slot, handle_kind h) {
    switch (h) {
    case H_SLOT:
        if (c->m.inst[slot].phase != INST_NONE) return c->handle[slot];
        /* the slot is empty: its last handle is stale */
        __attribute__((fallthrough));
    case H_STALE: return c->stale[slot] ? c->stale[slot] : forged_instance;
    case H_ZERO: return 0;
    case H_NIL: return JET_instanceNil;
    default: return forged_instance;
    }
}

static void slot_folder(ctx *c, int slot, char *out, size_t n) {
    if (slot < 0) snprintf(out, n, "%s/g/", c->root);
    else snprintf(out, n, "%s/s%d/", c->root, slot);
}

/* Where a new instance keeps its files: its slot's folder (parameters set right after JetCreateInstance). */
static int set_folders(JET_INSTANCE inst, const char *folder) {
    char temp[PATH_MAX + 16];
    snprintf(temp, sizeof temp, "%stmp.edb", folder);
    JET_ERR e = JetSetSystemParameterA(&inst, 0, JET_paramSystemPath, 0, folder);
    if (!e) e = JetSetSystemParameterA(&inst, 0, JET_paramLogFilePath, 0, folder);
    if (!e) e = JetSetSystemParameterA(&inst, 0, JET_paramTempPath, 0, temp);
    return (int)e;
}

static void forget_instance(ctx *c, int slot) {
    c->stale[slot] = c->handle[slot];
    for (int k = 0; k < MODEL_SESSIONS; k++)
        if (c->ses[slot][k]) c->stale_ses[slot][k] = c->ses[slot][k];
    memset(c->ses[slot], 0, sizeof c->ses[slot]);
}

static void describe(const op *o, char *out, size_t n) {
    static const char *kinds[] = {"slot", "0", "JET_instanceNil", "forged", "stale"};
    snprintf(out, n, "%-32s slot %d handle %-15s session %d arg 0x%02x", op_names[o->kind], o->slot, kinds[o->h],
             o->ses, o->arg);
}

#define COMPARE(c, o, got, want)                                                                                   \
    do {                                                                                                           \
        long got_ = (long)(got), want_ = (long)(want);                                                             \
        if (got_ != want_) {                                                                                       \
            char d_[160];                                                                                          \
            describe(o, d_, sizeof d_);                                                                            \
            snprintf((c)->failure, sizeof (c)->failure, "%s: %s is %ld, the model says %ld", d_, #got, got_,      \
                     want_);                                                                                       \
            (c)->failed = true;                                                                                    \
            return;                                                                                                \
        }                                                                                                          \
    } while (0)

/* A call's return code against the model's, counted when both say success. */
#define CHECK_CALL(c, o, call, want)                                                                               \
    do {                                                                                                           \
        COMPARE(c, o, call, want);                                                                                 \
        if ((want) == 0) (c)->succeeded[(o)->kind]++;                                                              \
    } while (0)

/* Which database file of the slot a call names: half the time one the call can work on (an open one for a close,
 * an attached one for a detach or an open, a detached file for an attach) through a live session, else any;
 * chosen from the model's state, so a replay chooses the same. */
static int pick_db(const model_state *m, int slot, int *ses, op_kind kind, unsigned a) {
    int k = (int)((a >> 1) % MODEL_DBS);
    if (!(a & 1) || m->inst[slot].phase == INST_NONE) return k;
    const model_instance *i = &m->inst[slot];
    for (int e = 0; e < MODEL_SESSIONS && !i->sessions[*ses].live; e++) *ses = (*ses + 1) % MODEL_SESSIONS;
    for (int j = 0; j < MODEL_DBS; j++) {
        int t = (k + j) % MODEL_DBS;
        bool open = false;
        for (int e = 0; e < MODEL_SESSIONS; e++) open |= i->opens[t][e] > 0;
        if (kind == OP_CLOSE_DB) {
            /* and the session that has it open */
            for (int e = 0; e < MODEL_SESSIONS; e++)
                if (i->attached[t] && i->opens[t][(*ses + e) % MODEL_SESSIONS] > 0) {
                    *ses = (*ses + e) % MODEL_SESSIONS;
                    return t;
                }
            continue;
        }
        bool fits = kind == OP_ATTACH_DB   ? !i->attached[t] && m->db[slot][t].exists
                    : kind == OP_DETACH_DB ? i->attached[t] && !open
                                           : i->attached[t];
        if (fits) return t;
    }
    return k;
}

/* One call to the library and to the model. */
static void run_op(ctx *c, const op *o) {
    model_state *m = &c->m;
    int slot = o->slot % MODEL_INSTANCES, sk = o->ses % MODEL_SESSIONS;
    handle_kind h = (handle_kind)(o->h % 5);
    unsigned a = o->arg;
    bool stale = (a & 0xC0) == 0xC0 || !c->ses[slot][sk] || m->inst[slot].phase == INST_NONE;
    JET_SESID sesid = stale ? (c->stale_ses[slot][sk] ? c->stale_ses[slot][sk] : forged_session) : c->ses[slot][sk];
    JET_INSTANCE inst = instance_handle(c, slot, h);
    char folder[PATH_MAX + 8];
    long want;
    JET_ERR got;
    switch ((op_kind)o->kind) {
    case OP_ENABLE_MULTI:
        if (!c->shared) return; /* the answer depends on the other threads */
        want = model_enable_multi(m);
        c->calls++;
        CHECK_CALL(c, o, JetEnableMultiInstanceA(NULL, 0, NULL), want);
        return;
    case OP_CREATE: {
        bool named = !c->shared || (a & 3) != 0; /* unnamed instances collide across threads */
        want = model_create_instance(m, slot, named);
        if (want == MODEL_SKIP) return;
        char name[64];
        snprintf(name, sizeof name, "t%d-s%d", c->index, slot);
        JET_INSTANCE out = 0;
        c->calls++;
        got = JetCreateInstanceA(&out, named ? name : NULL);
        CHECK_CALL(c, o, got, want);
        if (got < 0) {
            COMPARE(c, o, out == JET_instanceNil, 1);
            return;
        }
        c->handle[slot] = out;
        slot_folder(c, slot, folder, sizeof folder);
        COMPARE(c, o, set_folders(out, folder), 0);
        return;
    }
    case OP_INIT: {
        /* JetInit(&0) would start one-instance mode under other threads' feet, and creates only into an empty slot */
        if (!c->shared && (h == H_ZERO || h == H_NIL)) h = H_SLOT;
        if ((h == H_ZERO || h == H_NIL) && m->inst[slot].phase != INST_NONE) h = H_SLOT;
        inst = instance_handle(c, slot, h);
        bool destroyed;
        int created;
        want = model_init_instance(m, slot, h, &destroyed, &created);
        JET_INSTANCE io = inst;
        c->calls++;
        got = JetInit(&io);
        CHECK_CALL(c, o, got, want);
        if (created >= 0) c->handle[created] = io;
        else if (got < 0) COMPARE(c, o, io, destroyed ? 0 : inst);
        else COMPARE(c, o, io, inst);
        return;
    }
    case OP_TERM: {
        static const unsigned long grbits[] = {0, JET_bitTermAbrupt, JET_bitTermDirty, JET_bitTermStopBackup,
                                               JET_bitTermComplete, 0x100, JET_bitTermAbrupt, 0};
        unsigned long grbit = grbits[a % 8];
        int before[MODEL_INSTANCES];
        for (int i = 0; i < MODEL_INSTANCES; i++) before[i] = m->inst[i].phase != INST_NONE;
        want = model_term(m, slot, h, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetTerm2(inst, grbit), want);
        for (int i = 0; i < MODEL_INSTANCES; i++)
            if (before[i] && m->inst[i].phase == INST_NONE) forget_instance(c, i);
        return;
    }
    case OP_BEGIN_SESSION: {
        int found = -1, k = -1;
        want = model_begin_session(m, slot, h, &found, &k);
        if (want == MODEL_SKIP) return;
        JET_SESID out = 0xDEAD;
        c->calls++;
        got = JetBeginSessionA(inst, &out, "", "");
        CHECK_CALL(c, o, got, want);
        if (got < 0) COMPARE(c, o, out, 0xDEAD);
        else c->ses[found][k] = out;
        return;
    }
    case OP_END_SESSION: {
        unsigned long grbit = (a & 3) == 3 ? 2 : (a & 1);
        want = model_end_session(m, slot, sk, stale, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetEndSession(sesid, grbit), want);
        if (want == 0) {
            c->stale_ses[slot][sk] = sesid;
            c->ses[slot][sk] = 0;
        }
        return;
    }
    case OP_BEGIN_TX:
        want = model_begin_transaction(m, slot, sk, stale);
        c->calls++;
        CHECK_CALL(c, o, JetBeginTransaction(sesid), want);
        return;
    case OP_COMMIT: {
        static const unsigned long grbits[] = {0, JET_bitCommitLazyFlush, 0, JET_bitForceNewLog,
                                               JET_bitWaitLastLevel0Commit, 0x400, 0, JET_bitCommitLazyFlush};
        unsigned long grbit = grbits[a % 8];
        want = model_commit(m, slot, sk, stale, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetCommitTransaction(sesid, grbit), want);
        return;
    }
    case OP_ROLLBACK: {
        unsigned long grbit = (a & 3) == 3 ? 2 : (a & 1);
        want = model_rollback(m, slot, sk, stale, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetRollback(sesid, grbit), want);
        return;
    }
    case OP_BACKUP_BEGIN: {
        static const unsigned long grbits[] = {0, 0, JET_bitBackupIncremental, 0x4};
        unsigned long grbit = grbits[a % 4];
        want = model_begin_backup(m, slot, h, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetBeginExternalBackupInstance(inst, grbit), want);
        return;
    }
    case OP_ATTACH_INFO: {
        unsigned long cb = 0xBEEF, want_cb = 0xBEEF;
        char buffer[4096];
        want = model_attach_info(m, slot, h, &want_cb);
        c->calls++;
        CHECK_CALL(c, o, JetGetAttachInfoInstanceA(inst, buffer, sizeof buffer, &cb), want);
        if (want == 0) COMPARE(c, o, cb, want_cb);
        return;
    }
    case OP_LOG_INFO: {
        static _Thread_local char buffer[1 << 16];
        unsigned long cb = 0;
        int s = slot;
        if (m->mode == MODE_ONE && h != H_SLOT && h != H_FORGED && h != H_STALE)
            for (int i = 0; i < MODEL_INSTANCES; i++)
                if (m->inst[i].phase != INST_NONE) s = i;
        want = model_log_info(m, slot, h);
        c->calls++;
        CHECK_CALL(c, o, JetGetLogInfoInstanceA(inst, buffer, sizeof buffer, &cb), want);
        if (want == 0) memcpy(c->logs[s], buffer, sizeof buffer);
        return;
    }
    case OP_COPY_LOGS: {
        static _Thread_local _Alignas(4096) char buffer[3 * 4096];
        want = model_copy_logs(m, slot, h);
        if (want == MODEL_SKIP) return;
        for (const char *path = c->logs[slot]; *path; path += strlen(path) + 1) {
            JET_HANDLE file = 0;
            unsigned long lo = 0, hi = 0, got = 0;
            c->calls++;
            CHECK_CALL(c, o, JetOpenFileInstanceA(inst, path, &file, &lo, &hi), want);
            if (want != 0) return;
            do {
                c->calls++;
                CHECK_CALL(c, o, JetReadFileInstance(inst, file, buffer, sizeof buffer, &got), 0);
            } while (got > 0);
            c->calls++;
            CHECK_CALL(c, o, JetCloseFileInstance(inst, file), 0);
        }
        return;
    }
    case OP_TRUNCATE:
        want = model_truncate(m, slot, h);
        c->calls++;
        CHECK_CALL(c, o, JetTruncateLogInstance(inst), want);
        return;
    case OP_READ: {
        static _Alignas(4096) char buffer[3 * 4096];
        unsigned long cb = 0xBEEF;
        want = model_read_no_file(m, slot, h);
        c->calls++;
        CHECK_CALL(c, o, JetReadFileInstance(inst, 0, buffer, sizeof buffer, &cb), want);
        COMPARE(c, o, cb, 0xBEEF);
        return;
    }
    case OP_CLOSE:
        want = model_close_no_file(m, slot, h);
        c->calls++;
        CHECK_CALL(c, o, JetCloseFileInstance(inst, 0), want);
        return;
    case OP_BACKUP_END: {
        static const unsigned long grbits[] = {JET_bitBackupEndNormal, JET_bitBackupEndAbort, 0,
                                               JET_bitBackupEndNormal | JET_bitBackupEndAbort,
                                               JET_bitBackupEndNormal | JET_bitBackupTruncateDone,
                                               JET_bitBackupEndNormal, JET_bitBackupEndAbort, JET_bitBackupEndNormal};
        unsigned long grbit = grbits[a % 8];
        want = model_end_backup(m, slot, h, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetEndExternalBackupInstance2(inst, grbit), want);
        return;
    }
    case OP_STOP_BACKUP:
        want = model_stop_backup(m, slot, h);
        c->calls++;
        CHECK_CALL(c, o, JetStopBackupInstance(inst), want);
        return;
    case OP_STOP_SERVICE: {
        static const unsigned long grbits[] = {JET_bitStopServiceResume, JET_bitStopServiceBackgroundUserTasks,
                                               JET_bitStopServiceResume | JET_bitStopServiceBackgroundUserTasks,
                                               0x1000, 0, JET_bitStopServiceResume, JET_bitStopServiceQuiesceCaches,
                                               JET_bitStopServiceResume};
        unsigned long grbit = grbits[a % 8];
        want = model_stop_service(m, slot, h, grbit);
        c->calls++;
        CHECK_CALL(c, o, JetStopServiceInstance2(inst, grbit), want);
        return;
    }
    case OP_INSTANCE_INFO: {
        unsigned long count = 0, want_count = 0;
        JET_INSTANCE_INFO_A *info = NULL;
        want = model_instance_info(m, &want_count);
        c->calls++;
        got = JetGetInstanceInfoA(&count, &info);
        CHECK_CALL(c, o, got, want);
        if (info) JetFreeBuffer((char *)info);
        if (c->shared) COMPARE(c, o, count, want_count);
        return;
    }
    case OP_CREATE_DB: {
        int k = pick_db(m, slot, &sk, (op_kind)o->kind, a);
        stale = (a & 0xC0) == 0xC0 || !c->ses[slot][sk] || m->inst[slot].phase == INST_NONE;
        sesid = stale ? (c->stale_ses[slot][sk] ? c->stale_ses[slot][sk] : forged_session) : c->ses[slot][sk];
        want = model_create_db(m, slot, sk, stale, k);
        JET_DBID dbid = 0xBEEF;
        c->calls++;
        CHECK_CALL(c, o, JetCreateDatabaseA(sesid, c->db[slot][k], NULL, &dbid, 0), want);
        if (want == 0) COMPARE(c, o, dbid, m->inst[slot].dbid[k]);
        return;
    }
    case OP_ATTACH_DB: {
        int k = pick_db(m, slot, &sk, (op_kind)o->kind, a);
        stale = (a & 0xC0) == 0xC0 || !c->ses[slot][sk] || m->inst[slot].phase == INST_NONE;
        sesid = stale ? (c->stale_ses[slot][sk] ? c->stale_ses[slot][sk] : forged_session) : c->ses[slot][sk];
        want = model_attach_db(m, slot, sk, stale, k);
        c->calls++;
        CHECK_CALL(c, o, JetAttachDatabaseA(sesid, c->db[slot][k], 0), want);
        return;
    }
    case OP_DETACH_DB: {
        int k = pick_db(m, slot, &sk, (op_kind)o->kind, a);
        stale = (a & 0xC0) == 0xC0 || !c->ses[slot][sk] || m->inst[slot].phase == INST_NONE;
        sesid = stale ? (c->stale_ses[slot][sk] ? c->stale_ses[slot][sk] : forged_session) : c->ses[slot][sk];
        want = model_detach_db(m, slot, sk, stale, k);
        c->calls++;
        CHECK_CALL(c, o, JetDetachDatabaseA(sesid, c->db[slot][k]), want);
        return;
    }
    case OP_OPEN_DB: {
        int k = pick_db(m, slot, &sk, (op_kind)o->kind, a);
        stale = (a & 0xC0) == 0xC0 || !c->ses[slot][sk] || m->inst[slot].phase == INST_NONE;
        sesid = stale ? (c->stale_ses[slot][sk] ? c->stale_ses[slot][sk] : forged_session) : c->ses[slot][sk];
        want = model_open_db(m, slot, sk, stale, k);
        JET_DBID dbid = 0xBEEF;
        c->calls++;
        CHECK_CALL(c, o, JetOpenDatabaseA(sesid, c->db[slot][k], NULL, &dbid, 0), want);
        if (want == 0) COMPARE(c, o, dbid, m->inst[slot].dbid[k]);
        return;
    }
    case OP_CLOSE_DB: {
        int k = pick_db(m, slot, &sk, (op_kind)o->kind, a);
        stale = (a & 0xC0) == 0xC0 || !c->ses[slot][sk] || m->inst[slot].phase == INST_NONE;
        sesid = stale ? (c->stale_ses[slot][sk] ? c->stale_ses[slot][sk] : forged_session) : c->ses[slot][sk];
        /* A detached database's dbid may be another's now: ask with one no database has then. */
        JET_DBID dbid = m->inst[slot].phase != INST_NONE && m->inst[slot].attached[k] ? m->inst[slot].dbid[k] : 7;
        want = model_close_db(m, slot, sk, stale, k);
        c->calls++;
        CHECK_CALL(c, o, JetCloseDatabase(sesid, dbid, 0), want);
        return;
    }
    case OP_COPY_DBS: {
        static _Thread_local _Alignas(4096) char buffer[4 * 4096];
        bool attached[MODEL_DBS];
        for (int k = 0; k < MODEL_DBS; k++) attached[k] = m->inst[slot].attached[k];
        want = model_copy_dbs(m, slot, h);
        if (want == MODEL_SKIP) return;
        for (int k = 0; k < MODEL_DBS; k++) {
            if (!attached[k]) continue;
            JET_HANDLE file = 0;
            unsigned long lo = 0, hi = 0, got = 0;
            c->calls++;
            CHECK_CALL(c, o, JetOpenFileInstanceA(inst, c->db[slot][k], &file, &lo, &hi), want);
            if (want != 0) return;
            do {
                c->calls++;
                CHECK_CALL(c, o, JetReadFileInstance(inst, file, buffer, sizeof buffer, &got), 0);
            } while (got > 0);
            c->calls++;
            CHECK_CALL(c, o, JetCloseFileInstance(inst, file), 0);
        }
        return;
    }
    default: return;
    }
}

/* Back to no instance: terminate what the sequence left, wipe its folders, a fresh model. */
static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* rm -rf in this process: system() forks, and a child holds copies of every descriptor (and so the lock of a
 * database another thread has just detached) until its exec, which made that thread's next attach fail. */
static int wipe(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) return 0;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void reset(ctx *c) {
    for (int i = 0; i < MODEL_INSTANCES; i++)
        if (c->m.inst[i].phase != INST_NONE) JetTerm2(c->handle[i], JET_bitTermAbrupt);
    if (c->shared) {
        /* JetEnableMultiInstance with no instance leaves multi-instance mode set until an instance comes and goes. */
        JET_INSTANCE x = 0;
        if (JetCreateInstanceA(&x, "driver-reset") == JET_errSuccess) JetTerm(x);
    }
    if (wipe(c->root) != 0) fprintf(stderr, "driver: could not wipe %s\n", c->root);
    mkdir(c->root, 0700);
    model_init(&c->m, c->shared);
    /* The slots' database files live apart from every instance's folders. */
    char dbs[PATH_MAX + 8], real[PATH_MAX + 8];
    snprintf(dbs, sizeof dbs, "%s/dbs", c->root);
    mkdir(dbs, 0700);
    if (!realpath(dbs, real)) snprintf(real, sizeof real, "%s", dbs);
    for (int s = 0; s < MODEL_INSTANCES; s++)
        for (int k = 0; k < MODEL_DBS; k++) {
            snprintf(c->db[s][k], sizeof c->db[s][k], "%s/s%d-d%d.edb", real, s, k);
            c->m.db[s][k].path_len = (unsigned)strlen(c->db[s][k]);
        }
    if (!c->shared) c->m.mode = MODE_MULTI;
    memset(c->handle, 0, sizeof c->handle);
    memset(c->ses, 0, sizeof c->ses);
    c->failed = false;
}

static op random_op(uint64_t *rng) {
    static int total;
    if (!total)
        for (int k = 0; k < OP_KINDS; k++) total += op_weights[k];
    uint64_t r = next_random(rng);
    int pick = (int)(r % (uint64_t)total), kind = 0;
    while (pick >= op_weights[kind]) pick -= op_weights[kind++];
    op o = {(uint8_t)kind, (uint8_t)((r >> 16) % MODEL_INSTANCES), 0, (uint8_t)((r >> 24) & 1), (uint8_t)(r >> 32)};
    /* Mostly the slot's own handle; the special handles a quarter of the time. */
    unsigned hr = (unsigned)(r >> 40) % 16;
    o.h = hr < 12 ? H_SLOT : (uint8_t)(hr - 11);
    return o;
}

/* Runs `ops` (a subset of a sequence) from a clean state; true when a mismatch shows. */
static bool replay(ctx *c, const op *ops, int n) {
    reset(c);
    for (int i = 0; i < n && !c->failed; i++) run_op(c, &ops[i]);
    bool failed = c->failed;
    char keep[512];
    memcpy(keep, c->failure, sizeof keep);
    reset(c);
    memcpy(c->failure, keep, sizeof keep);
    return failed;
}

/* Removes calls while the mismatch stays: chunks of halving size, then single calls. */
static int shrink(ctx *c, op *ops, int n) {
    for (int chunk = n / 2; chunk >= 1; chunk /= 2) {
        for (int start = 0; start + chunk <= n;) {
            op trial[MAX_OPS];
            int m = 0;
            for (int i = 0; i < n; i++)
                if (i < start || i >= start + chunk) trial[m++] = ops[i];
            if (replay(c, trial, m)) {
                memcpy(ops, trial, sizeof(op) * (size_t)m);
                n = m;
            } else {
                start += chunk;
            }
        }
    }
    return n;
}

static void report(ctx *c, unsigned long long seed) {
    fprintf(stderr, "model-driver: MISMATCH (seed %llu, thread %d, sequence %llu)\n  %s\n", seed, c->index,
            c->sequence, c->failure);
    op ops[MAX_OPS];
    int n = c->nops;
    memcpy(ops, c->ops, sizeof(op) * (size_t)n);
    bool shared = c->shared;
    if (!replay(c, ops, n)) {
        fprintf(stderr, "  not reproducible by this thread's calls alone (an interleaving with other threads);"
                        " its %d calls:\n", n);
    } else {
        n = shrink(c, ops, n);
        replay(c, ops, n);
        fprintf(stderr, "  shortest reproducing sequence (%d calls, %s run):\n  %s\n", n,
                shared ? "one-thread" : "per-thread", c->failure);
    }
    for (int i = 0; i < n; i++) {
        char d[160];
        describe(&ops[i], d, sizeof d);
        fprintf(stderr, "    %2d. %s\n", i + 1, d);
    }
}

typedef struct {
    ctx *c;
    unsigned long long sequences, calls;
} work;

static void *run_thread(void *arg) {
    work *w = arg;
    ctx *c = w->c;
    reset(c);
    for (c->sequence = 0; (w->sequences && c->sequence < w->sequences) || (w->calls && c->calls < w->calls);
         c->sequence++) {
        c->nops = 1 + (int)(next_random(&c->rng) % MAX_OPS);
        for (int i = 0; i < c->nops; i++) c->ops[i] = random_op(&c->rng);
        for (int i = 0; i < c->nops; i++) {
            run_op(c, &c->ops[i]);
            if (c->failed) {
                c->nops = i + 1; /* the calls up to the mismatch */
                return NULL;
            }
        }
        reset(c);
    }
    return NULL;
}

static unsigned long long succeeded[OP_KINDS];

static int run(const char *folder, unsigned long long seed, int threads, unsigned long long sequences,
               unsigned long long calls, unsigned long long *total) {
    ctx *cs = calloc((size_t)threads, sizeof *cs);
    work *ws = calloc((size_t)threads, sizeof *ws);
    pthread_t *ts = calloc((size_t)threads, sizeof *ts);
    if (!cs || !ws || !ts) return 2;
    for (int t = 0; t < threads; t++) {
        cs[t].index = t;
        cs[t].shared = threads == 1;
        cs[t].rng = seed * 1000003ULL + (unsigned long long)t * 7919ULL + (threads == 1 ? 0 : 1);
        snprintf(cs[t].root, sizeof cs[t].root, "%s/t%d", folder, t);
        ws[t] = (work){&cs[t], sequences, calls / (unsigned long long)threads};
    }
    /* Threads: an instance that stays for the whole run keeps the process in multi-instance mode (with none,
     * any thread's JetInit would start one-instance mode under the others). */
    JET_INSTANCE anchor = 0;
    if (threads > 1 && JetCreateInstanceA(&anchor, "driver-anchor") != JET_errSuccess) return 2;
    for (int t = 0; t < threads; t++) pthread_create(&ts[t], NULL, run_thread, &ws[t]);
    int failed = 0;
    for (int t = 0; t < threads; t++) pthread_join(ts[t], NULL);
    for (int t = 0; t < threads; t++) {
        *total += cs[t].calls;
        for (int k = 0; k < OP_KINDS; k++) succeeded[k] += cs[t].succeeded[k];
        if (cs[t].failed) {
            report(&cs[t], seed);
            failed = 1;
        }
    }
    if (anchor) JetTerm(anchor);
    free(cs);
    free(ws);
    free(ts);
    return failed;
}

int main(int argc, char **argv) {
    unsigned long long seed = 1, sequences = 0, calls = 0;
    int threads = 1;
    const char *folder = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--seed")) seed = strtoull(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--sequences")) sequences = strtoull(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--calls")) calls = strtoull(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--folder")) folder = argv[i + 1];
    }
    if (!sequences && !calls) sequences = 100;
    if (threads < 1) threads = 1;
    char made[] = "/tmp/esent-model-XXXXXX";
    if (!folder && !(folder = mkdtemp(made))) return 2;
    /* Global parameters every instance clones: small log files (the driver rolls often), folders created. */
    char global[PATH_MAX];
    snprintf(global, sizeof global, "%s/t0/g/", folder);
    JetSetSystemParameterA(NULL, 0, JET_paramCreatePathIfNotExist, 1, NULL);
    JetSetSystemParameterA(NULL, 0, JET_paramLogFileSize, 64, NULL);
    JetSetSystemParameterA(NULL, 0, JET_paramSystemPath, 0, global);
    JetSetSystemParameterA(NULL, 0, JET_paramLogFilePath, 0, global);
    unsigned long long total = 0;
    /* The whole model on one thread first, then the threads (each a share of the calls or all the sequences). */
    int failed = run(folder, seed, 1, sequences, calls / (threads > 1 ? 2 : 1), &total);
    if (!failed && threads > 1) failed = run(folder, seed, threads, sequences, calls / 2, &total);
    if (!failed && wipe(folder) != 0) fprintf(stderr, "driver: could not remove %s\n", folder);
    printf("model-driver: calls that succeeded, by function:");
    for (int k = 0; k < OP_KINDS; k++) printf("%s %s %llu", k ? "," : "", op_names[k], succeeded[k]);
    printf("\n");
    printf("model-driver: seed %llu, %d thread%s, %llu calls compared: %s\n", seed, threads, threads > 1 ? "s" : "",
           total, failed ? "MISMATCH" : "no mismatch");
    printf("model: %d passed, %d failed\n", failed ? 0 : 1, failed);
    return failed;
}
