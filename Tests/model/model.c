/* The reference model (model.h): each function is the rule docs/api.md states for the call, in check order. */
#include "model.h"

#include <esent.h>
#include <string.h>

void model_init(model_state *m, bool shared_mode) {
    memset(m, 0, sizeof *m);
    m->shared_mode = shared_mode;
    for (int s = 0; s < MODEL_INSTANCES; s++)
        for (int k = 0; k < MODEL_DBS; k++) m->db[s][k].dirty_in = -2;
}

int model_live_instances(const model_state *m) {
    int n = 0;
    for (int i = 0; i < MODEL_INSTANCES; i++) n += m->inst[i].phase != INST_NONE;
    return n;
}

static void remove_instance(model_state *m, int slot) {
    memset(&m->inst[slot], 0, sizeof m->inst[slot]);
    /* The last instance gone: the process has no mode again. */
    if (m->shared_mode && model_live_instances(m) == 0) m->mode = MODE_NOT_SET;
}

/* ErrFindPinst: which slot a handle names, or the error. */
static long find(model_state *m, int slot, handle_kind h, int *found) {
    bool explicit_handle = h == H_SLOT || h == H_FORGED || h == H_STALE;
    if (explicit_handle && (h != H_SLOT || m->inst[slot].phase == INST_NONE)) return JET_errInvalidInstance;
    if (m->mode == MODE_ONE) {
        for (int i = 0; i < MODEL_INSTANCES; i++)
            if (m->inst[i].phase != INST_NONE) {
                *found = i;
                return 0;
            }
        return JET_errInvalidParameter;
    }
    if (!explicit_handle) return JET_errInvalidParameter; /* multi-instance mode or none */
    *found = slot;
    return 0;
}

/* The instance API gate. */
static long gate(const model_instance *i) {
    if (i->service_stopped) return JET_errClientRequestToStopJetService;
    if (i->phase != INST_RUNNING) return JET_errNotInitialized;
    return 0;
}

long model_enable_multi(model_state *m) {
    switch (m->mode) {
    case MODE_ONE: return JET_errRunningInOneInstanceMode;
    case MODE_MULTI: return JET_errSystemParamsAlreadySet;
    default: m->mode = MODE_MULTI; return 0;
    }
}

static bool unnamed_exists(const model_state *m) {
    for (int i = 0; i < MODEL_INSTANCES; i++)
        if (m->inst[i].phase != INST_NONE && !m->inst[i].named) return true;
    return false;
}

static void add_instance(model_state *m, int slot, bool named, model_phase phase, int folder) {
    memset(&m->inst[slot], 0, sizeof m->inst[slot]);
    m->inst[slot].phase = phase;
    m->inst[slot].named = named;
    m->inst[slot].order = m->next_order++;
    m->inst[slot].folder = folder;
}

long model_create_instance(model_state *m, int slot, bool named) {
    if (m->mode == MODE_ONE) return JET_errRunningInOneInstanceMode;
    /* Names are per slot: the slot's own name, or none (one unnamed instance at most). */
    if (named ? (m->inst[slot].phase != INST_NONE && m->inst[slot].named) : unnamed_exists(m))
        return JET_errInstanceNameInUse;
    if (m->inst[slot].phase != INST_NONE) return MODEL_SKIP;
    m->mode = MODE_MULTI;
    add_instance(m, slot, named, INST_CREATED, slot);
    return 0;
}

/* JetInit: recovery of the instance's log makes every database it left attached at a crash clean again. */
static void start(model_state *m, int slot) {
    model_instance *i = &m->inst[slot];
    i->phase = INST_RUNNING;
    i->backup_allowed = true;
    for (int s = 0; s < MODEL_INSTANCES; s++)
        for (int k = 0; k < MODEL_DBS; k++)
            if (m->db[s][k].dirty_in == i->folder) m->db[s][k].dirty_in = -2;
}

long model_init_instance(model_state *m, int slot, handle_kind h, bool *destroyed, int *created_slot) {
    *destroyed = false;
    *created_slot = -1;
    switch (m->mode) {
    case MODE_ONE: return JET_errAlreadyInitialized;
    case MODE_NOT_SET:
        /* *pinstance is not looked at: a one-instance mode instance, unnamed, in the slot. */
        m->mode = MODE_ONE;
        add_instance(m, slot, false, INST_RUNNING, FOLDER_GLOBAL);
        start(m, slot);
        *created_slot = slot;
        return 0;
    case MODE_MULTI:
        /* JetInit(&0) creates an instance: only into an empty slot (else the slot's handle is passed). */
        if ((h == H_ZERO || h == H_NIL) && m->inst[slot].phase != INST_NONE) h = H_SLOT;
        if (h == H_ZERO || h == H_NIL) {
            if (unnamed_exists(m)) return JET_errInstanceNameInUse;
            add_instance(m, slot, false, INST_RUNNING, FOLDER_GLOBAL);
            start(m, slot);
            *created_slot = slot;
            return 0;
        }
        if (h != H_SLOT || m->inst[slot].phase == INST_NONE) return JET_errInvalidInstance;
        if (m->inst[slot].phase == INST_RUNNING) return JET_errAlreadyInitialized;
        start(m, slot);
        return 0;
    }
    return JET_errInternalError;
}

static void end_backup(model_instance *i) {
    memset(i->copied, 0, sizeof i->copied);
    i->backup = BK_NONE;
    i->logs_prepared = false;
    i->logs_copied = false;
    i->truncated = false;
    i->stop_backup = false;
}

long model_term(model_state *m, int slot, handle_kind h, unsigned long grbit) {
    unsigned long known = JET_bitTermComplete | JET_bitTermAbrupt | JET_bitTermStopBackup | JET_bitTermDirty;
    if (grbit & ~known) return JET_errInvalidGrbit;
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    model_instance *i = &m->inst[s];
    if (i->phase == INST_CREATED) {
        remove_instance(m, s);
        return 0;
    }
    i->backup_allowed = false;
    bool dirty = grbit & JET_bitTermDirty;
    if ((grbit & (JET_bitTermStopBackup | JET_bitTermAbrupt)) && i->backup != BK_NONE) end_backup(i);
    if (!dirty && i->backup != BK_NONE) return JET_errBackupInProgress;
    /* A clean term detaches every database clean; a dirty one leaves them for the log's next recovery. */
    for (int k = 0; k < MODEL_DBS; k++)
        if (dirty && i->attached[k]) m->db[s][k].dirty_in = i->folder;
    remove_instance(m, s);
    return dirty ? JET_errDirtyShutdown : 0;
}

long model_begin_session(model_state *m, int slot, handle_kind h, int *found, int *ses) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    if ((err = gate(&m->inst[s]))) return err;
    for (int k = 0; k < MODEL_SESSIONS; k++)
        if (!m->inst[s].sessions[k].live) {
            m->inst[s].sessions[k].live = true;
            m->inst[s].sessions[k].level = 0;
            *found = s;
            *ses = k;
            return 0;
        }
    return MODEL_SKIP;
}

/* The session gate: a dead session slot holds a stale handle. */
static long session(model_state *m, int slot, int ses, bool stale, bool ignore_stop, model_session **out) {
    model_instance *i = &m->inst[slot];
    if (stale || i->phase == INST_NONE || !i->sessions[ses].live) return JET_errInvalidSesid;
    if (!ignore_stop && i->service_stopped) return JET_errClientRequestToStopJetService;
    *out = &i->sessions[ses];
    return 0;
}

long model_end_session(model_state *m, int slot, int ses, bool stale, unsigned long grbit) {
    if (grbit & ~(unsigned long)JET_bitForceSessionClosed) return JET_errInvalidGrbit;
    model_session *x;
    long err = session(m, slot, ses, stale, true, &x);
    if (err) return err;
    x->live = false;
    for (int k = 0; k < MODEL_DBS; k++) m->inst[slot].opens[k][ses] = 0; /* its opens go with it */
    return 0;
}

long model_begin_transaction(model_state *m, int slot, int ses, bool stale) {
    model_session *x;
    long err = session(m, slot, ses, stale, false, &x);
    if (err) return err;
    if (x->level >= 7) return JET_errTransTooDeep;
    x->level++;
    return 0;
}

long model_commit(model_state *m, int slot, int ses, bool stale, unsigned long grbit) {
    unsigned long known =
        JET_bitCommitLazyFlush | JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit | JET_bitForceNewLog;
    if (grbit & ~known) return JET_errInvalidGrbit;
    model_session *x;
    long err = session(m, slot, ses, stale, false, &x);
    if (err) return err;
    if (grbit & (JET_bitForceNewLog | JET_bitWaitLastLevel0Commit | JET_bitWaitAllLevel0Commit)) return 0;
    if (x->level == 0) return JET_errNotInTransaction;
    x->level--;
    return 0;
}

long model_rollback(model_state *m, int slot, int ses, bool stale, unsigned long grbit) {
    if (grbit & ~(unsigned long)JET_bitRollbackAll) return JET_errInvalidGrbit;
    model_session *x;
    long err = session(m, slot, ses, stale, true, &x);
    if (err) return err;
    if (x->level == 0) return JET_errNotInTransaction;
    x->level = (grbit & JET_bitRollbackAll) ? 0 : x->level - 1;
    return 0;
}

/* Find, gate, then the checks every backup call but Begin, CloseFile and End starts with. */
static long backup_call(model_state *m, int slot, handle_kind h, model_instance **out) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    model_instance *i = &m->inst[s];
    if ((err = gate(i))) return err;
    if (i->backup == BK_NONE) return JET_errNoBackup;
    if (i->stop_backup) return JET_errBackupAbortByServer;
    *out = i;
    return 0;
}

long model_begin_backup(model_state *m, int slot, handle_kind h, unsigned long grbit) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    model_instance *i = &m->inst[s];
    if ((err = gate(i))) return err;
    if (!i->backup_allowed) return JET_errBackupNotAllowedYet;
    if (grbit & ~(unsigned long)JET_bitBackupIncremental) return JET_errInvalidGrbit;
    if (i->backup != BK_NONE) return JET_errBackupInProgress;
    bool incremental = grbit & JET_bitBackupIncremental;
    for (int k = 0; k < MODEL_DBS && incremental; k++)
        if (i->attached[k] && !m->db[s][k].has_full) return JET_errMissingFullBackup;
    memset(i->copied, 0, sizeof i->copied);
    i->backup = incremental ? BK_LOGS : BK_DATABASES;
    i->backup_full = !incremental;
    i->logs_prepared = false;
    i->logs_copied = false;
    i->truncated = false;
    i->stop_backup = false;
    return 0;
}

long model_attach_info(model_state *m, int slot, handle_kind h, unsigned long *cb) {
    model_instance *i;
    long err = backup_call(m, slot, h, &i);
    if (err) return err;
    if (!i->backup_full) return JET_errInvalidBackupSequence;
    /* Every attached database's absolute path and its NUL, then the closing NUL. */
    int s = (int)(i - m->inst);
    *cb = 1;
    for (int k = 0; k < MODEL_DBS; k++)
        if (i->attached[k]) *cb += m->db[s][k].path_len + 1;
    return 0;
}

long model_log_info(model_state *m, int slot, handle_kind h) {
    model_instance *i;
    long err = backup_call(m, slot, h, &i);
    if (err) return err;
    i->logs_prepared = true;
    i->backup = BK_LOGS;
    return 0;
}

long model_truncate(model_state *m, int slot, handle_kind h) {
    model_instance *i;
    long err = backup_call(m, slot, h, &i);
    if (err) return err;
    if (!i->logs_prepared) return JET_errInvalidBackupSequence;
    /* The range to copy is never empty (the list rolled the log): every log in it must have been streamed. */
    if (!i->logs_copied) return JET_errLogFileNotCopied;
    i->truncated = true;
    return 0;
}

long model_copy_logs(model_state *m, int slot, handle_kind h) {
    model_instance *i = &m->inst[slot];
    if (h != H_SLOT || i->phase != INST_RUNNING || !i->logs_prepared || i->truncated) return MODEL_SKIP;
    long err = gate(i);
    if (err) return err;
    if (i->stop_backup) return JET_errBackupAbortByServer;
    i->logs_copied = true;
    return 0;
}

long model_read_no_file(model_state *m, int slot, handle_kind h) {
    model_instance *i;
    long err = backup_call(m, slot, h, &i);
    return err ? err : JET_errInvalidParameter;
}

long model_close_no_file(model_state *m, int slot, handle_kind h) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    if ((err = gate(&m->inst[s]))) return err;
    return m->inst[s].backup == BK_NONE ? JET_errNoBackup : JET_errInvalidParameter;
}

long model_end_backup(model_state *m, int slot, handle_kind h, unsigned long grbit) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    model_instance *i = &m->inst[s];
    if ((err = gate(i))) return err;
    bool normal = grbit & JET_bitBackupEndNormal, abort_ = grbit & JET_bitBackupEndAbort;
    if (normal == abort_) return JET_errInvalidParameter;
    if (i->backup == BK_NONE) {
        i->stop_backup = false;
        return JET_errNoBackup;
    }
    /* A normal end after the log list, not stopped, of a full backup that truncated: the databases it streamed
     * record it as their full backup. */
    bool truncated = i->truncated || (grbit & JET_bitBackupTruncateDone);
    if (normal && !i->stop_backup && i->backup == BK_LOGS && i->backup_full && truncated)
        for (int k = 0; k < MODEL_DBS; k++)
            if (i->copied[k]) m->db[s][k].has_full = true;
    end_backup(i);
    return 0;
}

long model_stop_backup(model_state *m, int slot, handle_kind h) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    m->inst[s].stop_backup = true;
    return 0;
}

long model_stop_service(model_state *m, int slot, handle_kind h, unsigned long grbit) {
    int s;
    long err = find(m, slot, h, &s);
    if (err) return err;
    model_instance *i = &m->inst[s];
    unsigned long known = JET_bitStopServiceResume | JET_bitStopServiceBackgroundUserTasks |
                          JET_bitStopServiceQuiesceCaches | JET_bitStopServiceStopAndEmitLog;
    if (grbit & ~known) return JET_errInvalidGrbit;
    if (i->phase != INST_RUNNING) return JET_errNotInitialized;
    if (grbit & JET_bitStopServiceResume) {
        if (grbit & ~(unsigned long)JET_bitStopServiceResume) return 0;
        return i->stop_all ? JET_errClientRequestToStopJetService : 0;
    }
    if (grbit == 0) {
        i->stop_all = true;
        i->service_stopped = true;
    }
    return 0;
}

long model_instance_info(model_state *m, unsigned long *count) {
    *count = (unsigned long)model_live_instances(m);
    return 0;
}

/* ESE's smallest free dbid (1..6). */
static unsigned long next_dbid(const model_instance *i) {
    for (unsigned long dbid = 1;; dbid++) {
        bool used = false;
        for (int k = 0; k < MODEL_DBS; k++) used |= i->attached[k] && i->dbid[k] == dbid;
        if (!used) return dbid;
    }
}

static void attach(model_state *m, int slot, int k) {
    model_instance *i = &m->inst[slot];
    i->dbid[k] = next_dbid(i);
    i->attached[k] = true;
    i->attach_order[k] = m->next_order++;
}

long model_create_db(model_state *m, int slot, int ses, bool stale, int k) {
    model_session *x;
    long err = session(m, slot, ses, stale, false, &x);
    if (err) return err;
    if (x->level > 0) return JET_errInTransaction;
    if (m->inst[slot].attached[k] || m->db[slot][k].exists) return JET_errDatabaseDuplicate;
    m->db[slot][k].exists = true;
    m->db[slot][k].has_full = false;
    attach(m, slot, k);
    m->inst[slot].opens[k][ses]++;
    return 0;
}

long model_attach_db(model_state *m, int slot, int ses, bool stale, int k) {
    model_session *x;
    long err = session(m, slot, ses, stale, false, &x);
    if (err) return err;
    if (x->level > 0) return JET_errInTransaction;
    if (m->inst[slot].backup != BK_NONE) return JET_errBackupInProgress;
    if (m->inst[slot].attached[k]) return JET_wrnDatabaseAttached;
    if (!m->db[slot][k].exists) return JET_errFileNotFound;
    if (m->db[slot][k].dirty_in != -2) return JET_errDatabaseDirtyShutdown;
    attach(m, slot, k);
    return 0;
}

long model_detach_db(model_state *m, int slot, int ses, bool stale, int k) {
    model_session *x;
    long err = session(m, slot, ses, stale, true, &x);
    if (err) return err;
    model_instance *i = &m->inst[slot];
    if (x->level > 0) return JET_errInTransaction;
    if (i->backup != BK_NONE) return JET_errBackupInProgress;
    if (!i->attached[k]) return JET_errDatabaseNotFound;
    for (int e = 0; e < MODEL_SESSIONS; e++)
        if (i->opens[k][e] > 0) return JET_errDatabaseInUse;
    i->attached[k] = false;
    return 0;
}

long model_open_db(model_state *m, int slot, int ses, bool stale, int k) {
    model_session *x;
    long err = session(m, slot, ses, stale, false, &x);
    if (err) return err;
    if (!m->inst[slot].attached[k]) return JET_errDatabaseNotFound;
    m->inst[slot].opens[k][ses]++;
    return 0;
}

long model_close_db(model_state *m, int slot, int ses, bool stale, int k) {
    model_session *x;
    long err = session(m, slot, ses, stale, true, &x);
    if (err) return err;
    model_instance *i = &m->inst[slot];
    if (!i->attached[k] || i->opens[k][ses] == 0) return JET_errInvalidDatabaseId;
    i->opens[k][ses]--;
    return 0;
}

long model_copy_dbs(model_state *m, int slot, handle_kind h) {
    model_instance *i = &m->inst[slot];
    bool any = false;
    for (int k = 0; k < MODEL_DBS; k++) any |= i->attached[k];
    if (h != H_SLOT || i->phase != INST_RUNNING || !any) return MODEL_SKIP;
    long err = gate(i);
    if (err) return err;
    if (i->backup == BK_NONE) return JET_errNoBackup;
    if (i->stop_backup) return JET_errBackupAbortByServer;
    if (!i->backup_full || i->backup == BK_LOGS) {
        /* In the log phase (an incremental backup is always there) the open ends the backup. */
        if (i->backup == BK_LOGS) end_backup(i);
        return JET_errInvalidBackupSequence;
    }
    for (int k = 0; k < MODEL_DBS; k++)
        if (i->attached[k]) i->copied[k] = true;
    return 0;
}
