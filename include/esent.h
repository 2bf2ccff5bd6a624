/*
 * esent.h for libesent on Linux.
 *
 * The streaming-backup and instance API of the Extensible Storage Engine, with the type spellings, names,
 * values and structure layouts that Windows clients compile against. Written for this project from the
 * published facts of the API; README.md ("Where Linux differs") says what differs on Linux and why,
 * docs/porting.md how to move Windows client code (64-bit long, u"..." for WCHAR strings, compiler flags, paths),
 * and docs/api.md lists every code each function returns.
 *
 * Only functions that libesent implements are declared. Every constant of the API is defined.
 */
#ifndef LIBESENT_ESENT_H
#define LIBESENT_ESENT_H

#include <stddef.h>
#include <stdint.h>

#ifndef JET_VERSION
#define JET_VERSION 0x0A01
#endif

/* Calling-convention markers: the platform C ABI on Linux. */
#define JET_API
#define JET_NODSAPI

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------------------
 * Basic types. `long` and `unsigned long` as esent.h spells them (64-bit on LP64 Linux; no Windows binary
 * links this library). Handles are pointer-sized opaque numbers, never pointers.
 * ------------------------------------------------------------------------------------------------------- */
typedef long JET_ERR;
typedef uintptr_t JET_API_PTR;
typedef JET_API_PTR JET_HANDLE;
typedef JET_API_PTR JET_INSTANCE;
typedef JET_API_PTR JET_SESID;
typedef JET_API_PTR JET_TABLEID;
typedef JET_API_PTR JET_OSSNAPID;
typedef unsigned long JET_DBID;
typedef unsigned long JET_GRBIT;
typedef unsigned long JET_SNP;
typedef unsigned long JET_SNT;
typedef unsigned long JET_COLUMNID;

/* A UTF-16 code unit, so that u"..." literals pass to the W functions without casts. */
#ifdef __cplusplus
typedef char16_t WCHAR;
#else
typedef unsigned short WCHAR;
#endif

typedef char *JET_PSTR;
typedef const char *JET_PCSTR;
typedef WCHAR *JET_PWSTR;
typedef const WCHAR *JET_PCWSTR;

typedef JET_ERR (JET_API *JET_PFNSTATUS)(JET_SESID sesid, JET_SNP snp, JET_SNT snt, void *pv);

typedef struct {
    unsigned long cbStruct;
    unsigned long cunitDone;
    unsigned long cunitTotal;
} JET_SNPROG;

/* ---------------------------------------------------------------------------------------------------------
 * The byte-packed group: log time, log position, signature, backup info.
 * ------------------------------------------------------------------------------------------------------- */
#pragma pack(push, 1)

typedef struct {
    char bSeconds;
    char bMinutes;
    char bHours;
    char bDay;
    char bMonth;
    char bYear; /* years since 1900 */
    union {
        char bFiller1;
        struct {
            unsigned char fTimeIsUTC : 1;
            unsigned char bMillisecondsLow : 7;
        };
    };
    union {
        char bFiller2;
        struct {
            unsigned char fReserved : 1;
            unsigned char bMillisecondsHigh : 3;
            unsigned char fUnused : 4;
        };
    };
} JET_LOGTIME;

typedef struct {
    char bSeconds;
    char bMinutes;
    char bHours;
    char bDay;
    char bMonth;
    char bYear;
    union {
        char bFiller1;
        struct {
            unsigned char fTimeIsUTC : 1;
            unsigned char bMillisecondsLow : 7;
        };
    };
    union {
        char bFiller2;
        struct {
            unsigned char fOSSnapshot : 1;
            unsigned char bMillisecondsHigh : 3;
            unsigned char fReserved : 4;
        };
    };
} JET_BKLOGTIME;

typedef struct {
    unsigned short ib;
    unsigned short isec;
    long lGeneration;
} JET_LGPOS;

#define JET_MAX_COMPUTERNAME_LENGTH 15

typedef struct {
    unsigned long ulRandom;
    JET_LOGTIME logtimeCreate;
    char szComputerName[JET_MAX_COMPUTERNAME_LENGTH + 1];
} JET_SIGNATURE;

typedef struct {
    JET_LGPOS lgposMark;
    union {
        JET_LOGTIME logtimeMark;
        JET_BKLOGTIME bklogtimeMark;
    };
    unsigned long genLow;
    unsigned long genHigh;
} JET_BKINFO;

#pragma pack(pop)

typedef struct {
    unsigned long ulVersion;
    unsigned long ulUpdate;
    JET_SIGNATURE signDb;
    unsigned long dbstate;
    JET_LGPOS lgposConsistent;
    JET_LOGTIME logtimeConsistent;
    JET_LOGTIME logtimeAttach;
    JET_LGPOS lgposAttach;
    JET_LOGTIME logtimeDetach;
    JET_LGPOS lgposDetach;
    JET_SIGNATURE signLog;
    JET_BKINFO bkinfoFullPrev;
    JET_BKINFO bkinfoIncPrev;
    JET_BKINFO bkinfoFullCur;
    unsigned long fShadowingDisabled;
    unsigned long fUpgradeDb;
    unsigned long dwMajorVersion;
    unsigned long dwMinorVersion;
    unsigned long dwBuildNumber;
    long lSPNumber;
    unsigned long cbPageSize;
} JET_DBINFOMISC;

typedef struct {
    unsigned long paramid;
    JET_API_PTR lParam;
    const char *sz;
    JET_ERR err;
} JET_SETSYSPARAM_A;

typedef struct {
    unsigned long paramid;
    JET_API_PTR lParam;
    const WCHAR *sz;
    JET_ERR err;
} JET_SETSYSPARAM_W;

#define JET_BASE_NAME_LENGTH 3

typedef struct {
    unsigned long cbSize;
    unsigned long ulGenLow;
    unsigned long ulGenHigh;
    char szBaseName[JET_BASE_NAME_LENGTH + 1];
} JET_LOGINFO_A;

typedef struct {
    unsigned long cbSize;
    unsigned long ulGenLow;
    unsigned long ulGenHigh;
    WCHAR szBaseName[JET_BASE_NAME_LENGTH + 1];
} JET_LOGINFO_W;

typedef struct {
    char *szDatabaseName;
    char *szNewDatabaseName;
} JET_RSTMAP_A;

typedef struct {
    WCHAR *szDatabaseName;
    WCHAR *szNewDatabaseName;
} JET_RSTMAP_W;

typedef struct {
    unsigned long cbStruct;
    JET_RSTMAP_A *rgrstmap;
    long crstmap;
    JET_LGPOS lgposStop;
    JET_LOGTIME logtimeStop;
    JET_PFNSTATUS pfnStatus;
} JET_RSTINFO_A;

typedef struct {
    unsigned long cbStruct;
    JET_RSTMAP_W *rgrstmap;
    long crstmap;
    JET_LGPOS lgposStop;
    JET_LOGTIME logtimeStop;
    JET_PFNSTATUS pfnStatus;
} JET_RSTINFO_W;

typedef struct {
    JET_INSTANCE hInstanceId;
    char *szInstanceName;
    JET_API_PTR cDatabases;
    char **szDatabaseFileName;
    char **szDatabaseDisplayName;
    char **szDatabaseSLVFileName_Obsolete;
} JET_INSTANCE_INFO_A;

typedef struct {
    JET_INSTANCE hInstanceId;
    WCHAR *szInstanceName;
    JET_API_PTR cDatabases;
    WCHAR **szDatabaseFileName;
    WCHAR **szDatabaseDisplayName;
    WCHAR **szDatabaseSLVFileName_Obsolete;
} JET_INSTANCE_INFO_W;

#ifdef JET_UNICODE
typedef JET_SETSYSPARAM_W JET_SETSYSPARAM;
typedef JET_LOGINFO_W JET_LOGINFO;
typedef JET_RSTMAP_W JET_RSTMAP;
typedef JET_RSTINFO_W JET_RSTINFO;
typedef JET_INSTANCE_INFO_W JET_INSTANCE_INFO;
#else
typedef JET_SETSYSPARAM_A JET_SETSYSPARAM;
typedef JET_LOGINFO_A JET_LOGINFO;
typedef JET_RSTMAP_A JET_RSTMAP;
typedef JET_RSTINFO_A JET_RSTINFO;
typedef JET_INSTANCE_INFO_A JET_INSTANCE_INFO;
#endif

/* ---------------------------------------------------------------------------------------------------------
 * Tables, columns, indexes and records: the types and structures of the ISAM calls. Natural alignment, as
 * Windows' esent.h; sizes on LP64 Linux follow from `unsigned long` being 8 bytes (Tests/c/test_isam_layout.c).
 * ------------------------------------------------------------------------------------------------------- */
typedef unsigned long JET_COLTYP;
typedef unsigned long JET_CBTYP;
typedef unsigned long JET_OBJTYP;
typedef double JET_DATESERIAL;

typedef struct {
    unsigned long cbStruct;
    JET_COLUMNID columnid;
    JET_COLTYP coltyp;
    unsigned short wCountry;
    unsigned short langid;
    unsigned short cp;
    unsigned short wCollate;
    unsigned long cbMax;
    JET_GRBIT grbit;
} JET_COLUMNDEF;

typedef struct {
    unsigned long cbStruct;
    JET_COLUMNID columnid;
    JET_COLTYP coltyp;
    unsigned short wCountry;
    unsigned short langid;
    unsigned short cp;
    unsigned short wFiller;
    unsigned long cbMax;
    JET_GRBIT grbit;
    char szBaseTableName[256];
    char szBaseColumnName[256];
} JET_COLUMNBASE_A;

typedef struct {
    unsigned long cbStruct;
    JET_COLUMNID columnid;
    JET_COLTYP coltyp;
    unsigned short wCountry;
    unsigned short langid;
    unsigned short cp;
    unsigned short wFiller;
    unsigned long cbMax;
    JET_GRBIT grbit;
    WCHAR szBaseTableName[256];
    WCHAR szBaseColumnName[256];
} JET_COLUMNBASE_W;

typedef struct {
    unsigned long cbStruct;
    char *szColumnName;
    JET_COLTYP coltyp;
    unsigned long cbMax;
    JET_GRBIT grbit;
    void *pvDefault;
    unsigned long cbDefault;
    unsigned long cp;
    JET_COLUMNID columnid; /* out */
    JET_ERR err;           /* out */
} JET_COLUMNCREATE_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szColumnName;
    JET_COLTYP coltyp;
    unsigned long cbMax;
    JET_GRBIT grbit;
    void *pvDefault;
    unsigned long cbDefault;
    unsigned long cp;
    JET_COLUMNID columnid; /* out */
    JET_ERR err;           /* out */
} JET_COLUMNCREATE_W;

typedef struct {
    unsigned long cbStruct;
    char *szColumnName;
    JET_GRBIT grbit;
} JET_CONDITIONALCOLUMN_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szColumnName;
    JET_GRBIT grbit;
} JET_CONDITIONALCOLUMN_W;

typedef struct {
    unsigned long lcid;
    unsigned long dwMapFlags;
} JET_UNICODEINDEX;

typedef struct {
    WCHAR *szLocaleName;
    unsigned long dwMapFlags;
} JET_UNICODEINDEX2;

typedef struct {
    unsigned long chLengthMin;
    unsigned long chLengthMax;
    unsigned long chToIndexMax;
    unsigned long cchIncrement;
    unsigned long ichStart;
} JET_TUPLELIMITS;

typedef struct {
    unsigned long cbStruct;
    unsigned long ulInitialDensity;
    unsigned long cbInitial;
    JET_GRBIT grbit;
    unsigned long ulMaintDensity;
    unsigned long ulGrowth;
    unsigned long cbMinExtent;
    unsigned long cbMaxExtent;
} JET_SPACEHINTS;

/* pidxunicode is meant when grbit has JET_bitIndexUnicode (else lcid), ptuplelimits when it has
 * JET_bitIndexTupleLimits (else cbVarSegMac). */
typedef struct {
    unsigned long cbStruct;
    char *szIndexName;
    char *szKey;
    unsigned long cbKey;
    JET_GRBIT grbit;
    unsigned long ulDensity;
    union {
        unsigned long lcid;
        JET_UNICODEINDEX *pidxunicode;
    };
    union {
        unsigned long cbVarSegMac;
        JET_TUPLELIMITS *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_A *rgconditionalcolumn;
    unsigned long cConditionalColumn;
    JET_ERR err; /* out */
    unsigned long cbKeyMost;
} JET_INDEXCREATE_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szIndexName;
    WCHAR *szKey;
    unsigned long cbKey;
    JET_GRBIT grbit;
    unsigned long ulDensity;
    union {
        unsigned long lcid;
        JET_UNICODEINDEX *pidxunicode;
    };
    union {
        unsigned long cbVarSegMac;
        JET_TUPLELIMITS *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_W *rgconditionalcolumn;
    unsigned long cConditionalColumn;
    JET_ERR err; /* out */
    unsigned long cbKeyMost;
} JET_INDEXCREATE_W;

typedef struct {
    unsigned long cbStruct;
    char *szIndexName;
    char *szKey;
    unsigned long cbKey;
    JET_GRBIT grbit;
    unsigned long ulDensity;
    union {
        unsigned long lcid;
        JET_UNICODEINDEX *pidxunicode;
    };
    union {
        unsigned long cbVarSegMac;
        JET_TUPLELIMITS *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_A *rgconditionalcolumn;
    unsigned long cConditionalColumn;
    JET_ERR err; /* out */
    unsigned long cbKeyMost;
    JET_SPACEHINTS *pSpacehints;
} JET_INDEXCREATE2_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szIndexName;
    WCHAR *szKey;
    unsigned long cbKey;
    JET_GRBIT grbit;
    unsigned long ulDensity;
    union {
        unsigned long lcid;
        JET_UNICODEINDEX *pidxunicode;
    };
    union {
        unsigned long cbVarSegMac;
        JET_TUPLELIMITS *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_W *rgconditionalcolumn;
    unsigned long cConditionalColumn;
    JET_ERR err; /* out */
    unsigned long cbKeyMost;
    JET_SPACEHINTS *pSpacehints;
} JET_INDEXCREATE2_W;

typedef struct {
    unsigned long cbStruct;
    char *szIndexName;
    char *szKey;
    unsigned long cbKey;
    JET_GRBIT grbit;
    unsigned long ulDensity;
    JET_UNICODEINDEX2 *pidxunicode;
    union {
        unsigned long cbVarSegMac;
        JET_TUPLELIMITS *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_A *rgconditionalcolumn;
    unsigned long cConditionalColumn;
    JET_ERR err; /* out */
    unsigned long cbKeyMost;
    JET_SPACEHINTS *pSpacehints;
} JET_INDEXCREATE3_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szIndexName;
    WCHAR *szKey;
    unsigned long cbKey;
    JET_GRBIT grbit;
    unsigned long ulDensity;
    JET_UNICODEINDEX2 *pidxunicode;
    union {
        unsigned long cbVarSegMac;
        JET_TUPLELIMITS *ptuplelimits;
    };
    JET_CONDITIONALCOLUMN_W *rgconditionalcolumn;
    unsigned long cConditionalColumn;
    JET_ERR err; /* out */
    unsigned long cbKeyMost;
    JET_SPACEHINTS *pSpacehints;
} JET_INDEXCREATE3_W;

typedef struct {
    unsigned long cbStruct;
    char *szTableName;
    char *szTemplateTableName;
    unsigned long ulPages;
    unsigned long ulDensity;
    JET_COLUMNCREATE_A *rgcolumncreate;
    unsigned long cColumns;
    JET_INDEXCREATE_A *rgindexcreate;
    unsigned long cIndexes;
    JET_GRBIT grbit;
    JET_TABLEID tableid;    /* out */
    unsigned long cCreated; /* out */
} JET_TABLECREATE_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szTableName;
    WCHAR *szTemplateTableName;
    unsigned long ulPages;
    unsigned long ulDensity;
    JET_COLUMNCREATE_W *rgcolumncreate;
    unsigned long cColumns;
    JET_INDEXCREATE_W *rgindexcreate;
    unsigned long cIndexes;
    JET_GRBIT grbit;
    JET_TABLEID tableid;    /* out */
    unsigned long cCreated; /* out */
} JET_TABLECREATE_W;

typedef struct {
    unsigned long cbStruct;
    char *szTableName;
    char *szTemplateTableName;
    unsigned long ulPages;
    unsigned long ulDensity;
    JET_COLUMNCREATE_A *rgcolumncreate;
    unsigned long cColumns;
    JET_INDEXCREATE_A *rgindexcreate;
    unsigned long cIndexes;
    char *szCallback;
    JET_CBTYP cbtyp;
    JET_GRBIT grbit;
    JET_TABLEID tableid;    /* out */
    unsigned long cCreated; /* out */
} JET_TABLECREATE2_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szTableName;
    WCHAR *szTemplateTableName;
    unsigned long ulPages;
    unsigned long ulDensity;
    JET_COLUMNCREATE_W *rgcolumncreate;
    unsigned long cColumns;
    JET_INDEXCREATE_W *rgindexcreate;
    unsigned long cIndexes;
    WCHAR *szCallback;
    JET_CBTYP cbtyp;
    JET_GRBIT grbit;
    JET_TABLEID tableid;    /* out */
    unsigned long cCreated; /* out */
} JET_TABLECREATE2_W;

typedef struct {
    unsigned long cbStruct;
    char *szTableName;
    char *szTemplateTableName;
    unsigned long ulPages;
    unsigned long ulDensity;
    JET_COLUMNCREATE_A *rgcolumncreate;
    unsigned long cColumns;
    JET_INDEXCREATE2_A *rgindexcreate;
    unsigned long cIndexes;
    char *szCallback;
    JET_CBTYP cbtyp;
    JET_GRBIT grbit;
    JET_SPACEHINTS *pSeqSpacehints;
    JET_SPACEHINTS *pLVSpacehints;
    unsigned long cbSeparateLV;
    JET_TABLEID tableid;    /* out */
    unsigned long cCreated; /* out */
} JET_TABLECREATE3_A;

typedef struct {
    unsigned long cbStruct;
    WCHAR *szTableName;
    WCHAR *szTemplateTableName;
    unsigned long ulPages;
    unsigned long ulDensity;
    JET_COLUMNCREATE_W *rgcolumncreate;
    unsigned long cColumns;
    JET_INDEXCREATE2_W *rgindexcreate;
    unsigned long cIndexes;
    WCHAR *szCallback;
    JET_CBTYP cbtyp;
    JET_GRBIT grbit;
    JET_SPACEHINTS *pSeqSpacehints;
    JET_SPACEHINTS *pLVSpacehints;
    unsigned long cbSeparateLV;
    JET_TABLEID tableid;    /* out */
    unsigned long cCreated; /* out */
} JET_TABLECREATE3_W;

typedef struct {
    JET_COLUMNID columnid;
    const void *pvData;
    unsigned long cbData;
    JET_GRBIT grbit;
    unsigned long ibLongValue;
    unsigned long itagSequence;
    JET_ERR err; /* out */
} JET_SETCOLUMN;

typedef struct {
    JET_COLUMNID columnid;
    void *pvData;
    unsigned long cbData;
    unsigned long cbActual; /* out */
    JET_GRBIT grbit;
    unsigned long ibLongValue;
    unsigned long itagSequence;
    JET_COLUMNID columnidNextTagged; /* out */
    JET_ERR err;                     /* out */
} JET_RETRIEVECOLUMN;

typedef struct {
    unsigned long cbStruct;
    unsigned long ibLongValue;
    unsigned long itagSequence;
} JET_SETINFO;

typedef struct {
    unsigned long cbStruct;
    unsigned long ibLongValue;
    unsigned long itagSequence;
    JET_COLUMNID columnidNextTagged;
} JET_RETINFO;

/* Opaque: from JetGetTableIndexInfo(JET_IdxInfoIndexId), for JetSetCurrentIndex4. */
typedef struct {
    unsigned long cbStruct;
    unsigned char rgbIndexId[sizeof(JET_API_PTR) + sizeof(unsigned long) + sizeof(unsigned long)];
} JET_INDEXID;

/* What JetGetTableInfo(JET_TblInfo) returns. */
typedef struct {
    unsigned long cbStruct;
    JET_OBJTYP objtyp;
    JET_DATESERIAL dtCreate;
    JET_DATESERIAL dtUpdate;
    JET_GRBIT grbit;
    unsigned long flags;
    unsigned long cRecord;
    unsigned long cPage;
} JET_OBJECTINFO;

/* JET_ColInfoList: a read-only temporary table, one record per column; the columnid* fields name its columns. */
typedef struct {
    unsigned long cbStruct;
    JET_TABLEID tableid;
    unsigned long cRecord;
    JET_COLUMNID columnidPresentationOrder;
    JET_COLUMNID columnidcolumnname;
    JET_COLUMNID columnidcolumnid;
    JET_COLUMNID columnidcoltyp;
    JET_COLUMNID columnidCountry;
    JET_COLUMNID columnidLangid;
    JET_COLUMNID columnidCp;
    JET_COLUMNID columnidCollate;
    JET_COLUMNID columnidcbMax;
    JET_COLUMNID columnidgrbit;
    JET_COLUMNID columnidDefault;
    JET_COLUMNID columnidBaseTableName;
    JET_COLUMNID columnidBaseColumnName;
    JET_COLUMNID columnidDefinitionName;
} JET_COLUMNLIST;

/* JET_IdxInfoList: a read-only temporary table, one record per index segment. */
typedef struct {
    unsigned long cbStruct;
    JET_TABLEID tableid;
    unsigned long cRecord;
    JET_COLUMNID columnidindexname;
    JET_COLUMNID columnidgrbitIndex;
    JET_COLUMNID columnidcKey;
    JET_COLUMNID columnidcEntry;
    JET_COLUMNID columnidcPage;
    JET_COLUMNID columnidcColumn;
    JET_COLUMNID columnidiColumn;
    JET_COLUMNID columnidcolumnid;
    JET_COLUMNID columnidcoltyp;
    JET_COLUMNID columnidCountry;
    JET_COLUMNID columnidLangid;
    JET_COLUMNID columnidCp;
    JET_COLUMNID columnidCollate;
    JET_COLUMNID columnidgrbitColumn;
    JET_COLUMNID columnidcolumnname;
    JET_COLUMNID columnidLCMapFlags;
} JET_INDEXLIST;

#ifdef JET_UNICODE
typedef JET_COLUMNBASE_W JET_COLUMNBASE;
typedef JET_COLUMNCREATE_W JET_COLUMNCREATE;
typedef JET_CONDITIONALCOLUMN_W JET_CONDITIONALCOLUMN;
typedef JET_INDEXCREATE_W JET_INDEXCREATE;
typedef JET_INDEXCREATE2_W JET_INDEXCREATE2;
typedef JET_INDEXCREATE3_W JET_INDEXCREATE3;
typedef JET_TABLECREATE_W JET_TABLECREATE;
typedef JET_TABLECREATE2_W JET_TABLECREATE2;
typedef JET_TABLECREATE3_W JET_TABLECREATE3;
#else
typedef JET_COLUMNBASE_A JET_COLUMNBASE;
typedef JET_COLUMNCREATE_A JET_COLUMNCREATE;
typedef JET_CONDITIONALCOLUMN_A JET_CONDITIONALCOLUMN;
typedef JET_INDEXCREATE_A JET_INDEXCREATE;
typedef JET_INDEXCREATE2_A JET_INDEXCREATE2;
typedef JET_INDEXCREATE3_A JET_INDEXCREATE3;
typedef JET_TABLECREATE_A JET_TABLECREATE;
typedef JET_TABLECREATE2_A JET_TABLECREATE2;
typedef JET_TABLECREATE3_A JET_TABLECREATE3;
#endif

/* ---------------------------------------------------------------------------------------------------------
 * Constants: every error, warning, grbit, parameter id, dbstate, file type, snp/snt and nil handle.
 * ------------------------------------------------------------------------------------------------------- */
/* BEGIN GENERATED CONSTANTS (tools/gen-constants.py) */
#if !defined(__swift__) || defined(LIBESENT_SWIFT_C_SPELLINGS)
#define JET_bitDBUtilSpaceInfoBasicCatalog                          0x00000001
#define JET_bitDBUtilSpaceInfoSpaceTrees                            0x00000002
#define JET_bitDBUtilSpaceInfoParentOfLeaf                          0x00000004
#define JET_bitDBUtilSpaceInfoFullWalk                              0x00000008
#define JET_bitDBUtilFullCategorization                             0x00000001
#define JET_bitDBUtilOptionAllNodes                                 0x00000001
#define JET_bitDBUtilOptionKeyStats                                 0x00000002
#define JET_bitDBUtilOptionPageDump                                 0x00000004
#define JET_bitDBUtilOptionStats                                    0x00000008
#define JET_bitDBUtilOptionSuppressConsoleOutput                    0x00000010
#define JET_bitDBUtilOptionIgnoreErrors                             0x00000020
#define JET_bitDBUtilOptionVerify                                   0x00000040
#define JET_bitDBUtilOptionReportErrors                             0x00000080
#define JET_bitDBUtilOptionDontRepair                               0x00000100
#define JET_bitDBUtilOptionRepairAll                                0x00000200
#define JET_bitDBUtilOptionRepairIndexes                            0x00000400
#define JET_bitDBUtilOptionDontBuildIndexes                         0x00000800
#define JET_bitDBUtilOptionSuppressLogo                             0x00008000
#define JET_bitDBUtilOptionRepairCheckOnly                          0x00010000
#define JET_bitDBUtilOptionDumpLVPageUsage                          0x00020000
#define JET_bitDBUtilOptionDumpLogInfoCSV                           0x00040000
#define JET_bitDBUtilOptionDumpLogPermitPatching                    0x00080000
#define JET_bitDBUtilOptionSkipMinLogChecksUpdateHeader             0x00100000
#define JET_bitDBUtilOptionDumpVerbose                              0x10000000
#define JET_bitDBUtilOptionDumpVerboseLevel1                        JET_bitDBUtilOptionDumpVerbose
#define JET_bitDBUtilOptionDumpVerboseLevel2                        0x20000000
#define JET_bitDBUtilOptionDumpLogSummary                           0x40000000
#define JET_bitConfigStoreReadControlInhibitRead                    0x1
#define JET_bitConfigStoreReadControlDisableAll                     0x2
#define JET_bitConfigStoreReadControlDisableSetParamRead            0x4
#define JET_bitConfigStoreReadControlDisableGlobalInitRead          0x8
#define JET_bitConfigStoreReadControlDisableInstInitRead            0x10
#define JET_bitConfigStoreReadControlDisableLiveRead                0x20
#define JET_bitConfigStoreReadControlDefault                        0x0
#define JET_bitConfigStorePopulateControlOff                        0x00
#define JET_bitConfigStorePopulateControlOn                         0x01
#define JET_bitDatabaseScanBatchStart                               0x00000010
#define JET_bitDatabaseScanBatchStop                                0x00000020
#define JET_bitDatabaseScanZeroPages                                0x00000040
#define JET_bitDatabaseScanBatchStartContinuous                     0x00000080
#define JET_bitDefragmentBatchStart                                 0x00000001
#define JET_bitDefragmentBatchStop                                  0x00000002
#define JET_bitDefragmentAvailSpaceTreesOnly                        0x00000040
#define JET_bitDefragmentNoPartialMerges                            0x00000080
#define JET_bitDefragmentBTree                                      0x00000100
#define JET_bitDefragmentBTreeBatch                                 0x00000200
#define JET_bitOld2Start                                            0x00000001
#define JET_bitOld2Suspend                                          0x00000002
#define JET_bitOld2Resume                                           0x00000004
#define JET_bitOld2End                                              0x00000008
#define JET_bitCIMCommitted                                         0x00000001
#define JET_bitCIMDirty                                             0x00000002
#define JET_bitAggregateTransaction                                 0x00000008
#define JET_bitTableInfoUpdatable                                   0x00000001
#define JET_bitTableInfoBookmark                                    0x00000002
#define JET_bitTableInfoRollback                                    0x00000004
#define JET_bitObjectSystem                                         0x80000000
#define JET_bitObjectTableFixedDDL                                  0x40000000
#define JET_bitObjectTableTemplate                                  0x20000000
#define JET_bitObjectTableDerived                                   0x10000000
#define JET_bitObjectSystemDynamic                                  (JET_bitObjectSystem|0x08000000)
#define JET_bitObjectTableNoFixedVarColumnsInDerivedTables          0x04000000
#define JET_bitDurableCommitCallbackLogUnavailable                  0x00000001
#define JET_instanceNil                                             (~(JET_INSTANCE)0)
#define JET_sesidNil                                                (~(JET_SESID)0)
#define JET_bitNil                                                  ((JET_GRBIT)0)
#define JET_paramSystemPath                                         0
#define JET_paramTempPath                                           1
#define JET_paramLogFilePath                                        2
#define JET_paramBaseName                                           3
#define JET_paramEventSource                                        4
#define JET_paramMaxSessions                                        5
#define JET_paramMaxOpenTables                                      6
#define JET_paramPreferredMaxOpenTables                             7
#define JET_paramCachedClosedTables                                 125
#define JET_paramMaxCursors                                         8
#define JET_paramMaxVerPages                                        9
#define JET_paramPreferredVerPages                                  63
#define JET_paramGlobalMinVerPages                                  81
#define JET_paramVersionStoreTaskQueueMax                           105
#define JET_paramMaxTemporaryTables                                 10
#define JET_paramLogFileSize                                        11
#define JET_paramLogBuffers                                         12
#define JET_paramWaitLogFlush                                       13
#define JET_paramLogCheckpointPeriod                                14
#define JET_paramLogWaitingUserMax                                  15
#define JET_paramCommitDefault                                      16
#define JET_paramCircularLog                                        17
#define JET_paramDbExtensionSize                                    18
#define JET_paramPageTempDBMin                                      19
#define JET_paramPageFragment                                       20
#define JET_paramPageReadAheadMax                                   21
#define JET_paramEnableFileCache                                    126
#define JET_paramVerPageSize                                        128
#define JET_paramConfiguration                                      129
#define JET_paramEnableAdvanced                                     130
#define JET_paramMaxColtyp                                          131
#define JET_paramBatchIOBufferMax                                   22
#define JET_paramCacheSize                                          41
#define JET_paramCacheSizeMin                                       60
#define JET_paramCacheSizeMax                                       23
#define JET_paramCheckpointDepthMax                                 24
#define JET_paramLRUKCorrInterval                                   25
#define JET_paramLRUKHistoryMax                                     26
#define JET_paramLRUKPolicy                                         27
#define JET_paramLRUKTimeout                                        28
#define JET_paramLRUKTrxCorrInterval                                29
#define JET_paramOutstandingIOMax                                   30
#define JET_paramStartFlushThreshold                                31
#define JET_paramStopFlushThreshold                                 32
#define JET_paramTableClassName                                     33
#define JET_paramIdleFlushTime                                      106
#define JET_paramVAReserve                                          109
#define JET_paramDBAPageAvailMin                                    120
#define JET_paramDBAPageAvailThreshold                              121
#define JET_paramDBAK1                                              122
#define JET_paramDBAK2                                              123
#define JET_paramMaxRandomIOSize                                    124
#define JET_paramEnableViewCache                                    127
#define JET_paramCheckpointIOMax                                    135
#define JET_paramTableClass1Name                                    137
#define JET_paramTableClass2Name                                    138
#define JET_paramTableClass3Name                                    139
#define JET_paramTableClass4Name                                    140
#define JET_paramTableClass5Name                                    141
#define JET_paramTableClass6Name                                    142
#define JET_paramTableClass7Name                                    143
#define JET_paramTableClass8Name                                    144
#define JET_paramTableClass9Name                                    145
#define JET_paramTableClass10Name                                   146
#define JET_paramTableClass11Name                                   147
#define JET_paramTableClass12Name                                   148
#define JET_paramTableClass13Name                                   149
#define JET_paramTableClass14Name                                   150
#define JET_paramTableClass15Name                                   151
#define JET_paramTableClass16Name                                   196
#define JET_paramTableClass17Name                                   197
#define JET_paramTableClass18Name                                   198
#define JET_paramTableClass19Name                                   199
#define JET_paramTableClass20Name                                   200
#define JET_paramTableClass21Name                                   201
#define JET_paramTableClass22Name                                   202
#define JET_paramTableClass23Name                                   203
#define JET_paramTableClass24Name                                   204
#define JET_paramTableClass25Name                                   205
#define JET_paramTableClass26Name                                   206
#define JET_paramTableClass27Name                                   207
#define JET_paramTableClass28Name                                   208
#define JET_paramTableClass29Name                                   209
#define JET_paramTableClass30Name                                   210
#define JET_paramTableClass31Name                                   211
#define JET_paramIOPriority                                         152
#define JET_paramRecovery                                           34
#define JET_paramOnLineCompact                                      35
#define JET_paramEnableOnlineDefrag                                 35
#define JET_paramAssertAction                                       36
#define JET_paramPrintFunction                                      37
#define JET_paramTransactionLevel                                   38
#define JET_paramRFS2IOsPermitted                                   39
#define JET_paramRFS2AllocsPermitted                                40
#define JET_paramCacheRequests                                      42
#define JET_paramCacheHits                                          43
#define JET_paramCheckFormatWhenOpenFail                            44
#define JET_paramEnableTempTableVersioning                          46
#define JET_paramIgnoreLogVersion                                   47
#define JET_paramDeleteOldLogs                                      48
#define JET_paramEventSourceKey                                     49
#define JET_paramNoInformationEvent                                 50
#define JET_paramEventLoggingLevel                                  51
#define JET_paramDeleteOutOfRangeLogs                               52
#define JET_paramAccessDeniedRetryPeriod                            53
#define JET_paramEnableIndexChecking                                45
#define JET_paramEnableIndexCleanup                                 54
#define JET_paramFlight_SmoothIoTestPermillage                      55
#define JET_paramElasticWaypointLatency                             56
#define JET_paramFlight_SynchronousLVCleanup                        57
#define JET_paramFlight_RBSRevertIOUrgentLevel                      58
#define JET_paramFlight_EnableXpress10Compression                   59
#define JET_paramLogFileFailoverPath                                61
#define JET_paramEnableImprovedSeekShortcut                         62
#define JET_paramDatabasePageSize                                   64
#define JET_paramDisableCallbacks                                   65
#define JET_paramAbortRetryFailCallback                             108
#define JET_paramBackupChunkSize                                    66
#define JET_paramBackupOutstandingReads                             67
#define JET_paramFlight_RBSMaxTableDeletePages                      68
#define JET_paramLogFileCreateAsynch                                69
#define JET_paramErrorToString                                      70
#define JET_paramZeroDatabaseDuringBackup                           71
#define JET_paramUnicodeIndexDefault                                72
#define JET_paramRuntimeCallback                                    73
#define JET_paramEnableSortedRetrieveColumns                        76
#define JET_paramCleanupMismatchedLogFiles                          77
#define JET_paramRecordUpgradeDirtyLevel                            78
#define JET_paramRecoveryCurrentLogfile                             79
#define JET_paramOSSnapshotTimeout                                  82
#define JET_paramFlight_RBSDbScanRaiseCorruptionRevertedFDP         74
#define JET_paramFlight_RBSAllowTooSoonNonRevertableDelete          75
#define JET_paramFlight_RBSForceRollIntervalSec                     80
#define JET_paramFlight_EnableScanCheckFDPDeleteFlags               83
#define JET_paramFlight_NewQueueOptions                             84
#define JET_paramFlight_ConcurrentMetedOps                          85
#define JET_paramFlight_LowMetedOpsThreshold                        86
#define JET_paramFlight_MetedOpStarvedThreshold                     87
#define JET_paramFlight_MaxRBSBuffers                               88
#define JET_paramFlight_EnableShrinkArchiving                       89
#define JET_paramFlight_EnableBackupDuringRecovery                  90
#define JET_paramFlight_RBSRollIntervalSec                          91
#define JET_paramFlight_RBSMaxRequiredRange                         92
#define JET_paramFlight_RBSCleanupEnabled                           93
#define JET_paramFlight_RBSLowDiskSpaceThresholdGb                  94
#define JET_paramFlight_RBSMaxSpaceWhenLowDiskSpaceGb               95
#define JET_paramFlight_RBSMaxTimeSpanSec                           96
#define JET_paramFlight_RBSCleanupIntervalMinSec                    97
#define JET_paramExceptionAction                                    98
#define JET_paramEventLogCache                                      99
#define JET_paramCreatePathIfNotExist                               100
#define JET_paramPageHintCacheSize                                  101
#define JET_paramOneDatabasePerSession                              102
#define JET_paramMaxDatabasesPerInstance                            103
#define JET_paramMaxInstances                                       104
#define JET_paramDisablePerfmon                                     107
#define JET_paramIndexTuplesLengthMin                               110
#define JET_paramIndexTuplesLengthMax                               111
#define JET_paramIndexTuplesToIndexMax                              112
#define JET_paramAlternateDatabaseRecoveryPath                      113
#define JET_paramFlight_ExtentPageCountCacheVerifyOnly              114
#define JET_paramFlight_EnablePgnoFDPLastSetTime                    115
#define JET_paramFlight_EnableScanCheck2Flags                       116
#define JET_paramFlight_EnableExtentFreed2                          117
#define JET_paramFlight_RBSLargeRevertableDeletePages               118
#define JET_paramFlight_RBSRevertableDeleteIfTooSoonTimeNull        119
#define JET_paramIndexTupleIncrement                                132
#define JET_paramIndexTupleStart                                    133
#define JET_paramKeyMost                                            134
#define JET_paramLegacyFileNames                                    136
#define JET_paramEnablePersistedCallbacks                           156
#define JET_paramWaypointLatency                                    153
#define JET_paramCheckpointTooDeep                                  154
#define JET_paramDisableBlockVerification                           155
#define JET_paramAggressiveLogRollover                              157
#define JET_paramPeriodicLogRolloverLLR                             158
#define JET_paramUsePageDependencies                                159
#define JET_paramDefragmentSequentialBTrees                         160
#define JET_paramDefragmentSequentialBTreesDensityCheckFrequency    161
#define JET_paramIOThrottlingTimeQuanta                             162
#define JET_paramLVChunkSizeMost                                    163
#define JET_paramMaxCoalesceReadSize                                164
#define JET_paramMaxCoalesceWriteSize                               165
#define JET_paramMaxCoalesceReadGapSize                             166
#define JET_paramMaxCoalesceWriteGapSize                            167
#define JET_paramEnableHaPublish                                    168
#define JET_paramEnableDBScanInRecovery                             169
#define JET_paramDbScanThrottle                                     170
#define JET_paramDbScanIntervalMinSec                               171
#define JET_paramDbScanIntervalMaxSec                               172
#define JET_paramEmitLogDataCallback                                173
#define JET_paramEmitLogDataCallbackCtx                             174
#define JET_paramEnableExternalAutoHealing                          175
#define JET_paramPatchRequestTimeout                                176
#define JET_paramCachePriority                                      177
#define JET_paramMaxTransactionSize                                 178
#define JET_paramPrereadIOMax                                       179
#define JET_paramEnableDBScanSerialization                          180
#define JET_paramHungIOThreshold                                    181
#define JET_paramHungIOActions                                      182
#define JET_paramMinDataForXpress                                   183
#define JET_paramEnableShrinkDatabase                               184
#define JET_paramProcessFriendlyName                                186
#define JET_paramDurableCommitCallback                              187
#define JET_paramEnableSqm                                          188
#define JET_paramConfigStoreSpec                                    189
#define JET_paramStageFlighting                                     190
#define JET_paramZeroDatabaseUnusedSpace                            191
#define JET_paramDisableVerifications                               192
#define JET_paramPersistedLostFlushDetection                        193
#define JET_paramEngineFormatVersion                                194
#define JET_paramReplayThrottlingLevel                              195
#define JET_paramBlockCacheConfiguration                            212
#define JET_paramRecordSizeMost                                     213
#define JET_paramUseFlushForWriteDurability                         214
#define JET_paramEnableRBS                                          215
#define JET_paramRBSFilePath                                        216
#define JET_paramPerfmonRefreshInterval                             217
#define JET_paramEnableBlockCache                                   218
#define JET_paramDeferredIndexPopulateRowsPerTransaction            219
#define JET_paramEnableBlockCacheDetach                             220
#define JET_paramMaxValueInvalid                                    221
#define JET_bitIOSessTraceReads                                     0x01
#define JET_bitIOSessTraceWrites                                    0x02
#define JET_bitIOSessTraceHDD                                       0x04
#define JET_bitIOSessTraceSSD                                       0x08
#define JET_bitESE98FileNames                                       0x00000001
#define JET_bitEightDotThreeSoftCompat                              0x00000002
#define JET_bitHungIOEvent                                          0x00000001
#define JET_bitHungIOCancel                                         0x00000002
#define JET_bitHungIODebug                                          0x00000004
#define JET_bitHungIOEnforce                                        0x00000008
#define JET_bitHungIOTimeout                                        0x00000010
#define JET_bitPersistedLostFlushDetectionEnabled                   0x00000001
#define JET_bitPersistedLostFlushDetectionCreateNew                 0x00000002
#define JET_bitPersistedLostFlushDetectionFailOnRuntimeOnly         0x00000004
#define JET_bitShrinkDatabaseOff                                    0x0
#define JET_bitShrinkDatabaseOn                                     0x1
#define JET_bitShrinkDatabaseRealtime                               0x2
#define JET_bitShrinkDatabasePeriodically                           0x8000
#define JET_bitShrinkDatabaseTrim                                   0x1
#define JET_bitReplayReplicatedLogFiles                             0x00000001
#define JET_bitReplayIgnoreMissingDB                                0x00000004
#define JET_bitRecoveryWithoutUndo                                  0x00000008
#define JET_bitTruncateLogsAfterRecovery                            0x00000010
#define JET_bitReplayMissingMapEntryDB                              0x00000020
#define JET_bitLogStreamMustExist                                   0x00000040
#define JET_bitReplayIgnoreLostLogs                                 0x00000080
#define JET_bitAllowMissingCurrentLog                               0x00000100
#define JET_bitAllowSoftRecoveryOnBackup                            0x00000200
#define JET_bitSkipLostLogsEvent                                    0x00000400
#define JET_bitExternalRecoveryControl                              0x00000800
#define JET_bitKeepDbAttachedAtEndOfRecovery                        0x00001000
#define JET_bitReplayIgnoreLogRecordsBeforeMinRequiredLog           0x00002000
#define JET_bitReplayInferCheckpointFromRstmapDbs                   0x00004000
#define JET_bitRestoreMapIgnoreWhenMissing                          0x00000001
#define JET_bitRestoreMapFailWhenMissing                            0x00000002
#define JET_bitRestoreMapOverwriteOnCreate                          0x00000004
#define JET_bitTermComplete                                         0x00000001
#define JET_bitTermAbrupt                                           0x00000002
#define JET_bitTermStopBackup                                       0x00000004
#define JET_bitTermDirty                                            0x00000008
#define JET_bitIdleFlushBuffers                                     0x00000001
#define JET_bitIdleCompact                                          0x00000002
#define JET_bitIdleStatus                                           0x00000004
#define JET_bitIdleVersionStoreTest                                 0x00000008
#define JET_bitIdleCompactAsync                                     0x00000010
#define JET_bitIdleAvailBuffersStatus                               0x00000020
#define JET_bitIdleWaitForAsyncActivity                             0x00000040
#define JET_bitForceSessionClosed                                   0x00000001
#define JET_bitDbReadOnly                                           0x00000001
#define JET_bitDbExclusive                                          0x00000002
#define JET_bitDbSingleExclusive                                    0x00000002
#define JET_bitDbDeleteCorruptIndexes                               0x00000010
#define JET_bitDbRebuildCorruptIndexes                              0x00000020
#define JET_bitDbDeleteUnicodeIndexes                               0x00000400
#define JET_bitDbUpgrade                                            0x00000200
#define JET_bitDbEnableBackgroundMaintenance                        0x00000800
#define JET_bitDbPurgeCacheOnAttach                                 0x00001000
#define JET_bitForceDetach                                          0x00000001
#define JET_bitForceCloseAndDetach                                  (0x00000002 | JET_bitForceDetach)
#define JET_bitDbRecoveryOff                                        0x00000008
#define JET_bitDbVersioningOff                                      0x00000040
#define JET_bitDbShadowingOff                                       0x00000080
#define JET_bitDbCreateStreamingFile                                0x00000100
#define JET_bitDbOverwriteExisting                                  0x00000200
#define JET_bitBackupIncremental                                    0x00000001
#define JET_bitKeepOldLogs                                          0x00000002
#define JET_bitBackupAtomic                                         0x00000004
#define JET_bitBackupFullWithAllLogs                                0x00000008
#define JET_bitBackupSnapshot                                       0x00000010
#define JET_bitBackupSurrogate                                      0x00000020
#define JET_bitInternalCopy                                         0x00000040
#define JET_bitBackupEndNormal                                      0x0001
#define JET_bitBackupEndAbort                                       0x0002
#define JET_bitBackupTruncateDone                                   0x0100
#define JET_bitBackupNoDbHeaderUpdate                               0x0200
#define JET_dbidNil                                                 ((JET_DBID) 0xFFFFFFFF)
#define JET_bitTableCreateFixedDDL                                  0x00000001
#define JET_bitTableCreateTemplateTable                             0x00000002
#define JET_bitTableCreateNoFixedVarColumnsInDerivedTables          0x00000004
#define JET_bitTableCreateImmutableStructure                        0x00000008
#define JET_bitTableCreateSystemTable                               0x80000000
#define JET_bitColumnFixed                                          0x00000001
#define JET_bitColumnTagged                                         0x00000002
#define JET_bitColumnNotNULL                                        0x00000004
#define JET_bitColumnVersion                                        0x00000008
#define JET_bitColumnAutoincrement                                  0x00000010
#define JET_bitColumnUpdatable                                      0x00000020
#define JET_bitColumnTTKey                                          0x00000040
#define JET_bitColumnTTDescending                                   0x00000080
#define JET_bitColumnMultiValued                                    0x00000400
#define JET_bitColumnEscrowUpdate                                   0x00000800
#define JET_bitColumnUnversioned                                    0x00001000
#define JET_bitColumnMaybeNull                                      0x00002000
#define JET_bitColumnFinalize                                       0x00004000
#define JET_bitColumnUserDefinedDefault                             0x00008000
#define JET_bitColumnRenameConvertToPrimaryIndexPlaceholder         0x00010000
#define JET_bitColumnDeleteOnZero                                   0x00020000
#define JET_bitColumnVariable                                       0x00040000
#define JET_bitColumnCompressed                                     0x00080000
#define JET_bitColumnEncrypted                                      0x00100000
#define JET_bitDeleteColumnIgnoreTemplateColumns                    0x00000001
#define JET_bitMoveFirst                                            0x00000000
#define JET_bitMoveBeforeFirst                                      0x00000001
#define JET_bitNoMove                                               0x00000002
#define JET_bitNewKey                                               0x00000001
#define JET_bitStrLimit                                             0x00000002
#define JET_bitSubStrLimit                                          0x00000004
#define JET_bitNormalizedKey                                        0x00000008
#define JET_bitKeyDataZeroLength                                    0x00000010
#define JET_bitKeyOverridePrimaryIndexPlaceholder                   0x00000020
#define JET_bitFullColumnStartLimit                                 0x00000100
#define JET_bitFullColumnEndLimit                                   0x00000200
#define JET_bitPartialColumnStartLimit                              0x00000400
#define JET_bitPartialColumnEndLimit                                0x00000800
#define JET_bitRangeInclusive                                       0x00000001
#define JET_bitRangeUpperLimit                                      0x00000002
#define JET_bitRangeInstantDuration                                 0x00000004
#define JET_bitRangeRemove                                          0x00000008
#define JET_bitReadLock                                             0x00000001
#define JET_bitWriteLock                                            0x00000002
#define JET_bitKeyLock                                              0x00000004
#define JET_bitMoveKeyNE                                            0x00000001
#define JET_bitSeekEQ                                               0x00000001
#define JET_bitSeekLT                                               0x00000002
#define JET_bitSeekLE                                               0x00000004
#define JET_bitSeekGE                                               0x00000008
#define JET_bitSeekGT                                               0x00000010
#define JET_bitSetIndexRange                                        0x00000020
#define JET_bitCheckUniqueness                                      0x00000040
#define JET_bitBookmarkPermitVirtualCurrency                        0x00000001
#define JET_bitIndexColumnMustBeNull                                0x00000001
#define JET_bitIndexColumnMustBeNonNull                             0x00000002
#define JET_bitRecordInIndex                                        0x00000001
#define JET_bitRecordNotInIndex                                     0x00000002
#define JET_bitIndexUnique                                          0x00000001
#define JET_bitIndexPrimary                                         0x00000002
#define JET_bitIndexDisallowNull                                    0x00000004
#define JET_bitIndexIgnoreNull                                      0x00000008
#define JET_bitIndexClustered40                                     0x00000010
#define JET_bitIndexIgnoreAnyNull                                   0x00000020
#define JET_bitIndexIgnoreFirstNull                                 0x00000040
#define JET_bitIndexLazyFlush                                       0x00000080
#define JET_bitIndexEmpty                                           0x00000100
#define JET_bitIndexUnversioned                                     0x00000200
#define JET_bitIndexSortNullsHigh                                   0x00000400
#define JET_bitIndexUnicode                                         0x00000800
#define JET_bitIndexTuples                                          0x00001000
#define JET_bitIndexTupleLimits                                     0x00002000
#define JET_bitIndexCrossProduct                                    0x00004000
#define JET_bitIndexKeyMost                                         0x00008000
#define JET_bitIndexDisallowTruncation                              0x00010000
#define JET_bitIndexNestedTable                                     0x00020000
#define JET_bitIndexDotNetGuid                                      0x00040000
#define JET_bitIndexImmutableStructure                              0x00080000
#define JET_bitIndexDeferredPopulateCreate                          0x00100000
#define JET_bitIndexDeferredPopulateProcess                         0x00200000
#define JET_bitIndexOptionallyUnique                                0x00400000
#define JET_bitKeyAscending                                         0x00000000
#define JET_bitKeyDescending                                        0x00000001
#define JET_bitTableDenyWrite                                       0x00000001
#define JET_bitTableDenyRead                                        0x00000002
#define JET_bitTableReadOnly                                        0x00000004
#define JET_bitTableUpdatable                                       0x00000008
#define JET_bitTablePermitDDL                                       0x00000010
#define JET_bitTableNoCache                                         0x00000020
#define JET_bitTablePreread                                         0x00000040
#define JET_bitTableOpportuneRead                                   0x00000080
#define JET_bitTableAllowOutOfDate                                  0x00000100
#define JET_bitAllowPgnoFDPLastSetTime                              0x00000200
#define JET_bitTableSequential                                      0x00008000
#define JET_bitTableTryPurgeOnClose                                 0x01000000
#define JET_bitTableAllowSensitiveOperation                         0x08000000
#define JET_bitTableDelete                                          0x10000000
#define JET_bitTableCreate                                          0x20000000
#define JET_bitTableClassMask                                       0x001F0000
#define JET_bitTableClassNone                                       0x00000000
#define JET_bitTableClass1                                          0x00010000
#define JET_bitTableClass2                                          0x00020000
#define JET_bitTableClass3                                          0x00030000
#define JET_bitTableClass4                                          0x00040000
#define JET_bitTableClass5                                          0x00050000
#define JET_bitTableClass6                                          0x00060000
#define JET_bitTableClass7                                          0x00070000
#define JET_bitTableClass8                                          0x00080000
#define JET_bitTableClass9                                          0x00090000
#define JET_bitTableClass10                                         0x000A0000
#define JET_bitTableClass11                                         0x000B0000
#define JET_bitTableClass12                                         0x000C0000
#define JET_bitTableClass13                                         0x000D0000
#define JET_bitTableClass14                                         0x000E0000
#define JET_bitTableClass15                                         0x000F0000
#define JET_bitTableClass16                                         0x00100000
#define JET_bitTableClass17                                         0x00110000
#define JET_bitTableClass18                                         0x00120000
#define JET_bitTableClass19                                         0x00130000
#define JET_bitTableClass20                                         0x00140000
#define JET_bitTableClass21                                         0x00150000
#define JET_bitTableClass22                                         0x00160000
#define JET_bitTableClass23                                         0x00170000
#define JET_bitTableClass24                                         0x00180000
#define JET_bitTableClass25                                         0x00190000
#define JET_bitTableClass26                                         0x001A0000
#define JET_bitTableClass27                                         0x001B0000
#define JET_bitTableClass28                                         0x001C0000
#define JET_bitTableClass29                                         0x001D0000
#define JET_bitTableClass30                                         0x001E0000
#define JET_bitTableClass31                                         0x001F0000
#define JET_bitLSReset                                              0x00000001
#define JET_bitLSCursor                                             0x00000002
#define JET_bitLSTable                                              0x00000004
#define JET_bitPrereadForward                                       0x00000001
#define JET_bitPrereadBackward                                      0x00000002
#define JET_bitPrereadFirstPage                                     0x00000004
#define JET_bitPrereadNormalizedKey                                 0x00000008
#define JET_bitTTIndexed                                            0x00000001
#define JET_bitTTUnique                                             0x00000002
#define JET_bitTTUpdatable                                          0x00000004
#define JET_bitTTScrollable                                         0x00000008
#define JET_bitTTSortNullsHigh                                      0x00000010
#define JET_bitTTForceMaterialization                               0x00000020
#define JET_bitTTErrorOnDuplicateInsertion                          JET_bitTTForceMaterialization
#define JET_bitTTForwardOnly                                        0x00000040
#define JET_bitTTIntrinsicLVsOnly                                   0x00000080
#define JET_bitTTDotNetGuid                                         0x00000100
#define JET_bitSetAppendLV                                          0x00000001
#define JET_bitSetOverwriteLV                                       0x00000004
#define JET_bitSetSizeLV                                            0x00000008
#define JET_bitSetZeroLength                                        0x00000020
#define JET_bitSetSeparateLV                                        0x00000040
#define JET_bitSetUniqueMultiValues                                 0x00000080
#define JET_bitSetUniqueNormalizedMultiValues                       0x00000100
#define JET_bitSetRevertToDefaultValue                              0x00000200
#define JET_bitSetIntrinsicLV                                       0x00000400
#define JET_bitSetUncompressed                                      0x00010000
#define JET_bitSetCompressed                                        0x00020000
#define JET_bitSetContiguousLV                                      0x00040000
#define JET_bitSpaceHintsUtilizeParentSpace                         0x00000001
#define JET_bitCreateHintAppendSequential                           0x00000002
#define JET_bitCreateHintHotpointSequential                         0x00000004
#define JET_bitRetrieveHintReserve1                                 0x00000008
#define JET_bitRetrieveHintTableScanForward                         0x00000010
#define JET_bitRetrieveHintTableScanBackward                        0x00000020
#define JET_bitRetrieveHintReserve2                                 0x00000040
#define JET_bitRetrieveHintReserve3                                 0x00000080
#define JET_bitDeleteHintTableSequential                            0x00000100
#define JET_bitSpaceHintsUtilizeExactExtents                        0x00000200
#define JET_bitUpdateCheckESE97Compatibility                        0x00000001
#define JET_bitUpdateNoVersion                                      0x00000002
#define JET_bitUpdateEnforceOptionallyUniqueIndices                 0x00000004
#define JET_bitEscrowNoRollback                                     0x0001
#define JET_bitRetrieveCopy                                         0x00000001
#define JET_bitRetrieveFromIndex                                    0x00000002
#define JET_bitRetrieveFromPrimaryBookmark                          0x00000004
#define JET_bitRetrieveTag                                          0x00000008
#define JET_bitRetrieveNull                                         0x00000010
#define JET_bitRetrieveIgnoreDefault                                0x00000020
#define JET_bitRetrieveLongId                                       0x00000040
#define JET_bitRetrieveLongValueRefCount                            0x00000080
#define JET_bitRetrieveTuple                                        0x00000800
#define JET_bitRetrievePageNumber                                   0x00001000
#define JET_bitRetrieveCopyIntrinsic                                0x00002000
#define JET_bitRetrievePrereadOnly                                  0x00004000
#define JET_bitRetrievePrereadMany                                  0x00008000
#define JET_bitRetrievePhysicalSize                                 0x00010000
#define JET_bitRetrieveAsRefIfNotInRecord                           0x00020000
#define JET_bitZeroLength                                           0x00000001
#define JET_bitEnumerateCopy                                        JET_bitRetrieveCopy
#define JET_bitEnumerateIgnoreDefault                               JET_bitRetrieveIgnoreDefault
#define JET_bitEnumerateLocal                                       0x00010000
#define JET_bitEnumeratePresenceOnly                                0x00020000
#define JET_bitEnumerateTaggedOnly                                  0x00040000
#define JET_bitEnumerateCompressOutput                              0x00080000
#define JET_bitEnumerateIgnoreUserDefinedDefault                    0x00100000
#define JET_bitEnumerateInRecordOnly                                0x00200000
#define JET_bitEnumerateAsRefIfNotInRecord                          0x00400000
#define JET_bitStreamForward                                        0x00000001
#define JET_bitStreamBackward                                       0x00000002
#define JET_bitStreamColumnReferences                               0x00000004
#define JET_bitRecordSizeInCopyBuffer                               0x00000001
#define JET_bitRecordSizeRunningTotal                               0x00000002
#define JET_bitRecordSizeLocal                                      0x00000004
#define JET_bitRecordSizeIncludeDefaultValues                       0x00000008
#define JET_bitRecordSizeSecondaryIndexKeyOnly                      0x00000010
#define JET_bitRecordSizeIntrinsicPhysicalOnly                      0x00000020
#define JET_bitRecordSizeExtrinsicLogicalOnly                       0x00000040
#define JET_bitTransactionReadOnly                                  0x00000001
#define JET_bitDistributedTransaction                               0x00000002
#define JET_bitCommitLazyFlush                                      0x00000001
#define JET_bitWaitLastLevel0Commit                                 0x00000002
#define JET_bitWaitAllLevel0Commit                                  0x00000008
#define JET_bitForceNewLog                                          0x00000010
#define JET_bitCommitRedoCallback                                   0x00000020
#define JET_bitCommitFlush_OLD                                      0x00000001
#define JET_bitCommitLazyFlush_OLD                                  0x00000004
#define JET_bitWaitLastLevel0Commit_OLD                             0x00000010
#define JET_bitRollbackAll                                          0x00000001
#define JET_bitRollbackRedoCallback                                 0x00000020
#define JET_bitIncrementalSnapshot                                  0x00000001
#define JET_bitCopySnapshot                                         0x00000002
#define JET_bitContinueAfterThaw                                    0x00000004
#define JET_bitExplicitPrepare                                      0x00000008
#define JET_bitAllDatabasesSnapshot                                 0x00000001
#define JET_bitAbortSnapshot                                        0x00000001
#define JET_bitShadowLogEmitFirstCall                               0x00000001
#define JET_bitShadowLogEmitLastCall                                0x00000002
#define JET_bitShadowLogEmitCancel                                  0x00000004
#define JET_bitShadowLogEmitDataBuffers                             0x00000008
#define JET_bitShadowLogEmitLogComplete                             0x00000010
#define JET_DbInfoFilename                                          0
#define JET_DbInfoConnect                                           1
#define JET_DbInfoCountry                                           2
#define JET_DbInfoLCID                                              3
#define JET_DbInfoLangid                                            3
#define JET_DbInfoCp                                                4
#define JET_DbInfoCollate                                           5
#define JET_DbInfoOptions                                           6
#define JET_DbInfoTransactions                                      7
#define JET_DbInfoVersion                                           8
#define JET_DbInfoIsam                                              9
#define JET_DbInfoFilesize                                          10
#define JET_DbInfoSpaceOwned                                        11
#define JET_DbInfoSpaceAvailable                                    12
#define JET_DbInfoUpgrade                                           13
#define JET_DbInfoMisc                                              14
#define JET_DbInfoDBInUse                                           15
#define JET_DbInfoHasSLVFile_Obsolete                               16
#define JET_DbInfoPageSize                                          17
#define JET_DbInfoStreamingFileSpace_Obsolete                       18
#define JET_DbInfoFileType                                          19
#define JET_DbInfoStreamingFileSize_Obsolete                        20
#define JET_DbInfoFilesizeOnDisk                                    21
#define JET_DbInfoSplitBuffers                                      23
#define JET_DbInfoUseCachedResult                                   0x40000000
#define JET_dbstateJustCreated                                      1
#define JET_dbstateDirtyShutdown                                    2
#define JET_dbstateCleanShutdown                                    3
#define JET_dbstateBeingConverted                                   4
#define JET_dbstateForceDetach                                      5
#define JET_dbstateIncrementalReseedInProgress                      6
#define JET_dbstateDirtyAndPatchedShutdown                          7
#define JET_dbstateRevertInProgress                                 8
#define JET_filetypeUnknown                                         0
#define JET_filetypeDatabase                                        1
#define JET_filetypeStreamingFile                                   2
#define JET_filetypeLog                                             3
#define JET_filetypeCheckpoint                                      4
#define JET_filetypeTempDatabase                                    5
#define JET_filetypeFTL                                             6
#define JET_filetypeFlushMap                                        7
#define JET_filetypeCachedFile                                      8
#define JET_filetypeCachingFile                                     9
#define JET_filetypeSnapshot                                        10
#define JET_filetypeRBSRevertCheckpoint                             11
#define JET_filetypeMax                                             12
#define JET_bitDeleteAllExistingLogs                                0x00000001
#define JET_bitNonRevertableTableDelete                             0x00000001
#define JET_bitRevertableTableDeleteIfTooSoon                       0x00000002
#define JET_bitPageInfoNoStructureChecksum                          0x00000001
#define JET_bitTestUninitShrunkPageImage                            0x00000001
#define JET_bitPatchingCorruptPage                                  0x00000002
#define JET_bitEndDatabaseIncrementalReseedCancel                   0x00000001
#define JET_bitBeginDatabaseIncrementalReseedPatchRBS               0x00000001
#define JET_bitCompactStats                                         0x00000020
#define JET_bitCompactRepair                                        0x00000040
#define JET_bitCompactPreserveOriginal                              0x00000100
#define JET_snpRepair                                               2
#define JET_snpCompact                                              4
#define JET_snpRestore                                              8
#define JET_snpBackup                                               9
#define JET_snpUpgrade                                              10
#define JET_snpScrub                                                11
#define JET_snpUpgradeRecordFormat                                  12
#define JET_snpRecoveryControl                                      18
#define JET_snpExternalAutoHealing                                  19
#define JET_snpSpaceCategorization                                  20
#define JET_sntBegin                                                5
#define JET_sntRequirements                                         7
#define JET_sntProgress                                             0
#define JET_sntComplete                                             6
#define JET_sntFail                                                 3
#define JET_sntOpenLog                                              1001
#define JET_sntOpenCheckpoint                                       1002
#define JET_sntMissingLog                                           1004
#define JET_sntBeginUndo                                            1005
#define JET_sntNotificationEvent                                    1006
#define JET_sntSignalErrorCondition                                 1007
#define JET_sntAttachedDb                                           1008
#define JET_sntDetachingDb                                          1009
#define JET_sntCommitCtx                                            1010
#define JET_sntPagePatchRequest                                     1101
#define JET_sntCorruptedPage                                        1102
#define JET_bitResizeDatabaseOnlyGrow                               0x00000001
#define JET_bitResizeDatabaseOnlyShrink                             0x00000002
#define JET_bitStopServiceAll                                       0x00000000
#define JET_bitStopServiceBackgroundUserTasks                       0x00000002
#define JET_bitStopServiceQuiesceCaches                             0x00000004
#define JET_bitStopServiceResume                                    0x80000000
#define JET_bitStopServiceStopAndEmitLog                            0x00000008
#define JET_bitStageTestEnvLocalMode                                0x04
#define JET_bitStageTestEnvAlphaMode                                0x10
#define JET_bitStageTestEnvBetaMode                                 0x40
#define JET_bitStageSelfhostLocalMode                               0x0400
#define JET_bitStageSelfhostAlphaMode                               0x1000
#define JET_bitStageSelfhostBetaMode                                0x4000
#define JET_bitStageProdLocalMode                                   0x040000
#define JET_bitStageProdAlphaMode                                   0x100000
#define JET_bitStageProdBetaMode                                    0x400000
#define JET_errSuccess                                              0
#define JET_wrnNyi                                                  (-1)
#define JET_errRfsFailure                                           (-100)
#define JET_errRfsNotArmed                                          (-101)
#define JET_errFileClose                                            (-102)
#define JET_errOutOfThreads                                         (-103)
#define JET_errTooManyIO                                            (-105)
#define JET_errTaskDropped                                          (-106)
#define JET_errInternalError                                        (-107)
#define JET_errDisabledFunctionality                                (-112)
#define JET_errUnloadableOSFunctionality                            (-113)
#define JET_errDeviceMissing                                        (-114)
#define JET_errDeviceMisconfigured                                  (-115)
#define JET_errDeviceTimeout                                        (-116)
#define JET_errDeviceFailure                                        (-118)
#define JET_errDatabaseBufferDependenciesCorrupted                  (-255)
#define JET_wrnRemainingVersions                                    321
#define JET_errPreviousVersion                                      (-322)
#define JET_errPageBoundary                                         (-323)
#define JET_errKeyBoundary                                          (-324)
#define JET_errBadPageLink                                          (-327)
#define JET_errBadBookmark                                          (-328)
#define JET_errNTSystemCallFailed                                   (-334)
#define JET_errBadParentPageLink                                    (-338)
#define JET_errSPAvailExtCacheOutOfSync                             (-340)
#define JET_errSPAvailExtCorrupted                                  (-341)
#define JET_errSPAvailExtCacheOutOfMemory                           (-342)
#define JET_errSPOwnExtCorrupted                                    (-343)
#define JET_errDbTimeCorrupted                                      (-344)
#define JET_wrnUniqueKey                                            345
#define JET_errKeyTruncated                                         (-346)
#define JET_errDatabaseLeakInSpace                                  (-348)
#define JET_errBadEmptyPage                                         (-351)
#define JET_errBadLineCount                                         (-354)
#define JET_errPageTagCorrupted                                     (-357)
#define JET_errNodeCorrupted                                        (-358)
#define JET_wrnSeparateLongValue                                    406
#define JET_wrnRecordFoundGreater                                   JET_wrnSeekNotEqual
#define JET_wrnRecordFoundLess                                      JET_wrnSeekNotEqual
#define JET_errColumnIllegalNull                                    JET_errNullInvalid
#define JET_errKeyTooBig                                            (-408)
#define JET_errCannotSeparateIntrinsicLV                            (-416)
#define JET_errSeparatedLongValue                                   (-421)
#define JET_errMustBeSeparateLongValue                              (-423)
#define JET_errInvalidPreread                                       (-424)
#define JET_errInvalidColumnReference                               (-426)
#define JET_errStaleColumnReference                                 (-427)
#define JET_wrnNoMoreRecords                                        428
#define JET_errCompressionIntegrityCheckFailed                      (-431)
#define JET_wrnIndexDeferredPopulateIncomplete                      432
#define JET_wrnIndexDeferredPopulateHalted                          433
#define JET_errIndexDeferredPopulateCurrentlyUnavailable            (-434)
#define JET_errInvalidLoggedOperation                               (-500)
#define JET_errLogFileCorrupt                                       (-501)
#define JET_errNoBackupDirectory                                    (-503)
#define JET_errBackupDirectoryNotEmpty                              (-504)
#define JET_errBackupInProgress                                     (-505)
#define JET_errRestoreInProgress                                    (-506)
#define JET_errMissingPreviousLogFile                               (-509)
#define JET_errLogWriteFail                                         (-510)
#define JET_errLogDisabledDueToRecoveryFailure                      (-511)
#define JET_errCannotLogDuringRecoveryRedo                          (-512)
#define JET_errLogGenerationMismatch                                (-513)
#define JET_errBadLogVersion                                        (-514)
#define JET_errInvalidLogSequence                                   (-515)
#define JET_errLoggingDisabled                                      (-516)
#define JET_errLogBufferTooSmall                                    (-517)
#define JET_errLogSequenceEnd                                       (-519)
#define JET_errNoBackup                                             (-520)
#define JET_errInvalidBackupSequence                                (-521)
#define JET_errBackupNotAllowedYet                                  (-523)
#define JET_errDeleteBackupFileFail                                 (-524)
#define JET_errMakeBackupDirectoryFail                              (-525)
#define JET_errInvalidBackup                                        (-526)
#define JET_errRecoveredWithErrors                                  (-527)
#define JET_errMissingLogFile                                       (-528)
#define JET_errLogDiskFull                                          (-529)
#define JET_errBadLogSignature                                      (-530)
#define JET_errBadDbSignature                                       (-531)
#define JET_errBadCheckpointSignature                               (-532)
#define JET_errCheckpointCorrupt                                    (-533)
#define JET_errMissingPatchPage                                     (-534)
#define JET_errBadPatchPage                                         (-535)
#define JET_errRedoAbruptEnded                                      (-536)
#define JET_errPatchFileMissing                                     (-538)
#define JET_errDatabaseLogSetMismatch                               (-539)
#define JET_errDatabaseStreamingFileMismatch                        (-540)
#define JET_errLogFileSizeMismatch                                  (-541)
#define JET_errCheckpointFileNotFound                               (-542)
#define JET_errRequiredLogFilesMissing                              (-543)
#define JET_errSoftRecoveryOnBackupDatabase                         (-544)
#define JET_errLogFileSizeMismatchDatabasesConsistent               (-545)
#define JET_errLogSectorSizeMismatch                                (-546)
#define JET_errLogSectorSizeMismatchDatabasesConsistent             (-547)
#define JET_errLogSequenceEndDatabasesConsistent                    (-548)
#define JET_errStreamingDataNotLogged                               (-549)
#define JET_errDatabaseDirtyShutdown                                (-550)
#define JET_errDatabaseInconsistent                                 JET_errDatabaseDirtyShutdown
#define JET_errConsistentTimeMismatch                               (-551)
#define JET_errDatabasePatchFileMismatch                            (-552)
#define JET_errEndingRestoreLogTooLow                               (-553)
#define JET_errStartingRestoreLogTooHigh                            (-554)
#define JET_errGivenLogFileHasBadSignature                          (-555)
#define JET_errGivenLogFileIsNotContiguous                          (-556)
#define JET_errMissingRestoreLogFiles                               (-557)
#define JET_wrnExistingLogFileHasBadSignature                       558
#define JET_wrnExistingLogFileIsNotContiguous                       559
#define JET_errMissingFullBackup                                    (-560)
#define JET_errBadBackupDatabaseSize                                (-561)
#define JET_errDatabaseAlreadyUpgraded                              (-562)
#define JET_errDatabaseIncompleteUpgrade                            (-563)
#define JET_wrnSkipThisRecord                                       564
#define JET_errMissingCurrentLogFiles                               (-565)
#define JET_errDbTimeTooOld                                         (-566)
#define JET_errDbTimeTooNew                                         (-567)
#define JET_errMissingFileToBackup                                  (-569)
#define JET_errLogTornWriteDuringHardRestore                        (-570)
#define JET_errLogTornWriteDuringHardRecovery                       (-571)
#define JET_errLogCorruptDuringHardRestore                          (-573)
#define JET_errLogCorruptDuringHardRecovery                         (-574)
#define JET_errMustDisableLoggingForDbUpgrade                       (-575)
#define JET_errBadRestoreTargetInstance                             (-577)
#define JET_wrnTargetInstanceRunning                                578
#define JET_errRecoveredWithoutUndo                                 (-579)
#define JET_errDatabasesNotFromSameSnapshot                         (-580)
#define JET_errSoftRecoveryOnSnapshot                               (-581)
#define JET_errCommittedLogFilesMissing                             (-582)
#define JET_errSectorSizeNotSupported                               (-583)
#define JET_errRecoveredWithoutUndoDatabasesConsistent              (-584)
#define JET_wrnCommittedLogFilesLost                                585
#define JET_errCommittedLogFileCorrupt                              (-586)
#define JET_wrnCommittedLogFilesRemoved                             587
#define JET_wrnFinishWithUndo                                       588
#define JET_errLogSequenceChecksumMismatch                          (-590)
#define JET_wrnDatabaseRepaired                                     595
#define JET_errPageInitializedMismatch                              (-596)
#define JET_errUnicodeTranslationBufferTooSmall                     (-601)
#define JET_errUnicodeTranslationFail                               (-602)
#define JET_errUnicodeNormalizationNotSupported                     (-603)
#define JET_errUnicodeLanguageValidationFailure                     (-604)
#define JET_errExistingLogFileHasBadSignature                       (-610)
#define JET_errExistingLogFileIsNotContiguous                       (-611)
#define JET_errLogReadVerifyFailure                                 (-612)
#define JET_errCheckpointDepthTooDeep                               (-614)
#define JET_errRestoreOfNonBackupDatabase                           (-615)
#define JET_errLogFileNotCopied                                     (-616)
#define JET_errSurrogateBackupInProgress                            (-617)
#define JET_errTransactionTooLong                                   (-618)
#define JET_errEngineFormatVersionNoLongerSupportedTooLow           (-619)
#define JET_errEngineFormatVersionNotYetImplementedTooHigh          (-620)
#define JET_errEngineFormatVersionParamTooLowForRequestedFeature    (-621)
#define JET_errEngineFormatVersionSpecifiedTooLowForLogVersion      (-622)
#define JET_errEngineFormatVersionSpecifiedTooLowForDatabaseVersion (-623)
#define JET_errDbTimeBeyondMaxRequired                              (-625)
#define JET_errLogOperationInconsistentWithDatabase                 (-626)
#define JET_errBackupAbortByServer                                  (-801)
#define JET_errInvalidGrbit                                         (-900)
#define JET_errTermInProgress                                       (-1000)
#define JET_errFeatureNotAvailable                                  (-1001)
#define JET_errInvalidName                                          (-1002)
#define JET_errInvalidParameter                                     (-1003)
#define JET_wrnColumnNull                                           1004
#define JET_wrnBufferTruncated                                      1006
#define JET_wrnDatabaseAttached                                     1007
#define JET_errDatabaseFileReadOnly                                 (-1008)
#define JET_wrnSortOverflow                                         1009
#define JET_errInvalidDatabaseId                                    (-1010)
#define JET_errOutOfMemory                                          (-1011)
#define JET_errOutOfDatabaseSpace                                   (-1012)
#define JET_errOutOfCursors                                         (-1013)
#define JET_errOutOfBuffers                                         (-1014)
#define JET_errTooManyIndexes                                       (-1015)
#define JET_errTooManyKeys                                          (-1016)
#define JET_errRecordDeleted                                        (-1017)
#define JET_errReadVerifyFailure                                    (-1018)
#define JET_errPageNotInitialized                                   (-1019)
#define JET_errOutOfFileHandles                                     (-1020)
#define JET_errDiskReadVerificationFailure                          (-1021)
#define JET_errDiskIO                                               (-1022)
#define JET_errInvalidPath                                          (-1023)
#define JET_errInvalidSystemPath                                    (-1024)
#define JET_errInvalidLogDirectory                                  (-1025)
#define JET_errRecordTooBig                                         (-1026)
#define JET_errTooManyOpenDatabases                                 (-1027)
#define JET_errInvalidDatabase                                      (-1028)
#define JET_errNotInitialized                                       (-1029)
#define JET_errAlreadyInitialized                                   (-1030)
#define JET_errInitInProgress                                       (-1031)
#define JET_errFileAccessDenied                                     (-1032)
#define JET_errQueryNotSupported                                    (-1034)
#define JET_errSQLLinkNotSupported                                  (-1035)
#define JET_errBufferTooSmall                                       (-1038)
#define JET_wrnSeekNotEqual                                         1039
#define JET_errTooManyColumns                                       (-1040)
#define JET_errContainerNotEmpty                                    (-1043)
#define JET_errInvalidFilename                                      (-1044)
#define JET_errInvalidBookmark                                      (-1045)
#define JET_errColumnInUse                                          (-1046)
#define JET_errInvalidBufferSize                                    (-1047)
#define JET_errColumnNotUpdatable                                   (-1048)
#define JET_errIndexInUse                                           (-1051)
#define JET_errLinkNotSupported                                     (-1052)
#define JET_errNullKeyDisallowed                                    (-1053)
#define JET_errNotInTransaction                                     (-1054)
#define JET_wrnNoErrorInfo                                          1055
#define JET_errMustRollback                                         (-1057)
#define JET_wrnNoIdleActivity                                       1058
#define JET_errTooManyActiveUsers                                   (-1059)
#define JET_errInvalidCountry                                       (-1061)
#define JET_errInvalidLanguageId                                    (-1062)
#define JET_errInvalidCodePage                                      (-1063)
#define JET_errInvalidLCMapStringFlags                              (-1064)
#define JET_errVersionStoreEntryTooBig                              (-1065)
#define JET_errVersionStoreOutOfMemoryAndCleanupTimedOut            (-1066)
#define JET_wrnNoWriteLock                                          1067
#define JET_wrnColumnSetNull                                        1068
#define JET_errVersionStoreOutOfMemory                              (-1069)
#define JET_errCurrencyStackOutOfMemory                             (-1070)
#define JET_errCannotIndex                                          (-1071)
#define JET_errRecordNotDeleted                                     (-1072)
#define JET_errTooManyMempoolEntries                                (-1073)
#define JET_errOutOfObjectIDs                                       (-1074)
#define JET_errOutOfLongValueIDs                                    (-1075)
#define JET_errOutOfAutoincrementValues                             (-1076)
#define JET_errOutOfDbtimeValues                                    (-1077)
#define JET_errOutOfSequentialIndexValues                           (-1078)
#define JET_errRunningInOneInstanceMode                             (-1080)
#define JET_errRunningInMultiInstanceMode                           (-1081)
#define JET_errSystemParamsAlreadySet                               (-1082)
#define JET_errSystemPathInUse                                      (-1083)
#define JET_errLogFilePathInUse                                     (-1084)
#define JET_errTempPathInUse                                        (-1085)
#define JET_errInstanceNameInUse                                    (-1086)
#define JET_errSystemParameterConflict                              (-1087)
#define JET_errInstanceUnavailable                                  (-1090)
#define JET_errDatabaseUnavailable                                  (-1091)
#define JET_errInstanceUnavailableDueToFatalLogDiskFull             (-1092)
#define JET_errInvalidSesparamId                                    (-1093)
#define JET_errTooManyRecords                                       (-1094)
#define JET_errInvalidDbparamId                                     (-1095)
#define JET_errOutOfSessions                                        (-1101)
#define JET_errWriteConflict                                        (-1102)
#define JET_errTransTooDeep                                         (-1103)
#define JET_errInvalidSesid                                         (-1104)
#define JET_errWriteConflictPrimaryIndex                            (-1105)
#define JET_errInTransaction                                        (-1108)
#define JET_errRollbackRequired                                     (-1109)
#define JET_errTransReadOnly                                        (-1110)
#define JET_errSessionWriteConflict                                 (-1111)
#define JET_errRecordTooBigForBackwardCompatibility                 (-1112)
#define JET_errCannotMaterializeForwardOnlySort                     (-1113)
#define JET_errSesidTableIdMismatch                                 (-1114)
#define JET_errInvalidInstance                                      (-1115)
#define JET_errDirtyShutdown                                        (-1116)
#define JET_errReadPgnoVerifyFailure                                (-1118)
#define JET_errReadLostFlushVerifyFailure                           (-1119)
#define JET_errFileSystemCorruption                                 (-1121)
#define JET_wrnShrinkNotPossible                                    1122
#define JET_errRecoveryVerifyFailure                                (-1123)
#define JET_errFilteredMoveNotSupported                             (-1124)
#define JET_errMustCommitDistributedTransactionToLevel0             (-1150)
#define JET_errDistributedTransactionAlreadyPreparedToCommit        (-1151)
#define JET_errNotInDistributedTransaction                          (-1152)
#define JET_errDistributedTransactionNotYetPreparedToCommit         (-1153)
#define JET_errCannotNestDistributedTransactions                    (-1154)
#define JET_errDTCMissingCallback                                   (-1160)
#define JET_errDTCMissingCallbackOnRecovery                         (-1161)
#define JET_errDTCCallbackUnexpectedError                           (-1162)
#define JET_wrnDTCCommitTransaction                                 1163
#define JET_wrnDTCRollbackTransaction                               1164
#define JET_errDatabaseDuplicate                                    (-1201)
#define JET_errDatabaseInUse                                        (-1202)
#define JET_errDatabaseNotFound                                     (-1203)
#define JET_errDatabaseInvalidName                                  (-1204)
#define JET_errDatabaseInvalidPages                                 (-1205)
#define JET_errDatabaseCorrupted                                    (-1206)
#define JET_errDatabaseLocked                                       (-1207)
#define JET_errCannotDisableVersioning                              (-1208)
#define JET_errInvalidDatabaseVersion                               (-1209)
#define JET_errDatabase200Format                                    (-1210)
#define JET_errDatabase400Format                                    (-1211)
#define JET_errDatabase500Format                                    (-1212)
#define JET_errPageSizeMismatch                                     (-1213)
#define JET_errTooManyInstances                                     (-1214)
#define JET_errDatabaseSharingViolation                             (-1215)
#define JET_errAttachedDatabaseMismatch                             (-1216)
#define JET_errDatabaseInvalidPath                                  (-1217)
#define JET_errDatabaseIdInUse                                      (-1218)
#define JET_errForceDetachNotAllowed                                (-1219)
#define JET_errCatalogCorrupted                                     (-1220)
#define JET_errPartiallyAttachedDB                                  (-1221)
#define JET_errDatabaseSignInUse                                    (-1222)
#define JET_errDatabaseCorruptedNoRepair                            (-1224)
#define JET_errInvalidCreateDbVersion                               (-1225)
#define JET_errDatabaseIncompleteIncrementalReseed                  (-1226)
#define JET_errDatabaseInvalidIncrementalReseed                     (-1227)
#define JET_errDatabaseFailedIncrementalReseed                      (-1228)
#define JET_errNoAttachmentsFailedIncrementalReseed                 (-1229)
#define JET_errDatabaseNotReady                                     (-1230)
#define JET_errDatabaseAttachedForRecovery                          (-1231)
#define JET_errTransactionsNotReadyDuringRecovery                   (-1232)
#define JET_wrnTableEmpty                                           1301
#define JET_errTableLocked                                          (-1302)
#define JET_errTableDuplicate                                       (-1303)
#define JET_errTableInUse                                           (-1304)
#define JET_errObjectNotFound                                       (-1305)
#define JET_errDensityInvalid                                       (-1307)
#define JET_errTableNotEmpty                                        (-1308)
#define JET_errInvalidTableId                                       (-1310)
#define JET_errTooManyOpenTables                                    (-1311)
#define JET_errIllegalOperation                                     (-1312)
#define JET_errTooManyOpenTablesAndCleanupTimedOut                  (-1313)
#define JET_errObjectDuplicate                                      (-1314)
#define JET_errInvalidObject                                        (-1316)
#define JET_errCannotDeleteTempTable                                (-1317)
#define JET_errCannotDeleteSystemTable                              (-1318)
#define JET_errCannotDeleteTemplateTable                            (-1319)
#define JET_errExclusiveTableLockRequired                           (-1322)
#define JET_errFixedDDL                                             (-1323)
#define JET_errFixedInheritedDDL                                    (-1324)
#define JET_errCannotNestDDL                                        (-1325)
#define JET_errDDLNotInheritable                                    (-1326)
#define JET_wrnTableInUseBySystem                                   1327
#define JET_errInvalidSettings                                      (-1328)
#define JET_errClientRequestToStopJetService                        (-1329)
#define JET_errCannotAddFixedVarColumnToDerivedTable                (-1330)
#define JET_errIndexCantBuild                                       (-1401)
#define JET_errIndexHasPrimary                                      (-1402)
#define JET_errIndexDuplicate                                       (-1403)
#define JET_errIndexNotFound                                        (-1404)
#define JET_errIndexMustStay                                        (-1405)
#define JET_errIndexInvalidDef                                      (-1406)
#define JET_errInvalidCreateIndex                                   (-1409)
#define JET_errTooManyOpenIndexes                                   (-1410)
#define JET_errMultiValuedIndexViolation                            (-1411)
#define JET_errIndexBuildCorrupted                                  (-1412)
#define JET_errPrimaryIndexCorrupted                                (-1413)
#define JET_errSecondaryIndexCorrupted                              (-1414)
#define JET_wrnCorruptIndexDeleted                                  1415
#define JET_errInvalidIndexId                                       (-1416)
#define JET_wrnPrimaryIndexOutOfDate                                1417
#define JET_wrnSecondaryIndexOutOfDate                              1418
#define JET_errCantUseDeferredPopulateIndex                         (-1419)
#define JET_errIndexTuplesSecondaryIndexOnly                        (-1430)
#define JET_errIndexTuplesTooManyColumns                            (-1431)
#define JET_errIndexTuplesOneColumnOnly                             JET_errIndexTuplesTooManyColumns
#define JET_errIndexTuplesNonUniqueOnly                             (-1432)
#define JET_errIndexTuplesTextBinaryColumnsOnly                     (-1433)
#define JET_errIndexTuplesTextColumnsOnly                           JET_errIndexTuplesTextBinaryColumnsOnly
#define JET_errIndexTuplesVarSegMacNotAllowed                       (-1434)
#define JET_errIndexTuplesInvalidLimits                             (-1435)
#define JET_errIndexTuplesCannotRetrieveFromIndex                   (-1436)
#define JET_errIndexTuplesKeyTooSmall                               (-1437)
#define JET_errInvalidLVChunkSize                                   (-1438)
#define JET_errColumnCannotBeEncrypted                              (-1439)
#define JET_errCannotIndexOnEncryptedColumn                         (-1440)
#define JET_errColumnLong                                           (-1501)
#define JET_errColumnNoChunk                                        (-1502)
#define JET_errColumnDoesNotFit                                     (-1503)
#define JET_errNullInvalid                                          (-1504)
#define JET_errColumnIndexed                                        (-1505)
#define JET_errColumnTooBig                                         (-1506)
#define JET_errColumnNotFound                                       (-1507)
#define JET_errColumnDuplicate                                      (-1508)
#define JET_errMultiValuedColumnMustBeTagged                        (-1509)
#define JET_errColumnRedundant                                      (-1510)
#define JET_errInvalidColumnType                                    (-1511)
#define JET_wrnColumnMaxTruncated                                   1512
#define JET_errTaggedNotNULL                                        (-1514)
#define JET_errNoCurrentIndex                                       (-1515)
#define JET_errKeyIsMade                                            (-1516)
#define JET_errBadColumnId                                          (-1517)
#define JET_errBadItagSequence                                      (-1518)
#define JET_errColumnInRelationship                                 (-1519)
#define JET_wrnCopyLongValue                                        1520
#define JET_errCannotBeTagged                                       (-1521)
#define JET_wrnTaggedColumnsRemaining                               1523
#define JET_errDefaultValueTooBig                                   (-1524)
#define JET_errMultiValuedDuplicate                                 (-1525)
#define JET_errLVCorrupted                                          (-1526)
#define JET_errMultiValuedDuplicateAfterTruncation                  (-1528)
#define JET_errDerivedColumnCorruption                              (-1529)
#define JET_errInvalidPlaceholderColumn                             (-1530)
#define JET_wrnColumnSkipped                                        1531
#define JET_wrnColumnNotLocal                                       1532
#define JET_wrnColumnMoreTags                                       1533
#define JET_wrnColumnTruncated                                      1534
#define JET_wrnColumnPresent                                        1535
#define JET_wrnColumnSingleValue                                    1536
#define JET_wrnColumnDefault                                        1537
#define JET_errColumnCannotBeCompressed                             (-1538)
#define JET_wrnColumnNotInRecord                                    1539
#define JET_errColumnNoEncryptionKey                                (-1540)
#define JET_wrnColumnReference                                      1541
#define JET_errRecordNotFound                                       (-1601)
#define JET_errRecordNoCopy                                         (-1602)
#define JET_errNoCurrentRecord                                      (-1603)
#define JET_errRecordPrimaryChanged                                 (-1604)
#define JET_errKeyDuplicate                                         (-1605)
#define JET_errAlreadyPrepared                                      (-1607)
#define JET_errKeyNotMade                                           (-1608)
#define JET_errUpdateNotPrepared                                    (-1609)
#define JET_wrnDataHasChanged                                       1610
#define JET_errDataHasChanged                                       (-1611)
#define JET_wrnKeyChanged                                           1618
#define JET_errLanguageNotSupported                                 (-1619)
#define JET_errDecompressionFailed                                  (-1620)
#define JET_errUpdateMustVersion                                    (-1621)
#define JET_errDecryptionFailed                                     (-1622)
#define JET_errEncryptionBadItag                                    (-1623)
#define JET_errSetAutoIncrementTooHigh                              (-1624)
#define JET_errAutoIncrementNotSet                                  (-1625)
#define JET_errTooManySorts                                         (-1701)
#define JET_errInvalidOnSort                                        (-1702)
#define JET_errTempFileOpenError                                    (-1803)
#define JET_errTooManyAttachedDatabases                             (-1805)
#define JET_errDiskFull                                             (-1808)
#define JET_errPermissionDenied                                     (-1809)
#define JET_errFileNotFound                                         (-1811)
#define JET_errFileInvalidType                                      (-1812)
#define JET_wrnFileOpenReadOnly                                     1813
#define JET_errFileAlreadyExists                                    (-1814)
#define JET_errAfterInitialization                                  (-1850)
#define JET_errLogCorrupted                                         (-1852)
#define JET_errInvalidOperation                                     (-1906)
#define JET_errAccessDenied                                         (-1907)
#define JET_wrnIdleFull                                             1908
#define JET_errTooManySplits                                        (-1909)
#define JET_errSessionSharingViolation                              (-1910)
#define JET_errEntryPointNotFound                                   (-1911)
#define JET_errSessionContextAlreadySet                             (-1912)
#define JET_errSessionContextNotSetByThisThread                     (-1913)
#define JET_errSessionInUse                                         (-1914)
#define JET_errRecordFormatConversionFailed                         (-1915)
#define JET_errOneDatabasePerSession                                (-1916)
#define JET_errRollbackError                                        (-1917)
#define JET_errFlushMapVersionUnsupported                           (-1918)
#define JET_errFlushMapDatabaseMismatch                             (-1919)
#define JET_errFlushMapUnrecoverable                                (-1920)
#define JET_errRBSFileCorrupt                                       (-1921)
#define JET_errRBSHeaderCorrupt                                     (-1922)
#define JET_errRBSDbMismatch                                        (-1923)
#define JET_errBadRBSVersion                                        (-1925)
#define JET_errOutOfRBSSpace                                        (-1926)
#define JET_errRBSInvalidSign                                       (-1927)
#define JET_errRBSInvalidRecord                                     (-1928)
#define JET_errRBSRCInvalidRBS                                      (-1929)
#define JET_errRBSRCNoRBSFound                                      (-1930)
#define JET_errRBSRCBadDbState                                      (-1931)
#define JET_errRBSMissingReqLogs                                    (-1932)
#define JET_errRBSLogDivergenceFailed                               (-1933)
#define JET_errRBSRCCopyLogsRevertState                             (-1934)
#define JET_errDatabaseIncompleteRevert                             (-1935)
#define JET_errRBSRCRevertCancelled                                 (-1936)
#define JET_errRBSRCInvalidDbFormatVersion                          (-1937)
#define JET_errRBSCannotDetermineDivergence                         (-1938)
#define JET_errRBSDeleteTableTooBig                                 (-1941)
#define JET_errRBSDeleteTableTooSoon                                (-1942)
#define JET_errRBSFDPToBeDeleted                                    (-1943)
#define JET_errRBSRevertableDeleteNotPossible                       (-1944)
#define JET_errRBSRedeleteFDPUnexpected                             (-1947)
#define JET_errRBSRCPageFDPDeleteFileCorrupt                        (-1948)
#define JET_wrnDefragAlreadyRunning                                 2000
#define JET_wrnDefragNotRunning                                     2001
#define JET_wrnDatabaseScanAlreadyRunning                           2002
#define JET_wrnDatabaseScanNotRunning                               2003
#define JET_errDatabaseAlreadyRunningMaintenance                    (-2004)
#define JET_errRootSpaceLeakEstimationAlreadyRunning                (-2006)
#define JET_wrnCallbackNotRegistered                                2100
#define JET_errCallbackFailed                                       (-2101)
#define JET_errCallbackNotResolved                                  (-2102)
#define JET_errSpaceHintsInvalid                                    (-2103)
#define JET_errOSSnapshotInvalidSequence                            (-2401)
#define JET_errOSSnapshotTimeOut                                    (-2402)
#define JET_errOSSnapshotNotAllowed                                 (-2403)
#define JET_errOSSnapshotInvalidSnapId                              (-2404)
#define JET_errTooManyTestInjections                                (-2501)
#define JET_errTestInjectionNotSupported                            (-2502)
#define JET_errInvalidLogDataSequence                               (-2601)
#define JET_wrnPreviousLogFileIncomplete                            2602
#define JET_errLSCallbackNotSpecified                               (-3000)
#define JET_errLSAlreadySet                                         (-3001)
#define JET_errLSNotSet                                             (-3002)
#define JET_errFileIOSparse                                         (-4000)
#define JET_errFileIOBeyondEOF                                      (-4001)
#define JET_errFileIOAbort                                          (-4002)
#define JET_errFileIORetry                                          (-4003)
#define JET_errFileIOFail                                           (-4004)
#define JET_errFileCompressed                                       (-4005)
#define JET_errClientSpaceBegin                                     (-10000)
#define JET_errClientSpaceEnd                                       (-11999)
#define JET_bitShrinkDatabaseEofOnAttach                            0x00000001
#define JET_bitShrinkDatabaseFullCategorizationOnAttach             0x00000002
#define JET_bitShrinkDatabaseDontMoveRootsOnAttach                  0x00000004
#define JET_bitShrinkDatabaseDontTruncateLeakedPagesOnAttach        0x00000008
#define JET_bitShrinkDatabaseDontTruncateIndeterminatePagesOnAttach 0x00000010
#define JET_BASE_NAME_LENGTH                                        3
#define JET_bitDumpMinimum                                          0x00000001
#define JET_bitDumpMaximum                                          0x00000002
#define JET_bitDumpCacheMinimum                                     0x00000004
#define JET_bitDumpCacheMaximum                                     0x00000008
#define JET_bitDumpCacheIncludeDirtyPages                           0x00000010
#define JET_bitDumpCacheIncludeCachedPages                          0x00000020
#define JET_bitDumpCacheIncludeCorruptedPages                       0x00000040
#define JET_bitDumpCacheNoDecommit                                  0x00000080
#define JET_bitDumpUnitTest                                         0x80000000
#define JET_bitInjectionProbabilityPct                              0x00000001
#define JET_bitInjectionProbabilityCount                            0x00000002
#define JET_bitInjectionProbabilityPermanent                        0x00000004
#define JET_bitInjectionProbabilityFailUntil                        0x00000008
#define JET_bitInjectionProbabilitySuppress                         0x40000000
#define JET_bitInjectionProbabilityCleanup                          0x80000000
#define JET_bitTestHookEvictDataByPgno                              0x00000001
#define JET_bitTestHookCorruptDatabaseFile                          0x80000000
#define JET_bitTestHookCorruptDatabasePageImage                     0x40000000
#define JET_bitTestHookCorruptPageChksumRand                        0x00000001
#define JET_bitTestHookCorruptPageChksumSafe                        0x00000002
#define JET_bitTestHookCorruptPageSingleFld                         0x00000004
#define JET_bitTestHookCorruptPageRemoveNode                        0x00000008
#define JET_bitTestHookCorruptPageDbtimeDelta                       0x00000010
#define JET_bitTestHookCorruptNodePrefix                            0x00000020
#define JET_bitTestHookCorruptNodeSuffix                            0x00000040
#define JET_bitTestHookCorruptSizeLargerThanNode                    0x00010000
#define JET_bitTestHookCorruptSizeShortWrapSmall                    0x00020000
#define JET_bitTestHookCorruptSizeShortWrapLarge                    0x00040000
#define JET_bitTestHookCorruptLeaveChecksum                         0x01000000
#define JET_bitAlterDbFileHdrAddField                               0x1
#define JET_tableidNil                                              (~(JET_TABLEID)0)
#define JET_columnidNil                                             (~(JET_COLUMNID)0)
#define JET_cbBookmarkMost                                          256
#define JET_cbBookmarkMostMost                                      2000
#define JET_cbNameMost                                              64
#define JET_cbFullNameMost                                          255
#define JET_cbColumnLVPageOverhead                                  82
#define JET_cbLVDefaultValueMost                                    255
#define JET_cbColumnMost                                            255
#define JET_cbLVColumnMost                                          0x7FFFFFFF
#define JET_cbKeyMostMost                                           2000
#define JET_cbKeyMost32KBytePage                                    2000
#define JET_cbKeyMost16KBytePage                                    2000
#define JET_cbKeyMost8KBytePage                                     2000
#define JET_cbKeyMost4KBytePage                                     1000
#define JET_cbKeyMost2KBytePage                                     500
#define JET_cbKeyMostMin                                            255
#define JET_cbKeyMost                                               255
#define JET_cbLimitKeyMost                                          256
#define JET_cbPrimaryKeyMost                                        255
#define JET_cbSecondaryKeyMost                                      255
#define JET_cbKeyMost_OLD                                           255
#define JET_ccolKeyMost                                             16
#define JET_ccolMost                                                0x0000fee0
#define JET_ccolFixedMost                                           0x0000007f
#define JET_ccolVarMost                                             0x00000080
#define JET_ccolTaggedMost                                          0x0000fde1
#define JET_maskLimitOptions                                        0x00000f00
#define JET_MoveFirst                                               0x80000000
#define JET_MovePrevious                                            (-1)
#define JET_MoveNext                                                1
#define JET_MoveLast                                                0x7fffffff
#define JET_prepInsert                                              0
#define JET_prepReplace                                             2
#define JET_prepCancel                                              3
#define JET_prepReplaceNoLock                                       4
#define JET_prepInsertCopy                                          5
#define JET_prepInsertCopyDeleteOriginal                            7
#define JET_prepReadOnlyCopy                                        8
#define JET_prepInsertCopyReplaceOriginal                           9
#define JET_prepInsertMustSetAutoIncrement                          10
#define JET_coltypNil                                               0
#define JET_coltypBit                                               1
#define JET_coltypUnsignedByte                                      2
#define JET_coltypShort                                             3
#define JET_coltypLong                                              4
#define JET_coltypCurrency                                          5
#define JET_coltypIEEESingle                                        6
#define JET_coltypIEEEDouble                                        7
#define JET_coltypDateTime                                          8
#define JET_coltypBinary                                            9
#define JET_coltypText                                              10
#define JET_coltypLongBinary                                        11
#define JET_coltypLongText                                          12
#define JET_coltypMax                                               19
#define JET_coltypSLV                                               13
#define JET_coltypUnsignedLong                                      14
#define JET_coltypLongLong                                          15
#define JET_coltypGUID                                              16
#define JET_coltypUnsignedShort                                     17
#define JET_coltypUnsignedLongLong                                  18
#define JET_TblInfo                                                 0
#define JET_TblInfoName                                             1
#define JET_TblInfoDbid                                             2
#define JET_TblInfoMostMany                                         3
#define JET_TblInfoRvt                                              4
#define JET_TblInfoOLC                                              5
#define JET_TblInfoResetOLC                                         6
#define JET_TblInfoSpaceUsage                                       7
#define JET_TblInfoDumpTable                                        8
#define JET_TblInfoSpaceAlloc                                       9
#define JET_TblInfoSpaceOwned                                       10
#define JET_TblInfoSpaceAvailable                                   11
#define JET_TblInfoTemplateTableName                                12
#define JET_TblInfoLVChunkMax                                       13
#define JET_TblInfoEncryptionKey                                    14
#define JET_TblInfoRetrieveAndReserveAutoIncrement                  16
#define JET_TblInfoSpaceOwnedLV                                     17
#define JET_TblInfoSpaceAvailableLV                                 18
#define JET_TblInfoObjectId                                         19
#define JET_IdxInfo                                                 0
#define JET_IdxInfoList                                             1
#define JET_IdxInfoSysTabCursor                                     2
#define JET_IdxInfoOLC                                              3
#define JET_IdxInfoResetOLC                                         4
#define JET_IdxInfoSpaceAlloc                                       5
#define JET_IdxInfoLCID                                             6
#define JET_IdxInfoLangid                                           6
#define JET_IdxInfoCount                                            7
#define JET_IdxInfoVarSegMac                                        8
#define JET_IdxInfoIndexId                                          9
#define JET_IdxInfoKeyMost                                          10
#define JET_IdxInfoCreateIndex                                      11
#define JET_IdxInfoCreateIndex2                                     12
#define JET_IdxInfoCreateIndex3                                     13
#define JET_IdxInfoLocaleName                                       14
#define JET_IdxInfoSortVersion                                      15
#define JET_IdxInfoDefinedSortVersion                               16
#define JET_IdxInfoSortId                                           17
#define JET_IdxInfoSpaceOwned                                       18
#define JET_IdxInfoSpaceAvailable                                   19
#define JET_ColInfo                                                 0
#define JET_ColInfoList                                             1
#define JET_ColInfoSysTabCursor                                     3
#define JET_ColInfoBase                                             4
#define JET_ColInfoListCompact                                      5
#define JET_ColInfoByColid                                          6
#define JET_ColInfoListSortColumnid                                 7
#define JET_ColInfoBaseByColid                                      8
#define JET_ColInfoGrbitNonDerivedColumnsOnly                       0x80000000
#define JET_ColInfoGrbitMinimalInfo                                 0x40000000
#define JET_ColInfoGrbitSortByColumnid                              0x20000000
#define JET_ColInfoGrbitCompacting                                  0x10000000
#define JET_objtypNil                                               0
#define JET_objtypTable                                             1
#define JET_objtypDb                                                2
#define JET_objtypContainer                                         3
#define JET_objtypLongRoot                                          9
#else /* Swift: typed literals (see tools/gen-constants.py) */
#define JET_bitDBUtilSpaceInfoBasicCatalog                          ((JET_GRBIT)0x00000001)
#define JET_bitDBUtilSpaceInfoSpaceTrees                            ((JET_GRBIT)0x00000002)
#define JET_bitDBUtilSpaceInfoParentOfLeaf                          ((JET_GRBIT)0x00000004)
#define JET_bitDBUtilSpaceInfoFullWalk                              ((JET_GRBIT)0x00000008)
#define JET_bitDBUtilFullCategorization                             ((JET_GRBIT)0x00000001)
#define JET_bitDBUtilOptionAllNodes                                 ((JET_GRBIT)0x00000001)
#define JET_bitDBUtilOptionKeyStats                                 ((JET_GRBIT)0x00000002)
#define JET_bitDBUtilOptionPageDump                                 ((JET_GRBIT)0x00000004)
#define JET_bitDBUtilOptionStats                                    ((JET_GRBIT)0x00000008)
#define JET_bitDBUtilOptionSuppressConsoleOutput                    ((JET_GRBIT)0x00000010)
#define JET_bitDBUtilOptionIgnoreErrors                             ((JET_GRBIT)0x00000020)
#define JET_bitDBUtilOptionVerify                                   ((JET_GRBIT)0x00000040)
#define JET_bitDBUtilOptionReportErrors                             ((JET_GRBIT)0x00000080)
#define JET_bitDBUtilOptionDontRepair                               ((JET_GRBIT)0x00000100)
#define JET_bitDBUtilOptionRepairAll                                ((JET_GRBIT)0x00000200)
#define JET_bitDBUtilOptionRepairIndexes                            ((JET_GRBIT)0x00000400)
#define JET_bitDBUtilOptionDontBuildIndexes                         ((JET_GRBIT)0x00000800)
#define JET_bitDBUtilOptionSuppressLogo                             ((JET_GRBIT)0x00008000)
#define JET_bitDBUtilOptionRepairCheckOnly                          ((JET_GRBIT)0x00010000)
#define JET_bitDBUtilOptionDumpLVPageUsage                          ((JET_GRBIT)0x00020000)
#define JET_bitDBUtilOptionDumpLogInfoCSV                           ((JET_GRBIT)0x00040000)
#define JET_bitDBUtilOptionDumpLogPermitPatching                    ((JET_GRBIT)0x00080000)
#define JET_bitDBUtilOptionSkipMinLogChecksUpdateHeader             ((JET_GRBIT)0x00100000)
#define JET_bitDBUtilOptionDumpVerbose                              ((JET_GRBIT)0x10000000)
#define JET_bitDBUtilOptionDumpVerboseLevel1                        ((JET_GRBIT)0x10000000)
#define JET_bitDBUtilOptionDumpVerboseLevel2                        ((JET_GRBIT)0x20000000)
#define JET_bitDBUtilOptionDumpLogSummary                           ((JET_GRBIT)0x40000000)
#define JET_bitConfigStoreReadControlInhibitRead                    ((JET_GRBIT)0x00000001)
#define JET_bitConfigStoreReadControlDisableAll                     ((JET_GRBIT)0x00000002)
#define JET_bitConfigStoreReadControlDisableSetParamRead            ((JET_GRBIT)0x00000004)
#define JET_bitConfigStoreReadControlDisableGlobalInitRead          ((JET_GRBIT)0x00000008)
#define JET_bitConfigStoreReadControlDisableInstInitRead            ((JET_GRBIT)0x00000010)
#define JET_bitConfigStoreReadControlDisableLiveRead                ((JET_GRBIT)0x00000020)
#define JET_bitConfigStoreReadControlDefault                        ((JET_GRBIT)0x00000000)
#define JET_bitConfigStorePopulateControlOff                        ((JET_GRBIT)0x00000000)
#define JET_bitConfigStorePopulateControlOn                         ((JET_GRBIT)0x00000001)
#define JET_bitDatabaseScanBatchStart                               ((JET_GRBIT)0x00000010)
#define JET_bitDatabaseScanBatchStop                                ((JET_GRBIT)0x00000020)
#define JET_bitDatabaseScanZeroPages                                ((JET_GRBIT)0x00000040)
#define JET_bitDatabaseScanBatchStartContinuous                     ((JET_GRBIT)0x00000080)
#define JET_bitDefragmentBatchStart                                 ((JET_GRBIT)0x00000001)
#define JET_bitDefragmentBatchStop                                  ((JET_GRBIT)0x00000002)
#define JET_bitDefragmentAvailSpaceTreesOnly                        ((JET_GRBIT)0x00000040)
#define JET_bitDefragmentNoPartialMerges                            ((JET_GRBIT)0x00000080)
#define JET_bitDefragmentBTree                                      ((JET_GRBIT)0x00000100)
#define JET_bitDefragmentBTreeBatch                                 ((JET_GRBIT)0x00000200)
#define JET_bitOld2Start                                            ((JET_GRBIT)0x00000001)
#define JET_bitOld2Suspend                                          ((JET_GRBIT)0x00000002)
#define JET_bitOld2Resume                                           ((JET_GRBIT)0x00000004)
#define JET_bitOld2End                                              ((JET_GRBIT)0x00000008)
#define JET_bitCIMCommitted                                         ((JET_GRBIT)0x00000001)
#define JET_bitCIMDirty                                             ((JET_GRBIT)0x00000002)
#define JET_bitAggregateTransaction                                 ((JET_GRBIT)0x00000008)
#define JET_bitTableInfoUpdatable                                   ((JET_GRBIT)0x00000001)
#define JET_bitTableInfoBookmark                                    ((JET_GRBIT)0x00000002)
#define JET_bitTableInfoRollback                                    ((JET_GRBIT)0x00000004)
#define JET_bitObjectSystem                                         ((JET_GRBIT)0x80000000)
#define JET_bitObjectTableFixedDDL                                  ((JET_GRBIT)0x40000000)
#define JET_bitObjectTableTemplate                                  ((JET_GRBIT)0x20000000)
#define JET_bitObjectTableDerived                                   ((JET_GRBIT)0x10000000)
#define JET_bitObjectSystemDynamic                                  ((JET_GRBIT)0x88000000)
#define JET_bitObjectTableNoFixedVarColumnsInDerivedTables          ((JET_GRBIT)0x04000000)
#define JET_bitDurableCommitCallbackLogUnavailable                  ((JET_GRBIT)0x00000001)
#define JET_bitNil                                                  ((JET_GRBIT)0x00000000)
#define JET_paramSystemPath                                         0UL
#define JET_paramTempPath                                           1UL
#define JET_paramLogFilePath                                        2UL
#define JET_paramBaseName                                           3UL
#define JET_paramEventSource                                        4UL
#define JET_paramMaxSessions                                        5UL
#define JET_paramMaxOpenTables                                      6UL
#define JET_paramPreferredMaxOpenTables                             7UL
#define JET_paramCachedClosedTables                                 0x7DUL
#define JET_paramMaxCursors                                         8UL
#define JET_paramMaxVerPages                                        9UL
#define JET_paramPreferredVerPages                                  0x3FUL
#define JET_paramGlobalMinVerPages                                  0x51UL
#define JET_paramVersionStoreTaskQueueMax                           0x69UL
#define JET_paramMaxTemporaryTables                                 10UL
#define JET_paramLogFileSize                                        11UL
#define JET_paramLogBuffers                                         12UL
#define JET_paramWaitLogFlush                                       13UL
#define JET_paramLogCheckpointPeriod                                14UL
#define JET_paramLogWaitingUserMax                                  15UL
#define JET_paramCommitDefault                                      0x10UL
#define JET_paramCircularLog                                        0x11UL
#define JET_paramDbExtensionSize                                    0x12UL
#define JET_paramPageTempDBMin                                      0x13UL
#define JET_paramPageFragment                                       0x14UL
#define JET_paramPageReadAheadMax                                   0x15UL
#define JET_paramEnableFileCache                                    0x7EUL
#define JET_paramVerPageSize                                        0x80UL
#define JET_paramConfiguration                                      0x81UL
#define JET_paramEnableAdvanced                                     0x82UL
#define JET_paramMaxColtyp                                          0x83UL
#define JET_paramBatchIOBufferMax                                   0x16UL
#define JET_paramCacheSize                                          0x29UL
#define JET_paramCacheSizeMin                                       0x3CUL
#define JET_paramCacheSizeMax                                       0x17UL
#define JET_paramCheckpointDepthMax                                 0x18UL
#define JET_paramLRUKCorrInterval                                   0x19UL
#define JET_paramLRUKHistoryMax                                     0x1AUL
#define JET_paramLRUKPolicy                                         0x1BUL
#define JET_paramLRUKTimeout                                        0x1CUL
#define JET_paramLRUKTrxCorrInterval                                0x1DUL
#define JET_paramOutstandingIOMax                                   0x1EUL
#define JET_paramStartFlushThreshold                                0x1FUL
#define JET_paramStopFlushThreshold                                 0x20UL
#define JET_paramTableClassName                                     0x21UL
#define JET_paramIdleFlushTime                                      0x6AUL
#define JET_paramVAReserve                                          0x6DUL
#define JET_paramDBAPageAvailMin                                    0x78UL
#define JET_paramDBAPageAvailThreshold                              0x79UL
#define JET_paramDBAK1                                              0x7AUL
#define JET_paramDBAK2                                              0x7BUL
#define JET_paramMaxRandomIOSize                                    0x7CUL
#define JET_paramEnableViewCache                                    0x7FUL
#define JET_paramCheckpointIOMax                                    0x87UL
#define JET_paramTableClass1Name                                    0x89UL
#define JET_paramTableClass2Name                                    0x8AUL
#define JET_paramTableClass3Name                                    0x8BUL
#define JET_paramTableClass4Name                                    0x8CUL
#define JET_paramTableClass5Name                                    0x8DUL
#define JET_paramTableClass6Name                                    0x8EUL
#define JET_paramTableClass7Name                                    0x8FUL
#define JET_paramTableClass8Name                                    0x90UL
#define JET_paramTableClass9Name                                    0x91UL
#define JET_paramTableClass10Name                                   0x92UL
#define JET_paramTableClass11Name                                   0x93UL
#define JET_paramTableClass12Name                                   0x94UL
#define JET_paramTableClass13Name                                   0x95UL
#define JET_paramTableClass14Name                                   0x96UL
#define JET_paramTableClass15Name                                   0x97UL
#define JET_paramTableClass16Name                                   0xC4UL
#define JET_paramTableClass17Name                                   0xC5UL
#define JET_paramTableClass18Name                                   0xC6UL
#define JET_paramTableClass19Name                                   0xC7UL
#define JET_paramTableClass20Name                                   0xC8UL
#define JET_paramTableClass21Name                                   0xC9UL
#define JET_paramTableClass22Name                                   0xCAUL
#define JET_paramTableClass23Name                                   0xCBUL
#define JET_paramTableClass24Name                                   0xCCUL
#define JET_paramTableClass25Name                                   0xCDUL
#define JET_paramTableClass26Name                                   0xCEUL
#define JET_paramTableClass27Name                                   0xCFUL
#define JET_paramTableClass28Name                                   0xD0UL
#define JET_paramTableClass29Name                                   0xD1UL
#define JET_paramTableClass30Name                                   0xD2UL
#define JET_paramTableClass31Name                                   0xD3UL
#define JET_paramIOPriority                                         0x98UL
#define JET_paramRecovery                                           0x22UL
#define JET_paramOnLineCompact                                      0x23UL
#define JET_paramEnableOnlineDefrag                                 0x23UL
#define JET_paramAssertAction                                       0x24UL
#define JET_paramPrintFunction                                      0x25UL
#define JET_paramTransactionLevel                                   0x26UL
#define JET_paramRFS2IOsPermitted                                   0x27UL
#define JET_paramRFS2AllocsPermitted                                0x28UL
#define JET_paramCacheRequests                                      0x2AUL
#define JET_paramCacheHits                                          0x2BUL
#define JET_paramCheckFormatWhenOpenFail                            0x2CUL
#define JET_paramEnableTempTableVersioning                          0x2EUL
#define JET_paramIgnoreLogVersion                                   0x2FUL
#define JET_paramDeleteOldLogs                                      0x30UL
#define JET_paramEventSourceKey                                     0x31UL
#define JET_paramNoInformationEvent                                 0x32UL
#define JET_paramEventLoggingLevel                                  0x33UL
#define JET_paramDeleteOutOfRangeLogs                               0x34UL
#define JET_paramAccessDeniedRetryPeriod                            0x35UL
#define JET_paramEnableIndexChecking                                0x2DUL
#define JET_paramEnableIndexCleanup                                 0x36UL
#define JET_paramFlight_SmoothIoTestPermillage                      0x37UL
#define JET_paramElasticWaypointLatency                             0x38UL
#define JET_paramFlight_SynchronousLVCleanup                        0x39UL
#define JET_paramFlight_RBSRevertIOUrgentLevel                      0x3AUL
#define JET_paramFlight_EnableXpress10Compression                   0x3BUL
#define JET_paramLogFileFailoverPath                                0x3DUL
#define JET_paramEnableImprovedSeekShortcut                         0x3EUL
#define JET_paramDatabasePageSize                                   0x40UL
#define JET_paramDisableCallbacks                                   0x41UL
#define JET_paramAbortRetryFailCallback                             0x6CUL
#define JET_paramBackupChunkSize                                    0x42UL
#define JET_paramBackupOutstandingReads                             0x43UL
#define JET_paramFlight_RBSMaxTableDeletePages                      0x44UL
#define JET_paramLogFileCreateAsynch                                0x45UL
#define JET_paramErrorToString                                      0x46UL
#define JET_paramZeroDatabaseDuringBackup                           0x47UL
#define JET_paramUnicodeIndexDefault                                0x48UL
#define JET_paramRuntimeCallback                                    0x49UL
#define JET_paramEnableSortedRetrieveColumns                        0x4CUL
#define JET_paramCleanupMismatchedLogFiles                          0x4DUL
#define JET_paramRecordUpgradeDirtyLevel                            0x4EUL
#define JET_paramRecoveryCurrentLogfile                             0x4FUL
#define JET_paramOSSnapshotTimeout                                  0x52UL
#define JET_paramFlight_RBSDbScanRaiseCorruptionRevertedFDP         0x4AUL
#define JET_paramFlight_RBSAllowTooSoonNonRevertableDelete          0x4BUL
#define JET_paramFlight_RBSForceRollIntervalSec                     0x50UL
#define JET_paramFlight_EnableScanCheckFDPDeleteFlags               0x53UL
#define JET_paramFlight_NewQueueOptions                             0x54UL
#define JET_paramFlight_ConcurrentMetedOps                          0x55UL
#define JET_paramFlight_LowMetedOpsThreshold                        0x56UL
#define JET_paramFlight_MetedOpStarvedThreshold                     0x57UL
#define JET_paramFlight_MaxRBSBuffers                               0x58UL
#define JET_paramFlight_EnableShrinkArchiving                       0x59UL
#define JET_paramFlight_EnableBackupDuringRecovery                  0x5AUL
#define JET_paramFlight_RBSRollIntervalSec                          0x5BUL
#define JET_paramFlight_RBSMaxRequiredRange                         0x5CUL
#define JET_paramFlight_RBSCleanupEnabled                           0x5DUL
#define JET_paramFlight_RBSLowDiskSpaceThresholdGb                  0x5EUL
#define JET_paramFlight_RBSMaxSpaceWhenLowDiskSpaceGb               0x5FUL
#define JET_paramFlight_RBSMaxTimeSpanSec                           0x60UL
#define JET_paramFlight_RBSCleanupIntervalMinSec                    0x61UL
#define JET_paramExceptionAction                                    0x62UL
#define JET_paramEventLogCache                                      0x63UL
#define JET_paramCreatePathIfNotExist                               0x64UL
#define JET_paramPageHintCacheSize                                  0x65UL
#define JET_paramOneDatabasePerSession                              0x66UL
#define JET_paramMaxDatabasesPerInstance                            0x67UL
#define JET_paramMaxInstances                                       0x68UL
#define JET_paramDisablePerfmon                                     0x6BUL
#define JET_paramIndexTuplesLengthMin                               0x6EUL
#define JET_paramIndexTuplesLengthMax                               0x6FUL
#define JET_paramIndexTuplesToIndexMax                              0x70UL
#define JET_paramAlternateDatabaseRecoveryPath                      0x71UL
#define JET_paramFlight_ExtentPageCountCacheVerifyOnly              0x72UL
#define JET_paramFlight_EnablePgnoFDPLastSetTime                    0x73UL
#define JET_paramFlight_EnableScanCheck2Flags                       0x74UL
#define JET_paramFlight_EnableExtentFreed2                          0x75UL
#define JET_paramFlight_RBSLargeRevertableDeletePages               0x76UL
#define JET_paramFlight_RBSRevertableDeleteIfTooSoonTimeNull        0x77UL
#define JET_paramIndexTupleIncrement                                0x84UL
#define JET_paramIndexTupleStart                                    0x85UL
#define JET_paramKeyMost                                            0x86UL
#define JET_paramLegacyFileNames                                    0x88UL
#define JET_paramEnablePersistedCallbacks                           0x9CUL
#define JET_paramWaypointLatency                                    0x99UL
#define JET_paramCheckpointTooDeep                                  0x9AUL
#define JET_paramDisableBlockVerification                           0x9BUL
#define JET_paramAggressiveLogRollover                              0x9DUL
#define JET_paramPeriodicLogRolloverLLR                             0x9EUL
#define JET_paramUsePageDependencies                                0x9FUL
#define JET_paramDefragmentSequentialBTrees                         0xA0UL
#define JET_paramDefragmentSequentialBTreesDensityCheckFrequency    0xA1UL
#define JET_paramIOThrottlingTimeQuanta                             0xA2UL
#define JET_paramLVChunkSizeMost                                    0xA3UL
#define JET_paramMaxCoalesceReadSize                                0xA4UL
#define JET_paramMaxCoalesceWriteSize                               0xA5UL
#define JET_paramMaxCoalesceReadGapSize                             0xA6UL
#define JET_paramMaxCoalesceWriteGapSize                            0xA7UL
#define JET_paramEnableHaPublish                                    0xA8UL
#define JET_paramEnableDBScanInRecovery                             0xA9UL
#define JET_paramDbScanThrottle                                     0xAAUL
#define JET_paramDbScanIntervalMinSec                               0xABUL
#define JET_paramDbScanIntervalMaxSec                               0xACUL
#define JET_paramEmitLogDataCallback                                0xADUL
#define JET_paramEmitLogDataCallbackCtx                             0xAEUL
#define JET_paramEnableExternalAutoHealing                          0xAFUL
#define JET_paramPatchRequestTimeout                                0xB0UL
#define JET_paramCachePriority                                      0xB1UL
#define JET_paramMaxTransactionSize                                 0xB2UL
#define JET_paramPrereadIOMax                                       0xB3UL
#define JET_paramEnableDBScanSerialization                          0xB4UL
#define JET_paramHungIOThreshold                                    0xB5UL
#define JET_paramHungIOActions                                      0xB6UL
#define JET_paramMinDataForXpress                                   0xB7UL
#define JET_paramEnableShrinkDatabase                               0xB8UL
#define JET_paramProcessFriendlyName                                0xBAUL
#define JET_paramDurableCommitCallback                              0xBBUL
#define JET_paramEnableSqm                                          0xBCUL
#define JET_paramConfigStoreSpec                                    0xBDUL
#define JET_paramStageFlighting                                     0xBEUL
#define JET_paramZeroDatabaseUnusedSpace                            0xBFUL
#define JET_paramDisableVerifications                               0xC0UL
#define JET_paramPersistedLostFlushDetection                        0xC1UL
#define JET_paramEngineFormatVersion                                0xC2UL
#define JET_paramReplayThrottlingLevel                              0xC3UL
#define JET_paramBlockCacheConfiguration                            0xD4UL
#define JET_paramRecordSizeMost                                     0xD5UL
#define JET_paramUseFlushForWriteDurability                         0xD6UL
#define JET_paramEnableRBS                                          0xD7UL
#define JET_paramRBSFilePath                                        0xD8UL
#define JET_paramPerfmonRefreshInterval                             0xD9UL
#define JET_paramEnableBlockCache                                   0xDAUL
#define JET_paramDeferredIndexPopulateRowsPerTransaction            0xDBUL
#define JET_paramEnableBlockCacheDetach                             0xDCUL
#define JET_paramMaxValueInvalid                                    0xDDUL
#define JET_bitIOSessTraceReads                                     ((JET_GRBIT)0x00000001)
#define JET_bitIOSessTraceWrites                                    ((JET_GRBIT)0x00000002)
#define JET_bitIOSessTraceHDD                                       ((JET_GRBIT)0x00000004)
#define JET_bitIOSessTraceSSD                                       ((JET_GRBIT)0x00000008)
#define JET_bitESE98FileNames                                       ((JET_GRBIT)0x00000001)
#define JET_bitEightDotThreeSoftCompat                              ((JET_GRBIT)0x00000002)
#define JET_bitHungIOEvent                                          ((JET_GRBIT)0x00000001)
#define JET_bitHungIOCancel                                         ((JET_GRBIT)0x00000002)
#define JET_bitHungIODebug                                          ((JET_GRBIT)0x00000004)
#define JET_bitHungIOEnforce                                        ((JET_GRBIT)0x00000008)
#define JET_bitHungIOTimeout                                        ((JET_GRBIT)0x00000010)
#define JET_bitPersistedLostFlushDetectionEnabled                   ((JET_GRBIT)0x00000001)
#define JET_bitPersistedLostFlushDetectionCreateNew                 ((JET_GRBIT)0x00000002)
#define JET_bitPersistedLostFlushDetectionFailOnRuntimeOnly         ((JET_GRBIT)0x00000004)
#define JET_bitShrinkDatabaseOff                                    ((JET_GRBIT)0x00000000)
#define JET_bitShrinkDatabaseOn                                     ((JET_GRBIT)0x00000001)
#define JET_bitShrinkDatabaseRealtime                               ((JET_GRBIT)0x00000002)
#define JET_bitShrinkDatabasePeriodically                           ((JET_GRBIT)0x00008000)
#define JET_bitShrinkDatabaseTrim                                   ((JET_GRBIT)0x00000001)
#define JET_bitReplayReplicatedLogFiles                             ((JET_GRBIT)0x00000001)
#define JET_bitReplayIgnoreMissingDB                                ((JET_GRBIT)0x00000004)
#define JET_bitRecoveryWithoutUndo                                  ((JET_GRBIT)0x00000008)
#define JET_bitTruncateLogsAfterRecovery                            ((JET_GRBIT)0x00000010)
#define JET_bitReplayMissingMapEntryDB                              ((JET_GRBIT)0x00000020)
#define JET_bitLogStreamMustExist                                   ((JET_GRBIT)0x00000040)
#define JET_bitReplayIgnoreLostLogs                                 ((JET_GRBIT)0x00000080)
#define JET_bitAllowMissingCurrentLog                               ((JET_GRBIT)0x00000100)
#define JET_bitAllowSoftRecoveryOnBackup                            ((JET_GRBIT)0x00000200)
#define JET_bitSkipLostLogsEvent                                    ((JET_GRBIT)0x00000400)
#define JET_bitExternalRecoveryControl                              ((JET_GRBIT)0x00000800)
#define JET_bitKeepDbAttachedAtEndOfRecovery                        ((JET_GRBIT)0x00001000)
#define JET_bitReplayIgnoreLogRecordsBeforeMinRequiredLog           ((JET_GRBIT)0x00002000)
#define JET_bitReplayInferCheckpointFromRstmapDbs                   ((JET_GRBIT)0x00004000)
#define JET_bitRestoreMapIgnoreWhenMissing                          ((JET_GRBIT)0x00000001)
#define JET_bitRestoreMapFailWhenMissing                            ((JET_GRBIT)0x00000002)
#define JET_bitRestoreMapOverwriteOnCreate                          ((JET_GRBIT)0x00000004)
#define JET_bitTermComplete                                         ((JET_GRBIT)0x00000001)
#define JET_bitTermAbrupt                                           ((JET_GRBIT)0x00000002)
#define JET_bitTermStopBackup                                       ((JET_GRBIT)0x00000004)
#define JET_bitTermDirty                                            ((JET_GRBIT)0x00000008)
#define JET_bitIdleFlushBuffers                                     ((JET_GRBIT)0x00000001)
#define JET_bitIdleCompact                                          ((JET_GRBIT)0x00000002)
#define JET_bitIdleStatus                                           ((JET_GRBIT)0x00000004)
#define JET_bitIdleVersionStoreTest                                 ((JET_GRBIT)0x00000008)
#define JET_bitIdleCompactAsync                                     ((JET_GRBIT)0x00000010)
#define JET_bitIdleAvailBuffersStatus                               ((JET_GRBIT)0x00000020)
#define JET_bitIdleWaitForAsyncActivity                             ((JET_GRBIT)0x00000040)
#define JET_bitForceSessionClosed                                   ((JET_GRBIT)0x00000001)
#define JET_bitDbReadOnly                                           ((JET_GRBIT)0x00000001)
#define JET_bitDbExclusive                                          ((JET_GRBIT)0x00000002)
#define JET_bitDbSingleExclusive                                    ((JET_GRBIT)0x00000002)
#define JET_bitDbDeleteCorruptIndexes                               ((JET_GRBIT)0x00000010)
#define JET_bitDbRebuildCorruptIndexes                              ((JET_GRBIT)0x00000020)
#define JET_bitDbDeleteUnicodeIndexes                               ((JET_GRBIT)0x00000400)
#define JET_bitDbUpgrade                                            ((JET_GRBIT)0x00000200)
#define JET_bitDbEnableBackgroundMaintenance                        ((JET_GRBIT)0x00000800)
#define JET_bitDbPurgeCacheOnAttach                                 ((JET_GRBIT)0x00001000)
#define JET_bitForceDetach                                          ((JET_GRBIT)0x00000001)
#define JET_bitForceCloseAndDetach                                  ((JET_GRBIT)0x00000003)
#define JET_bitDbRecoveryOff                                        ((JET_GRBIT)0x00000008)
#define JET_bitDbVersioningOff                                      ((JET_GRBIT)0x00000040)
#define JET_bitDbShadowingOff                                       ((JET_GRBIT)0x00000080)
#define JET_bitDbCreateStreamingFile                                ((JET_GRBIT)0x00000100)
#define JET_bitDbOverwriteExisting                                  ((JET_GRBIT)0x00000200)
#define JET_bitBackupIncremental                                    ((JET_GRBIT)0x00000001)
#define JET_bitKeepOldLogs                                          ((JET_GRBIT)0x00000002)
#define JET_bitBackupAtomic                                         ((JET_GRBIT)0x00000004)
#define JET_bitBackupFullWithAllLogs                                ((JET_GRBIT)0x00000008)
#define JET_bitBackupSnapshot                                       ((JET_GRBIT)0x00000010)
#define JET_bitBackupSurrogate                                      ((JET_GRBIT)0x00000020)
#define JET_bitInternalCopy                                         ((JET_GRBIT)0x00000040)
#define JET_bitBackupEndNormal                                      ((JET_GRBIT)0x00000001)
#define JET_bitBackupEndAbort                                       ((JET_GRBIT)0x00000002)
#define JET_bitBackupTruncateDone                                   ((JET_GRBIT)0x00000100)
#define JET_bitBackupNoDbHeaderUpdate                               ((JET_GRBIT)0x00000200)
#define JET_dbidNil                                                 ((JET_DBID)0xFFFFFFFF)
#define JET_bitTableCreateFixedDDL                                  ((JET_GRBIT)0x00000001)
#define JET_bitTableCreateTemplateTable                             ((JET_GRBIT)0x00000002)
#define JET_bitTableCreateNoFixedVarColumnsInDerivedTables          ((JET_GRBIT)0x00000004)
#define JET_bitTableCreateImmutableStructure                        ((JET_GRBIT)0x00000008)
#define JET_bitTableCreateSystemTable                               ((JET_GRBIT)0x80000000)
#define JET_bitColumnFixed                                          ((JET_GRBIT)0x00000001)
#define JET_bitColumnTagged                                         ((JET_GRBIT)0x00000002)
#define JET_bitColumnNotNULL                                        ((JET_GRBIT)0x00000004)
#define JET_bitColumnVersion                                        ((JET_GRBIT)0x00000008)
#define JET_bitColumnAutoincrement                                  ((JET_GRBIT)0x00000010)
#define JET_bitColumnUpdatable                                      ((JET_GRBIT)0x00000020)
#define JET_bitColumnTTKey                                          ((JET_GRBIT)0x00000040)
#define JET_bitColumnTTDescending                                   ((JET_GRBIT)0x00000080)
#define JET_bitColumnMultiValued                                    ((JET_GRBIT)0x00000400)
#define JET_bitColumnEscrowUpdate                                   ((JET_GRBIT)0x00000800)
#define JET_bitColumnUnversioned                                    ((JET_GRBIT)0x00001000)
#define JET_bitColumnMaybeNull                                      ((JET_GRBIT)0x00002000)
#define JET_bitColumnFinalize                                       ((JET_GRBIT)0x00004000)
#define JET_bitColumnUserDefinedDefault                             ((JET_GRBIT)0x00008000)
#define JET_bitColumnRenameConvertToPrimaryIndexPlaceholder         ((JET_GRBIT)0x00010000)
#define JET_bitColumnDeleteOnZero                                   ((JET_GRBIT)0x00020000)
#define JET_bitColumnVariable                                       ((JET_GRBIT)0x00040000)
#define JET_bitColumnCompressed                                     ((JET_GRBIT)0x00080000)
#define JET_bitColumnEncrypted                                      ((JET_GRBIT)0x00100000)
#define JET_bitDeleteColumnIgnoreTemplateColumns                    ((JET_GRBIT)0x00000001)
#define JET_bitMoveFirst                                            ((JET_GRBIT)0x00000000)
#define JET_bitMoveBeforeFirst                                      ((JET_GRBIT)0x00000001)
#define JET_bitNoMove                                               ((JET_GRBIT)0x00000002)
#define JET_bitNewKey                                               ((JET_GRBIT)0x00000001)
#define JET_bitStrLimit                                             ((JET_GRBIT)0x00000002)
#define JET_bitSubStrLimit                                          ((JET_GRBIT)0x00000004)
#define JET_bitNormalizedKey                                        ((JET_GRBIT)0x00000008)
#define JET_bitKeyDataZeroLength                                    ((JET_GRBIT)0x00000010)
#define JET_bitKeyOverridePrimaryIndexPlaceholder                   ((JET_GRBIT)0x00000020)
#define JET_bitFullColumnStartLimit                                 ((JET_GRBIT)0x00000100)
#define JET_bitFullColumnEndLimit                                   ((JET_GRBIT)0x00000200)
#define JET_bitPartialColumnStartLimit                              ((JET_GRBIT)0x00000400)
#define JET_bitPartialColumnEndLimit                                ((JET_GRBIT)0x00000800)
#define JET_bitRangeInclusive                                       ((JET_GRBIT)0x00000001)
#define JET_bitRangeUpperLimit                                      ((JET_GRBIT)0x00000002)
#define JET_bitRangeInstantDuration                                 ((JET_GRBIT)0x00000004)
#define JET_bitRangeRemove                                          ((JET_GRBIT)0x00000008)
#define JET_bitReadLock                                             ((JET_GRBIT)0x00000001)
#define JET_bitWriteLock                                            ((JET_GRBIT)0x00000002)
#define JET_bitKeyLock                                              ((JET_GRBIT)0x00000004)
#define JET_bitMoveKeyNE                                            ((JET_GRBIT)0x00000001)
#define JET_bitSeekEQ                                               ((JET_GRBIT)0x00000001)
#define JET_bitSeekLT                                               ((JET_GRBIT)0x00000002)
#define JET_bitSeekLE                                               ((JET_GRBIT)0x00000004)
#define JET_bitSeekGE                                               ((JET_GRBIT)0x00000008)
#define JET_bitSeekGT                                               ((JET_GRBIT)0x00000010)
#define JET_bitSetIndexRange                                        ((JET_GRBIT)0x00000020)
#define JET_bitCheckUniqueness                                      ((JET_GRBIT)0x00000040)
#define JET_bitBookmarkPermitVirtualCurrency                        ((JET_GRBIT)0x00000001)
#define JET_bitIndexColumnMustBeNull                                ((JET_GRBIT)0x00000001)
#define JET_bitIndexColumnMustBeNonNull                             ((JET_GRBIT)0x00000002)
#define JET_bitRecordInIndex                                        ((JET_GRBIT)0x00000001)
#define JET_bitRecordNotInIndex                                     ((JET_GRBIT)0x00000002)
#define JET_bitIndexUnique                                          ((JET_GRBIT)0x00000001)
#define JET_bitIndexPrimary                                         ((JET_GRBIT)0x00000002)
#define JET_bitIndexDisallowNull                                    ((JET_GRBIT)0x00000004)
#define JET_bitIndexIgnoreNull                                      ((JET_GRBIT)0x00000008)
#define JET_bitIndexClustered40                                     ((JET_GRBIT)0x00000010)
#define JET_bitIndexIgnoreAnyNull                                   ((JET_GRBIT)0x00000020)
#define JET_bitIndexIgnoreFirstNull                                 ((JET_GRBIT)0x00000040)
#define JET_bitIndexLazyFlush                                       ((JET_GRBIT)0x00000080)
#define JET_bitIndexEmpty                                           ((JET_GRBIT)0x00000100)
#define JET_bitIndexUnversioned                                     ((JET_GRBIT)0x00000200)
#define JET_bitIndexSortNullsHigh                                   ((JET_GRBIT)0x00000400)
#define JET_bitIndexUnicode                                         ((JET_GRBIT)0x00000800)
#define JET_bitIndexTuples                                          ((JET_GRBIT)0x00001000)
#define JET_bitIndexTupleLimits                                     ((JET_GRBIT)0x00002000)
#define JET_bitIndexCrossProduct                                    ((JET_GRBIT)0x00004000)
#define JET_bitIndexKeyMost                                         ((JET_GRBIT)0x00008000)
#define JET_bitIndexDisallowTruncation                              ((JET_GRBIT)0x00010000)
#define JET_bitIndexNestedTable                                     ((JET_GRBIT)0x00020000)
#define JET_bitIndexDotNetGuid                                      ((JET_GRBIT)0x00040000)
#define JET_bitIndexImmutableStructure                              ((JET_GRBIT)0x00080000)
#define JET_bitIndexDeferredPopulateCreate                          ((JET_GRBIT)0x00100000)
#define JET_bitIndexDeferredPopulateProcess                         ((JET_GRBIT)0x00200000)
#define JET_bitIndexOptionallyUnique                                ((JET_GRBIT)0x00400000)
#define JET_bitKeyAscending                                         ((JET_GRBIT)0x00000000)
#define JET_bitKeyDescending                                        ((JET_GRBIT)0x00000001)
#define JET_bitTableDenyWrite                                       ((JET_GRBIT)0x00000001)
#define JET_bitTableDenyRead                                        ((JET_GRBIT)0x00000002)
#define JET_bitTableReadOnly                                        ((JET_GRBIT)0x00000004)
#define JET_bitTableUpdatable                                       ((JET_GRBIT)0x00000008)
#define JET_bitTablePermitDDL                                       ((JET_GRBIT)0x00000010)
#define JET_bitTableNoCache                                         ((JET_GRBIT)0x00000020)
#define JET_bitTablePreread                                         ((JET_GRBIT)0x00000040)
#define JET_bitTableOpportuneRead                                   ((JET_GRBIT)0x00000080)
#define JET_bitTableAllowOutOfDate                                  ((JET_GRBIT)0x00000100)
#define JET_bitAllowPgnoFDPLastSetTime                              ((JET_GRBIT)0x00000200)
#define JET_bitTableSequential                                      ((JET_GRBIT)0x00008000)
#define JET_bitTableTryPurgeOnClose                                 ((JET_GRBIT)0x01000000)
#define JET_bitTableAllowSensitiveOperation                         ((JET_GRBIT)0x08000000)
#define JET_bitTableDelete                                          ((JET_GRBIT)0x10000000)
#define JET_bitTableCreate                                          ((JET_GRBIT)0x20000000)
#define JET_bitTableClassMask                                       ((JET_GRBIT)0x001F0000)
#define JET_bitTableClassNone                                       ((JET_GRBIT)0x00000000)
#define JET_bitTableClass1                                          ((JET_GRBIT)0x00010000)
#define JET_bitTableClass2                                          ((JET_GRBIT)0x00020000)
#define JET_bitTableClass3                                          ((JET_GRBIT)0x00030000)
#define JET_bitTableClass4                                          ((JET_GRBIT)0x00040000)
#define JET_bitTableClass5                                          ((JET_GRBIT)0x00050000)
#define JET_bitTableClass6                                          ((JET_GRBIT)0x00060000)
#define JET_bitTableClass7                                          ((JET_GRBIT)0x00070000)
#define JET_bitTableClass8                                          ((JET_GRBIT)0x00080000)
#define JET_bitTableClass9                                          ((JET_GRBIT)0x00090000)
#define JET_bitTableClass10                                         ((JET_GRBIT)0x000A0000)
#define JET_bitTableClass11                                         ((JET_GRBIT)0x000B0000)
#define JET_bitTableClass12                                         ((JET_GRBIT)0x000C0000)
#define JET_bitTableClass13                                         ((JET_GRBIT)0x000D0000)
#define JET_bitTableClass14                                         ((JET_GRBIT)0x000E0000)
#define JET_bitTableClass15                                         ((JET_GRBIT)0x000F0000)
#define JET_bitTableClass16                                         ((JET_GRBIT)0x00100000)
#define JET_bitTableClass17                                         ((JET_GRBIT)0x00110000)
#define JET_bitTableClass18                                         ((JET_GRBIT)0x00120000)
#define JET_bitTableClass19                                         ((JET_GRBIT)0x00130000)
#define JET_bitTableClass20                                         ((JET_GRBIT)0x00140000)
#define JET_bitTableClass21                                         ((JET_GRBIT)0x00150000)
#define JET_bitTableClass22                                         ((JET_GRBIT)0x00160000)
#define JET_bitTableClass23                                         ((JET_GRBIT)0x00170000)
#define JET_bitTableClass24                                         ((JET_GRBIT)0x00180000)
#define JET_bitTableClass25                                         ((JET_GRBIT)0x00190000)
#define JET_bitTableClass26                                         ((JET_GRBIT)0x001A0000)
#define JET_bitTableClass27                                         ((JET_GRBIT)0x001B0000)
#define JET_bitTableClass28                                         ((JET_GRBIT)0x001C0000)
#define JET_bitTableClass29                                         ((JET_GRBIT)0x001D0000)
#define JET_bitTableClass30                                         ((JET_GRBIT)0x001E0000)
#define JET_bitTableClass31                                         ((JET_GRBIT)0x001F0000)
#define JET_bitLSReset                                              ((JET_GRBIT)0x00000001)
#define JET_bitLSCursor                                             ((JET_GRBIT)0x00000002)
#define JET_bitLSTable                                              ((JET_GRBIT)0x00000004)
#define JET_bitPrereadForward                                       ((JET_GRBIT)0x00000001)
#define JET_bitPrereadBackward                                      ((JET_GRBIT)0x00000002)
#define JET_bitPrereadFirstPage                                     ((JET_GRBIT)0x00000004)
#define JET_bitPrereadNormalizedKey                                 ((JET_GRBIT)0x00000008)
#define JET_bitTTIndexed                                            ((JET_GRBIT)0x00000001)
#define JET_bitTTUnique                                             ((JET_GRBIT)0x00000002)
#define JET_bitTTUpdatable                                          ((JET_GRBIT)0x00000004)
#define JET_bitTTScrollable                                         ((JET_GRBIT)0x00000008)
#define JET_bitTTSortNullsHigh                                      ((JET_GRBIT)0x00000010)
#define JET_bitTTForceMaterialization                               ((JET_GRBIT)0x00000020)
#define JET_bitTTErrorOnDuplicateInsertion                          ((JET_GRBIT)0x00000020)
#define JET_bitTTForwardOnly                                        ((JET_GRBIT)0x00000040)
#define JET_bitTTIntrinsicLVsOnly                                   ((JET_GRBIT)0x00000080)
#define JET_bitTTDotNetGuid                                         ((JET_GRBIT)0x00000100)
#define JET_bitSetAppendLV                                          ((JET_GRBIT)0x00000001)
#define JET_bitSetOverwriteLV                                       ((JET_GRBIT)0x00000004)
#define JET_bitSetSizeLV                                            ((JET_GRBIT)0x00000008)
#define JET_bitSetZeroLength                                        ((JET_GRBIT)0x00000020)
#define JET_bitSetSeparateLV                                        ((JET_GRBIT)0x00000040)
#define JET_bitSetUniqueMultiValues                                 ((JET_GRBIT)0x00000080)
#define JET_bitSetUniqueNormalizedMultiValues                       ((JET_GRBIT)0x00000100)
#define JET_bitSetRevertToDefaultValue                              ((JET_GRBIT)0x00000200)
#define JET_bitSetIntrinsicLV                                       ((JET_GRBIT)0x00000400)
#define JET_bitSetUncompressed                                      ((JET_GRBIT)0x00010000)
#define JET_bitSetCompressed                                        ((JET_GRBIT)0x00020000)
#define JET_bitSetContiguousLV                                      ((JET_GRBIT)0x00040000)
#define JET_bitSpaceHintsUtilizeParentSpace                         ((JET_GRBIT)0x00000001)
#define JET_bitCreateHintAppendSequential                           ((JET_GRBIT)0x00000002)
#define JET_bitCreateHintHotpointSequential                         ((JET_GRBIT)0x00000004)
#define JET_bitRetrieveHintReserve1                                 ((JET_GRBIT)0x00000008)
#define JET_bitRetrieveHintTableScanForward                         ((JET_GRBIT)0x00000010)
#define JET_bitRetrieveHintTableScanBackward                        ((JET_GRBIT)0x00000020)
#define JET_bitRetrieveHintReserve2                                 ((JET_GRBIT)0x00000040)
#define JET_bitRetrieveHintReserve3                                 ((JET_GRBIT)0x00000080)
#define JET_bitDeleteHintTableSequential                            ((JET_GRBIT)0x00000100)
#define JET_bitSpaceHintsUtilizeExactExtents                        ((JET_GRBIT)0x00000200)
#define JET_bitUpdateCheckESE97Compatibility                        ((JET_GRBIT)0x00000001)
#define JET_bitUpdateNoVersion                                      ((JET_GRBIT)0x00000002)
#define JET_bitUpdateEnforceOptionallyUniqueIndices                 ((JET_GRBIT)0x00000004)
#define JET_bitEscrowNoRollback                                     ((JET_GRBIT)0x00000001)
#define JET_bitRetrieveCopy                                         ((JET_GRBIT)0x00000001)
#define JET_bitRetrieveFromIndex                                    ((JET_GRBIT)0x00000002)
#define JET_bitRetrieveFromPrimaryBookmark                          ((JET_GRBIT)0x00000004)
#define JET_bitRetrieveTag                                          ((JET_GRBIT)0x00000008)
#define JET_bitRetrieveNull                                         ((JET_GRBIT)0x00000010)
#define JET_bitRetrieveIgnoreDefault                                ((JET_GRBIT)0x00000020)
#define JET_bitRetrieveLongId                                       ((JET_GRBIT)0x00000040)
#define JET_bitRetrieveLongValueRefCount                            ((JET_GRBIT)0x00000080)
#define JET_bitRetrieveTuple                                        ((JET_GRBIT)0x00000800)
#define JET_bitRetrievePageNumber                                   ((JET_GRBIT)0x00001000)
#define JET_bitRetrieveCopyIntrinsic                                ((JET_GRBIT)0x00002000)
#define JET_bitRetrievePrereadOnly                                  ((JET_GRBIT)0x00004000)
#define JET_bitRetrievePrereadMany                                  ((JET_GRBIT)0x00008000)
#define JET_bitRetrievePhysicalSize                                 ((JET_GRBIT)0x00010000)
#define JET_bitRetrieveAsRefIfNotInRecord                           ((JET_GRBIT)0x00020000)
#define JET_bitZeroLength                                           ((JET_GRBIT)0x00000001)
#define JET_bitEnumerateCopy                                        ((JET_GRBIT)0x00000001)
#define JET_bitEnumerateIgnoreDefault                               ((JET_GRBIT)0x00000020)
#define JET_bitEnumerateLocal                                       ((JET_GRBIT)0x00010000)
#define JET_bitEnumeratePresenceOnly                                ((JET_GRBIT)0x00020000)
#define JET_bitEnumerateTaggedOnly                                  ((JET_GRBIT)0x00040000)
#define JET_bitEnumerateCompressOutput                              ((JET_GRBIT)0x00080000)
#define JET_bitEnumerateIgnoreUserDefinedDefault                    ((JET_GRBIT)0x00100000)
#define JET_bitEnumerateInRecordOnly                                ((JET_GRBIT)0x00200000)
#define JET_bitEnumerateAsRefIfNotInRecord                          ((JET_GRBIT)0x00400000)
#define JET_bitStreamForward                                        ((JET_GRBIT)0x00000001)
#define JET_bitStreamBackward                                       ((JET_GRBIT)0x00000002)
#define JET_bitStreamColumnReferences                               ((JET_GRBIT)0x00000004)
#define JET_bitRecordSizeInCopyBuffer                               ((JET_GRBIT)0x00000001)
#define JET_bitRecordSizeRunningTotal                               ((JET_GRBIT)0x00000002)
#define JET_bitRecordSizeLocal                                      ((JET_GRBIT)0x00000004)
#define JET_bitRecordSizeIncludeDefaultValues                       ((JET_GRBIT)0x00000008)
#define JET_bitRecordSizeSecondaryIndexKeyOnly                      ((JET_GRBIT)0x00000010)
#define JET_bitRecordSizeIntrinsicPhysicalOnly                      ((JET_GRBIT)0x00000020)
#define JET_bitRecordSizeExtrinsicLogicalOnly                       ((JET_GRBIT)0x00000040)
#define JET_bitTransactionReadOnly                                  ((JET_GRBIT)0x00000001)
#define JET_bitDistributedTransaction                               ((JET_GRBIT)0x00000002)
#define JET_bitCommitLazyFlush                                      ((JET_GRBIT)0x00000001)
#define JET_bitWaitLastLevel0Commit                                 ((JET_GRBIT)0x00000002)
#define JET_bitWaitAllLevel0Commit                                  ((JET_GRBIT)0x00000008)
#define JET_bitForceNewLog                                          ((JET_GRBIT)0x00000010)
#define JET_bitCommitRedoCallback                                   ((JET_GRBIT)0x00000020)
#define JET_bitCommitFlush_OLD                                      ((JET_GRBIT)0x00000001)
#define JET_bitCommitLazyFlush_OLD                                  ((JET_GRBIT)0x00000004)
#define JET_bitWaitLastLevel0Commit_OLD                             ((JET_GRBIT)0x00000010)
#define JET_bitRollbackAll                                          ((JET_GRBIT)0x00000001)
#define JET_bitRollbackRedoCallback                                 ((JET_GRBIT)0x00000020)
#define JET_bitIncrementalSnapshot                                  ((JET_GRBIT)0x00000001)
#define JET_bitCopySnapshot                                         ((JET_GRBIT)0x00000002)
#define JET_bitContinueAfterThaw                                    ((JET_GRBIT)0x00000004)
#define JET_bitExplicitPrepare                                      ((JET_GRBIT)0x00000008)
#define JET_bitAllDatabasesSnapshot                                 ((JET_GRBIT)0x00000001)
#define JET_bitAbortSnapshot                                        ((JET_GRBIT)0x00000001)
#define JET_bitShadowLogEmitFirstCall                               ((JET_GRBIT)0x00000001)
#define JET_bitShadowLogEmitLastCall                                ((JET_GRBIT)0x00000002)
#define JET_bitShadowLogEmitCancel                                  ((JET_GRBIT)0x00000004)
#define JET_bitShadowLogEmitDataBuffers                             ((JET_GRBIT)0x00000008)
#define JET_bitShadowLogEmitLogComplete                             ((JET_GRBIT)0x00000010)
#define JET_DbInfoFilename                                          0UL
#define JET_DbInfoConnect                                           1UL
#define JET_DbInfoCountry                                           2UL
#define JET_DbInfoLCID                                              3UL
#define JET_DbInfoLangid                                            3UL
#define JET_DbInfoCp                                                4UL
#define JET_DbInfoCollate                                           5UL
#define JET_DbInfoOptions                                           6UL
#define JET_DbInfoTransactions                                      7UL
#define JET_DbInfoVersion                                           8UL
#define JET_DbInfoIsam                                              9UL
#define JET_DbInfoFilesize                                          10UL
#define JET_DbInfoSpaceOwned                                        11UL
#define JET_DbInfoSpaceAvailable                                    12UL
#define JET_DbInfoUpgrade                                           13UL
#define JET_DbInfoMisc                                              14UL
#define JET_DbInfoDBInUse                                           15UL
#define JET_DbInfoHasSLVFile_Obsolete                               0x10UL
#define JET_DbInfoPageSize                                          0x11UL
#define JET_DbInfoStreamingFileSpace_Obsolete                       0x12UL
#define JET_DbInfoFileType                                          0x13UL
#define JET_DbInfoStreamingFileSize_Obsolete                        0x14UL
#define JET_DbInfoFilesizeOnDisk                                    0x15UL
#define JET_DbInfoSplitBuffers                                      0x17UL
#define JET_DbInfoUseCachedResult                                   0x40000000UL
#define JET_dbstateJustCreated                                      1UL
#define JET_dbstateDirtyShutdown                                    2UL
#define JET_dbstateCleanShutdown                                    3UL
#define JET_dbstateBeingConverted                                   4UL
#define JET_dbstateForceDetach                                      5UL
#define JET_dbstateIncrementalReseedInProgress                      6UL
#define JET_dbstateDirtyAndPatchedShutdown                          7UL
#define JET_dbstateRevertInProgress                                 8UL
#define JET_filetypeUnknown                                         0UL
#define JET_filetypeDatabase                                        1UL
#define JET_filetypeStreamingFile                                   2UL
#define JET_filetypeLog                                             3UL
#define JET_filetypeCheckpoint                                      4UL
#define JET_filetypeTempDatabase                                    5UL
#define JET_filetypeFTL                                             6UL
#define JET_filetypeFlushMap                                        7UL
#define JET_filetypeCachedFile                                      8UL
#define JET_filetypeCachingFile                                     9UL
#define JET_filetypeSnapshot                                        10UL
#define JET_filetypeRBSRevertCheckpoint                             11UL
#define JET_filetypeMax                                             12UL
#define JET_bitDeleteAllExistingLogs                                ((JET_GRBIT)0x00000001)
#define JET_bitNonRevertableTableDelete                             ((JET_GRBIT)0x00000001)
#define JET_bitRevertableTableDeleteIfTooSoon                       ((JET_GRBIT)0x00000002)
#define JET_bitPageInfoNoStructureChecksum                          ((JET_GRBIT)0x00000001)
#define JET_bitTestUninitShrunkPageImage                            ((JET_GRBIT)0x00000001)
#define JET_bitPatchingCorruptPage                                  ((JET_GRBIT)0x00000002)
#define JET_bitEndDatabaseIncrementalReseedCancel                   ((JET_GRBIT)0x00000001)
#define JET_bitBeginDatabaseIncrementalReseedPatchRBS               ((JET_GRBIT)0x00000001)
#define JET_bitCompactStats                                         ((JET_GRBIT)0x00000020)
#define JET_bitCompactRepair                                        ((JET_GRBIT)0x00000040)
#define JET_bitCompactPreserveOriginal                              ((JET_GRBIT)0x00000100)
#define JET_snpRepair                                               2UL
#define JET_snpCompact                                              4UL
#define JET_snpRestore                                              8UL
#define JET_snpBackup                                               9UL
#define JET_snpUpgrade                                              10UL
#define JET_snpScrub                                                11UL
#define JET_snpUpgradeRecordFormat                                  12UL
#define JET_snpRecoveryControl                                      0x12UL
#define JET_snpExternalAutoHealing                                  0x13UL
#define JET_snpSpaceCategorization                                  0x14UL
#define JET_sntBegin                                                5UL
#define JET_sntRequirements                                         7UL
#define JET_sntProgress                                             0UL
#define JET_sntComplete                                             6UL
#define JET_sntFail                                                 3UL
#define JET_sntOpenLog                                              0x3E9UL
#define JET_sntOpenCheckpoint                                       0x3EAUL
#define JET_sntMissingLog                                           0x3ECUL
#define JET_sntBeginUndo                                            0x3EDUL
#define JET_sntNotificationEvent                                    0x3EEUL
#define JET_sntSignalErrorCondition                                 0x3EFUL
#define JET_sntAttachedDb                                           0x3F0UL
#define JET_sntDetachingDb                                          0x3F1UL
#define JET_sntCommitCtx                                            0x3F2UL
#define JET_sntPagePatchRequest                                     0x44DUL
#define JET_sntCorruptedPage                                        0x44EUL
#define JET_bitResizeDatabaseOnlyGrow                               ((JET_GRBIT)0x00000001)
#define JET_bitResizeDatabaseOnlyShrink                             ((JET_GRBIT)0x00000002)
#define JET_bitStopServiceAll                                       ((JET_GRBIT)0x00000000)
#define JET_bitStopServiceBackgroundUserTasks                       ((JET_GRBIT)0x00000002)
#define JET_bitStopServiceQuiesceCaches                             ((JET_GRBIT)0x00000004)
#define JET_bitStopServiceResume                                    ((JET_GRBIT)0x80000000)
#define JET_bitStopServiceStopAndEmitLog                            ((JET_GRBIT)0x00000008)
#define JET_bitStageTestEnvLocalMode                                ((JET_GRBIT)0x00000004)
#define JET_bitStageTestEnvAlphaMode                                ((JET_GRBIT)0x00000010)
#define JET_bitStageTestEnvBetaMode                                 ((JET_GRBIT)0x00000040)
#define JET_bitStageSelfhostLocalMode                               ((JET_GRBIT)0x00000400)
#define JET_bitStageSelfhostAlphaMode                               ((JET_GRBIT)0x00001000)
#define JET_bitStageSelfhostBetaMode                                ((JET_GRBIT)0x00004000)
#define JET_bitStageProdLocalMode                                   ((JET_GRBIT)0x00040000)
#define JET_bitStageProdAlphaMode                                   ((JET_GRBIT)0x00100000)
#define JET_bitStageProdBetaMode                                    ((JET_GRBIT)0x00400000)
#define JET_errSuccess                                              ((JET_ERR)0)
#define JET_wrnNyi                                                  ((JET_ERR)-1)
#define JET_errRfsFailure                                           ((JET_ERR)-100)
#define JET_errRfsNotArmed                                          ((JET_ERR)-101)
#define JET_errFileClose                                            ((JET_ERR)-102)
#define JET_errOutOfThreads                                         ((JET_ERR)-103)
#define JET_errTooManyIO                                            ((JET_ERR)-105)
#define JET_errTaskDropped                                          ((JET_ERR)-106)
#define JET_errInternalError                                        ((JET_ERR)-107)
#define JET_errDisabledFunctionality                                ((JET_ERR)-112)
#define JET_errUnloadableOSFunctionality                            ((JET_ERR)-113)
#define JET_errDeviceMissing                                        ((JET_ERR)-114)
#define JET_errDeviceMisconfigured                                  ((JET_ERR)-115)
#define JET_errDeviceTimeout                                        ((JET_ERR)-116)
#define JET_errDeviceFailure                                        ((JET_ERR)-118)
#define JET_errDatabaseBufferDependenciesCorrupted                  ((JET_ERR)-255)
#define JET_wrnRemainingVersions                                    ((JET_ERR)321)
#define JET_errPreviousVersion                                      ((JET_ERR)-322)
#define JET_errPageBoundary                                         ((JET_ERR)-323)
#define JET_errKeyBoundary                                          ((JET_ERR)-324)
#define JET_errBadPageLink                                          ((JET_ERR)-327)
#define JET_errBadBookmark                                          ((JET_ERR)-328)
#define JET_errNTSystemCallFailed                                   ((JET_ERR)-334)
#define JET_errBadParentPageLink                                    ((JET_ERR)-338)
#define JET_errSPAvailExtCacheOutOfSync                             ((JET_ERR)-340)
#define JET_errSPAvailExtCorrupted                                  ((JET_ERR)-341)
#define JET_errSPAvailExtCacheOutOfMemory                           ((JET_ERR)-342)
#define JET_errSPOwnExtCorrupted                                    ((JET_ERR)-343)
#define JET_errDbTimeCorrupted                                      ((JET_ERR)-344)
#define JET_wrnUniqueKey                                            ((JET_ERR)345)
#define JET_errKeyTruncated                                         ((JET_ERR)-346)
#define JET_errDatabaseLeakInSpace                                  ((JET_ERR)-348)
#define JET_errBadEmptyPage                                         ((JET_ERR)-351)
#define JET_errBadLineCount                                         ((JET_ERR)-354)
#define JET_errPageTagCorrupted                                     ((JET_ERR)-357)
#define JET_errNodeCorrupted                                        ((JET_ERR)-358)
#define JET_wrnSeparateLongValue                                    ((JET_ERR)406)
#define JET_wrnRecordFoundGreater                                   ((JET_ERR)1039)
#define JET_wrnRecordFoundLess                                      ((JET_ERR)1039)
#define JET_errColumnIllegalNull                                    ((JET_ERR)-1504)
#define JET_errKeyTooBig                                            ((JET_ERR)-408)
#define JET_errCannotSeparateIntrinsicLV                            ((JET_ERR)-416)
#define JET_errSeparatedLongValue                                   ((JET_ERR)-421)
#define JET_errMustBeSeparateLongValue                              ((JET_ERR)-423)
#define JET_errInvalidPreread                                       ((JET_ERR)-424)
#define JET_errInvalidColumnReference                               ((JET_ERR)-426)
#define JET_errStaleColumnReference                                 ((JET_ERR)-427)
#define JET_wrnNoMoreRecords                                        ((JET_ERR)428)
#define JET_errCompressionIntegrityCheckFailed                      ((JET_ERR)-431)
#define JET_wrnIndexDeferredPopulateIncomplete                      ((JET_ERR)432)
#define JET_wrnIndexDeferredPopulateHalted                          ((JET_ERR)433)
#define JET_errIndexDeferredPopulateCurrentlyUnavailable            ((JET_ERR)-434)
#define JET_errInvalidLoggedOperation                               ((JET_ERR)-500)
#define JET_errLogFileCorrupt                                       ((JET_ERR)-501)
#define JET_errNoBackupDirectory                                    ((JET_ERR)-503)
#define JET_errBackupDirectoryNotEmpty                              ((JET_ERR)-504)
#define JET_errBackupInProgress                                     ((JET_ERR)-505)
#define JET_errRestoreInProgress                                    ((JET_ERR)-506)
#define JET_errMissingPreviousLogFile                               ((JET_ERR)-509)
#define JET_errLogWriteFail                                         ((JET_ERR)-510)
#define JET_errLogDisabledDueToRecoveryFailure                      ((JET_ERR)-511)
#define JET_errCannotLogDuringRecoveryRedo                          ((JET_ERR)-512)
#define JET_errLogGenerationMismatch                                ((JET_ERR)-513)
#define JET_errBadLogVersion                                        ((JET_ERR)-514)
#define JET_errInvalidLogSequence                                   ((JET_ERR)-515)
#define JET_errLoggingDisabled                                      ((JET_ERR)-516)
#define JET_errLogBufferTooSmall                                    ((JET_ERR)-517)
#define JET_errLogSequenceEnd                                       ((JET_ERR)-519)
#define JET_errNoBackup                                             ((JET_ERR)-520)
#define JET_errInvalidBackupSequence                                ((JET_ERR)-521)
#define JET_errBackupNotAllowedYet                                  ((JET_ERR)-523)
#define JET_errDeleteBackupFileFail                                 ((JET_ERR)-524)
#define JET_errMakeBackupDirectoryFail                              ((JET_ERR)-525)
#define JET_errInvalidBackup                                        ((JET_ERR)-526)
#define JET_errRecoveredWithErrors                                  ((JET_ERR)-527)
#define JET_errMissingLogFile                                       ((JET_ERR)-528)
#define JET_errLogDiskFull                                          ((JET_ERR)-529)
#define JET_errBadLogSignature                                      ((JET_ERR)-530)
#define JET_errBadDbSignature                                       ((JET_ERR)-531)
#define JET_errBadCheckpointSignature                               ((JET_ERR)-532)
#define JET_errCheckpointCorrupt                                    ((JET_ERR)-533)
#define JET_errMissingPatchPage                                     ((JET_ERR)-534)
#define JET_errBadPatchPage                                         ((JET_ERR)-535)
#define JET_errRedoAbruptEnded                                      ((JET_ERR)-536)
#define JET_errPatchFileMissing                                     ((JET_ERR)-538)
#define JET_errDatabaseLogSetMismatch                               ((JET_ERR)-539)
#define JET_errDatabaseStreamingFileMismatch                        ((JET_ERR)-540)
#define JET_errLogFileSizeMismatch                                  ((JET_ERR)-541)
#define JET_errCheckpointFileNotFound                               ((JET_ERR)-542)
#define JET_errRequiredLogFilesMissing                              ((JET_ERR)-543)
#define JET_errSoftRecoveryOnBackupDatabase                         ((JET_ERR)-544)
#define JET_errLogFileSizeMismatchDatabasesConsistent               ((JET_ERR)-545)
#define JET_errLogSectorSizeMismatch                                ((JET_ERR)-546)
#define JET_errLogSectorSizeMismatchDatabasesConsistent             ((JET_ERR)-547)
#define JET_errLogSequenceEndDatabasesConsistent                    ((JET_ERR)-548)
#define JET_errStreamingDataNotLogged                               ((JET_ERR)-549)
#define JET_errDatabaseDirtyShutdown                                ((JET_ERR)-550)
#define JET_errDatabaseInconsistent                                 ((JET_ERR)-550)
#define JET_errConsistentTimeMismatch                               ((JET_ERR)-551)
#define JET_errDatabasePatchFileMismatch                            ((JET_ERR)-552)
#define JET_errEndingRestoreLogTooLow                               ((JET_ERR)-553)
#define JET_errStartingRestoreLogTooHigh                            ((JET_ERR)-554)
#define JET_errGivenLogFileHasBadSignature                          ((JET_ERR)-555)
#define JET_errGivenLogFileIsNotContiguous                          ((JET_ERR)-556)
#define JET_errMissingRestoreLogFiles                               ((JET_ERR)-557)
#define JET_wrnExistingLogFileHasBadSignature                       ((JET_ERR)558)
#define JET_wrnExistingLogFileIsNotContiguous                       ((JET_ERR)559)
#define JET_errMissingFullBackup                                    ((JET_ERR)-560)
#define JET_errBadBackupDatabaseSize                                ((JET_ERR)-561)
#define JET_errDatabaseAlreadyUpgraded                              ((JET_ERR)-562)
#define JET_errDatabaseIncompleteUpgrade                            ((JET_ERR)-563)
#define JET_wrnSkipThisRecord                                       ((JET_ERR)564)
#define JET_errMissingCurrentLogFiles                               ((JET_ERR)-565)
#define JET_errDbTimeTooOld                                         ((JET_ERR)-566)
#define JET_errDbTimeTooNew                                         ((JET_ERR)-567)
#define JET_errMissingFileToBackup                                  ((JET_ERR)-569)
#define JET_errLogTornWriteDuringHardRestore                        ((JET_ERR)-570)
#define JET_errLogTornWriteDuringHardRecovery                       ((JET_ERR)-571)
#define JET_errLogCorruptDuringHardRestore                          ((JET_ERR)-573)
#define JET_errLogCorruptDuringHardRecovery                         ((JET_ERR)-574)
#define JET_errMustDisableLoggingForDbUpgrade                       ((JET_ERR)-575)
#define JET_errBadRestoreTargetInstance                             ((JET_ERR)-577)
#define JET_wrnTargetInstanceRunning                                ((JET_ERR)578)
#define JET_errRecoveredWithoutUndo                                 ((JET_ERR)-579)
#define JET_errDatabasesNotFromSameSnapshot                         ((JET_ERR)-580)
#define JET_errSoftRecoveryOnSnapshot                               ((JET_ERR)-581)
#define JET_errCommittedLogFilesMissing                             ((JET_ERR)-582)
#define JET_errSectorSizeNotSupported                               ((JET_ERR)-583)
#define JET_errRecoveredWithoutUndoDatabasesConsistent              ((JET_ERR)-584)
#define JET_wrnCommittedLogFilesLost                                ((JET_ERR)585)
#define JET_errCommittedLogFileCorrupt                              ((JET_ERR)-586)
#define JET_wrnCommittedLogFilesRemoved                             ((JET_ERR)587)
#define JET_wrnFinishWithUndo                                       ((JET_ERR)588)
#define JET_errLogSequenceChecksumMismatch                          ((JET_ERR)-590)
#define JET_wrnDatabaseRepaired                                     ((JET_ERR)595)
#define JET_errPageInitializedMismatch                              ((JET_ERR)-596)
#define JET_errUnicodeTranslationBufferTooSmall                     ((JET_ERR)-601)
#define JET_errUnicodeTranslationFail                               ((JET_ERR)-602)
#define JET_errUnicodeNormalizationNotSupported                     ((JET_ERR)-603)
#define JET_errUnicodeLanguageValidationFailure                     ((JET_ERR)-604)
#define JET_errExistingLogFileHasBadSignature                       ((JET_ERR)-610)
#define JET_errExistingLogFileIsNotContiguous                       ((JET_ERR)-611)
#define JET_errLogReadVerifyFailure                                 ((JET_ERR)-612)
#define JET_errCheckpointDepthTooDeep                               ((JET_ERR)-614)
#define JET_errRestoreOfNonBackupDatabase                           ((JET_ERR)-615)
#define JET_errLogFileNotCopied                                     ((JET_ERR)-616)
#define JET_errSurrogateBackupInProgress                            ((JET_ERR)-617)
#define JET_errTransactionTooLong                                   ((JET_ERR)-618)
#define JET_errEngineFormatVersionNoLongerSupportedTooLow           ((JET_ERR)-619)
#define JET_errEngineFormatVersionNotYetImplementedTooHigh          ((JET_ERR)-620)
#define JET_errEngineFormatVersionParamTooLowForRequestedFeature    ((JET_ERR)-621)
#define JET_errEngineFormatVersionSpecifiedTooLowForLogVersion      ((JET_ERR)-622)
#define JET_errEngineFormatVersionSpecifiedTooLowForDatabaseVersion ((JET_ERR)-623)
#define JET_errDbTimeBeyondMaxRequired                              ((JET_ERR)-625)
#define JET_errLogOperationInconsistentWithDatabase                 ((JET_ERR)-626)
#define JET_errBackupAbortByServer                                  ((JET_ERR)-801)
#define JET_errInvalidGrbit                                         ((JET_ERR)-900)
#define JET_errTermInProgress                                       ((JET_ERR)-1000)
#define JET_errFeatureNotAvailable                                  ((JET_ERR)-1001)
#define JET_errInvalidName                                          ((JET_ERR)-1002)
#define JET_errInvalidParameter                                     ((JET_ERR)-1003)
#define JET_wrnColumnNull                                           ((JET_ERR)1004)
#define JET_wrnBufferTruncated                                      ((JET_ERR)1006)
#define JET_wrnDatabaseAttached                                     ((JET_ERR)1007)
#define JET_errDatabaseFileReadOnly                                 ((JET_ERR)-1008)
#define JET_wrnSortOverflow                                         ((JET_ERR)1009)
#define JET_errInvalidDatabaseId                                    ((JET_ERR)-1010)
#define JET_errOutOfMemory                                          ((JET_ERR)-1011)
#define JET_errOutOfDatabaseSpace                                   ((JET_ERR)-1012)
#define JET_errOutOfCursors                                         ((JET_ERR)-1013)
#define JET_errOutOfBuffers                                         ((JET_ERR)-1014)
#define JET_errTooManyIndexes                                       ((JET_ERR)-1015)
#define JET_errTooManyKeys                                          ((JET_ERR)-1016)
#define JET_errRecordDeleted                                        ((JET_ERR)-1017)
#define JET_errReadVerifyFailure                                    ((JET_ERR)-1018)
#define JET_errPageNotInitialized                                   ((JET_ERR)-1019)
#define JET_errOutOfFileHandles                                     ((JET_ERR)-1020)
#define JET_errDiskReadVerificationFailure                          ((JET_ERR)-1021)
#define JET_errDiskIO                                               ((JET_ERR)-1022)
#define JET_errInvalidPath                                          ((JET_ERR)-1023)
#define JET_errInvalidSystemPath                                    ((JET_ERR)-1024)
#define JET_errInvalidLogDirectory                                  ((JET_ERR)-1025)
#define JET_errRecordTooBig                                         ((JET_ERR)-1026)
#define JET_errTooManyOpenDatabases                                 ((JET_ERR)-1027)
#define JET_errInvalidDatabase                                      ((JET_ERR)-1028)
#define JET_errNotInitialized                                       ((JET_ERR)-1029)
#define JET_errAlreadyInitialized                                   ((JET_ERR)-1030)
#define JET_errInitInProgress                                       ((JET_ERR)-1031)
#define JET_errFileAccessDenied                                     ((JET_ERR)-1032)
#define JET_errQueryNotSupported                                    ((JET_ERR)-1034)
#define JET_errSQLLinkNotSupported                                  ((JET_ERR)-1035)
#define JET_errBufferTooSmall                                       ((JET_ERR)-1038)
#define JET_wrnSeekNotEqual                                         ((JET_ERR)1039)
#define JET_errTooManyColumns                                       ((JET_ERR)-1040)
#define JET_errContainerNotEmpty                                    ((JET_ERR)-1043)
#define JET_errInvalidFilename                                      ((JET_ERR)-1044)
#define JET_errInvalidBookmark                                      ((JET_ERR)-1045)
#define JET_errColumnInUse                                          ((JET_ERR)-1046)
#define JET_errInvalidBufferSize                                    ((JET_ERR)-1047)
#define JET_errColumnNotUpdatable                                   ((JET_ERR)-1048)
#define JET_errIndexInUse                                           ((JET_ERR)-1051)
#define JET_errLinkNotSupported                                     ((JET_ERR)-1052)
#define JET_errNullKeyDisallowed                                    ((JET_ERR)-1053)
#define JET_errNotInTransaction                                     ((JET_ERR)-1054)
#define JET_wrnNoErrorInfo                                          ((JET_ERR)1055)
#define JET_errMustRollback                                         ((JET_ERR)-1057)
#define JET_wrnNoIdleActivity                                       ((JET_ERR)1058)
#define JET_errTooManyActiveUsers                                   ((JET_ERR)-1059)
#define JET_errInvalidCountry                                       ((JET_ERR)-1061)
#define JET_errInvalidLanguageId                                    ((JET_ERR)-1062)
#define JET_errInvalidCodePage                                      ((JET_ERR)-1063)
#define JET_errInvalidLCMapStringFlags                              ((JET_ERR)-1064)
#define JET_errVersionStoreEntryTooBig                              ((JET_ERR)-1065)
#define JET_errVersionStoreOutOfMemoryAndCleanupTimedOut            ((JET_ERR)-1066)
#define JET_wrnNoWriteLock                                          ((JET_ERR)1067)
#define JET_wrnColumnSetNull                                        ((JET_ERR)1068)
#define JET_errVersionStoreOutOfMemory                              ((JET_ERR)-1069)
#define JET_errCurrencyStackOutOfMemory                             ((JET_ERR)-1070)
#define JET_errCannotIndex                                          ((JET_ERR)-1071)
#define JET_errRecordNotDeleted                                     ((JET_ERR)-1072)
#define JET_errTooManyMempoolEntries                                ((JET_ERR)-1073)
#define JET_errOutOfObjectIDs                                       ((JET_ERR)-1074)
#define JET_errOutOfLongValueIDs                                    ((JET_ERR)-1075)
#define JET_errOutOfAutoincrementValues                             ((JET_ERR)-1076)
#define JET_errOutOfDbtimeValues                                    ((JET_ERR)-1077)
#define JET_errOutOfSequentialIndexValues                           ((JET_ERR)-1078)
#define JET_errRunningInOneInstanceMode                             ((JET_ERR)-1080)
#define JET_errRunningInMultiInstanceMode                           ((JET_ERR)-1081)
#define JET_errSystemParamsAlreadySet                               ((JET_ERR)-1082)
#define JET_errSystemPathInUse                                      ((JET_ERR)-1083)
#define JET_errLogFilePathInUse                                     ((JET_ERR)-1084)
#define JET_errTempPathInUse                                        ((JET_ERR)-1085)
#define JET_errInstanceNameInUse                                    ((JET_ERR)-1086)
#define JET_errSystemParameterConflict                              ((JET_ERR)-1087)
#define JET_errInstanceUnavailable                                  ((JET_ERR)-1090)
#define JET_errDatabaseUnavailable                                  ((JET_ERR)-1091)
#define JET_errInstanceUnavailableDueToFatalLogDiskFull             ((JET_ERR)-1092)
#define JET_errInvalidSesparamId                                    ((JET_ERR)-1093)
#define JET_errTooManyRecords                                       ((JET_ERR)-1094)
#define JET_errInvalidDbparamId                                     ((JET_ERR)-1095)
#define JET_errOutOfSessions                                        ((JET_ERR)-1101)
#define JET_errWriteConflict                                        ((JET_ERR)-1102)
#define JET_errTransTooDeep                                         ((JET_ERR)-1103)
#define JET_errInvalidSesid                                         ((JET_ERR)-1104)
#define JET_errWriteConflictPrimaryIndex                            ((JET_ERR)-1105)
#define JET_errInTransaction                                        ((JET_ERR)-1108)
#define JET_errRollbackRequired                                     ((JET_ERR)-1109)
#define JET_errTransReadOnly                                        ((JET_ERR)-1110)
#define JET_errSessionWriteConflict                                 ((JET_ERR)-1111)
#define JET_errRecordTooBigForBackwardCompatibility                 ((JET_ERR)-1112)
#define JET_errCannotMaterializeForwardOnlySort                     ((JET_ERR)-1113)
#define JET_errSesidTableIdMismatch                                 ((JET_ERR)-1114)
#define JET_errInvalidInstance                                      ((JET_ERR)-1115)
#define JET_errDirtyShutdown                                        ((JET_ERR)-1116)
#define JET_errReadPgnoVerifyFailure                                ((JET_ERR)-1118)
#define JET_errReadLostFlushVerifyFailure                           ((JET_ERR)-1119)
#define JET_errFileSystemCorruption                                 ((JET_ERR)-1121)
#define JET_wrnShrinkNotPossible                                    ((JET_ERR)1122)
#define JET_errRecoveryVerifyFailure                                ((JET_ERR)-1123)
#define JET_errFilteredMoveNotSupported                             ((JET_ERR)-1124)
#define JET_errMustCommitDistributedTransactionToLevel0             ((JET_ERR)-1150)
#define JET_errDistributedTransactionAlreadyPreparedToCommit        ((JET_ERR)-1151)
#define JET_errNotInDistributedTransaction                          ((JET_ERR)-1152)
#define JET_errDistributedTransactionNotYetPreparedToCommit         ((JET_ERR)-1153)
#define JET_errCannotNestDistributedTransactions                    ((JET_ERR)-1154)
#define JET_errDTCMissingCallback                                   ((JET_ERR)-1160)
#define JET_errDTCMissingCallbackOnRecovery                         ((JET_ERR)-1161)
#define JET_errDTCCallbackUnexpectedError                           ((JET_ERR)-1162)
#define JET_wrnDTCCommitTransaction                                 ((JET_ERR)1163)
#define JET_wrnDTCRollbackTransaction                               ((JET_ERR)1164)
#define JET_errDatabaseDuplicate                                    ((JET_ERR)-1201)
#define JET_errDatabaseInUse                                        ((JET_ERR)-1202)
#define JET_errDatabaseNotFound                                     ((JET_ERR)-1203)
#define JET_errDatabaseInvalidName                                  ((JET_ERR)-1204)
#define JET_errDatabaseInvalidPages                                 ((JET_ERR)-1205)
#define JET_errDatabaseCorrupted                                    ((JET_ERR)-1206)
#define JET_errDatabaseLocked                                       ((JET_ERR)-1207)
#define JET_errCannotDisableVersioning                              ((JET_ERR)-1208)
#define JET_errInvalidDatabaseVersion                               ((JET_ERR)-1209)
#define JET_errDatabase200Format                                    ((JET_ERR)-1210)
#define JET_errDatabase400Format                                    ((JET_ERR)-1211)
#define JET_errDatabase500Format                                    ((JET_ERR)-1212)
#define JET_errPageSizeMismatch                                     ((JET_ERR)-1213)
#define JET_errTooManyInstances                                     ((JET_ERR)-1214)
#define JET_errDatabaseSharingViolation                             ((JET_ERR)-1215)
#define JET_errAttachedDatabaseMismatch                             ((JET_ERR)-1216)
#define JET_errDatabaseInvalidPath                                  ((JET_ERR)-1217)
#define JET_errDatabaseIdInUse                                      ((JET_ERR)-1218)
#define JET_errForceDetachNotAllowed                                ((JET_ERR)-1219)
#define JET_errCatalogCorrupted                                     ((JET_ERR)-1220)
#define JET_errPartiallyAttachedDB                                  ((JET_ERR)-1221)
#define JET_errDatabaseSignInUse                                    ((JET_ERR)-1222)
#define JET_errDatabaseCorruptedNoRepair                            ((JET_ERR)-1224)
#define JET_errInvalidCreateDbVersion                               ((JET_ERR)-1225)
#define JET_errDatabaseIncompleteIncrementalReseed                  ((JET_ERR)-1226)
#define JET_errDatabaseInvalidIncrementalReseed                     ((JET_ERR)-1227)
#define JET_errDatabaseFailedIncrementalReseed                      ((JET_ERR)-1228)
#define JET_errNoAttachmentsFailedIncrementalReseed                 ((JET_ERR)-1229)
#define JET_errDatabaseNotReady                                     ((JET_ERR)-1230)
#define JET_errDatabaseAttachedForRecovery                          ((JET_ERR)-1231)
#define JET_errTransactionsNotReadyDuringRecovery                   ((JET_ERR)-1232)
#define JET_wrnTableEmpty                                           ((JET_ERR)1301)
#define JET_errTableLocked                                          ((JET_ERR)-1302)
#define JET_errTableDuplicate                                       ((JET_ERR)-1303)
#define JET_errTableInUse                                           ((JET_ERR)-1304)
#define JET_errObjectNotFound                                       ((JET_ERR)-1305)
#define JET_errDensityInvalid                                       ((JET_ERR)-1307)
#define JET_errTableNotEmpty                                        ((JET_ERR)-1308)
#define JET_errInvalidTableId                                       ((JET_ERR)-1310)
#define JET_errTooManyOpenTables                                    ((JET_ERR)-1311)
#define JET_errIllegalOperation                                     ((JET_ERR)-1312)
#define JET_errTooManyOpenTablesAndCleanupTimedOut                  ((JET_ERR)-1313)
#define JET_errObjectDuplicate                                      ((JET_ERR)-1314)
#define JET_errInvalidObject                                        ((JET_ERR)-1316)
#define JET_errCannotDeleteTempTable                                ((JET_ERR)-1317)
#define JET_errCannotDeleteSystemTable                              ((JET_ERR)-1318)
#define JET_errCannotDeleteTemplateTable                            ((JET_ERR)-1319)
#define JET_errExclusiveTableLockRequired                           ((JET_ERR)-1322)
#define JET_errFixedDDL                                             ((JET_ERR)-1323)
#define JET_errFixedInheritedDDL                                    ((JET_ERR)-1324)
#define JET_errCannotNestDDL                                        ((JET_ERR)-1325)
#define JET_errDDLNotInheritable                                    ((JET_ERR)-1326)
#define JET_wrnTableInUseBySystem                                   ((JET_ERR)1327)
#define JET_errInvalidSettings                                      ((JET_ERR)-1328)
#define JET_errClientRequestToStopJetService                        ((JET_ERR)-1329)
#define JET_errCannotAddFixedVarColumnToDerivedTable                ((JET_ERR)-1330)
#define JET_errIndexCantBuild                                       ((JET_ERR)-1401)
#define JET_errIndexHasPrimary                                      ((JET_ERR)-1402)
#define JET_errIndexDuplicate                                       ((JET_ERR)-1403)
#define JET_errIndexNotFound                                        ((JET_ERR)-1404)
#define JET_errIndexMustStay                                        ((JET_ERR)-1405)
#define JET_errIndexInvalidDef                                      ((JET_ERR)-1406)
#define JET_errInvalidCreateIndex                                   ((JET_ERR)-1409)
#define JET_errTooManyOpenIndexes                                   ((JET_ERR)-1410)
#define JET_errMultiValuedIndexViolation                            ((JET_ERR)-1411)
#define JET_errIndexBuildCorrupted                                  ((JET_ERR)-1412)
#define JET_errPrimaryIndexCorrupted                                ((JET_ERR)-1413)
#define JET_errSecondaryIndexCorrupted                              ((JET_ERR)-1414)
#define JET_wrnCorruptIndexDeleted                                  ((JET_ERR)1415)
#define JET_errInvalidIndexId                                       ((JET_ERR)-1416)
#define JET_wrnPrimaryIndexOutOfDate                                ((JET_ERR)1417)
#define JET_wrnSecondaryIndexOutOfDate                              ((JET_ERR)1418)
#define JET_errCantUseDeferredPopulateIndex                         ((JET_ERR)-1419)
#define JET_errIndexTuplesSecondaryIndexOnly                        ((JET_ERR)-1430)
#define JET_errIndexTuplesTooManyColumns                            ((JET_ERR)-1431)
#define JET_errIndexTuplesOneColumnOnly                             ((JET_ERR)-1431)
#define JET_errIndexTuplesNonUniqueOnly                             ((JET_ERR)-1432)
#define JET_errIndexTuplesTextBinaryColumnsOnly                     ((JET_ERR)-1433)
#define JET_errIndexTuplesTextColumnsOnly                           ((JET_ERR)-1433)
#define JET_errIndexTuplesVarSegMacNotAllowed                       ((JET_ERR)-1434)
#define JET_errIndexTuplesInvalidLimits                             ((JET_ERR)-1435)
#define JET_errIndexTuplesCannotRetrieveFromIndex                   ((JET_ERR)-1436)
#define JET_errIndexTuplesKeyTooSmall                               ((JET_ERR)-1437)
#define JET_errInvalidLVChunkSize                                   ((JET_ERR)-1438)
#define JET_errColumnCannotBeEncrypted                              ((JET_ERR)-1439)
#define JET_errCannotIndexOnEncryptedColumn                         ((JET_ERR)-1440)
#define JET_errColumnLong                                           ((JET_ERR)-1501)
#define JET_errColumnNoChunk                                        ((JET_ERR)-1502)
#define JET_errColumnDoesNotFit                                     ((JET_ERR)-1503)
#define JET_errNullInvalid                                          ((JET_ERR)-1504)
#define JET_errColumnIndexed                                        ((JET_ERR)-1505)
#define JET_errColumnTooBig                                         ((JET_ERR)-1506)
#define JET_errColumnNotFound                                       ((JET_ERR)-1507)
#define JET_errColumnDuplicate                                      ((JET_ERR)-1508)
#define JET_errMultiValuedColumnMustBeTagged                        ((JET_ERR)-1509)
#define JET_errColumnRedundant                                      ((JET_ERR)-1510)
#define JET_errInvalidColumnType                                    ((JET_ERR)-1511)
#define JET_wrnColumnMaxTruncated                                   ((JET_ERR)1512)
#define JET_errTaggedNotNULL                                        ((JET_ERR)-1514)
#define JET_errNoCurrentIndex                                       ((JET_ERR)-1515)
#define JET_errKeyIsMade                                            ((JET_ERR)-1516)
#define JET_errBadColumnId                                          ((JET_ERR)-1517)
#define JET_errBadItagSequence                                      ((JET_ERR)-1518)
#define JET_errColumnInRelationship                                 ((JET_ERR)-1519)
#define JET_wrnCopyLongValue                                        ((JET_ERR)1520)
#define JET_errCannotBeTagged                                       ((JET_ERR)-1521)
#define JET_wrnTaggedColumnsRemaining                               ((JET_ERR)1523)
#define JET_errDefaultValueTooBig                                   ((JET_ERR)-1524)
#define JET_errMultiValuedDuplicate                                 ((JET_ERR)-1525)
#define JET_errLVCorrupted                                          ((JET_ERR)-1526)
#define JET_errMultiValuedDuplicateAfterTruncation                  ((JET_ERR)-1528)
#define JET_errDerivedColumnCorruption                              ((JET_ERR)-1529)
#define JET_errInvalidPlaceholderColumn                             ((JET_ERR)-1530)
#define JET_wrnColumnSkipped                                        ((JET_ERR)1531)
#define JET_wrnColumnNotLocal                                       ((JET_ERR)1532)
#define JET_wrnColumnMoreTags                                       ((JET_ERR)1533)
#define JET_wrnColumnTruncated                                      ((JET_ERR)1534)
#define JET_wrnColumnPresent                                        ((JET_ERR)1535)
#define JET_wrnColumnSingleValue                                    ((JET_ERR)1536)
#define JET_wrnColumnDefault                                        ((JET_ERR)1537)
#define JET_errColumnCannotBeCompressed                             ((JET_ERR)-1538)
#define JET_wrnColumnNotInRecord                                    ((JET_ERR)1539)
#define JET_errColumnNoEncryptionKey                                ((JET_ERR)-1540)
#define JET_wrnColumnReference                                      ((JET_ERR)1541)
#define JET_errRecordNotFound                                       ((JET_ERR)-1601)
#define JET_errRecordNoCopy                                         ((JET_ERR)-1602)
#define JET_errNoCurrentRecord                                      ((JET_ERR)-1603)
#define JET_errRecordPrimaryChanged                                 ((JET_ERR)-1604)
#define JET_errKeyDuplicate                                         ((JET_ERR)-1605)
#define JET_errAlreadyPrepared                                      ((JET_ERR)-1607)
#define JET_errKeyNotMade                                           ((JET_ERR)-1608)
#define JET_errUpdateNotPrepared                                    ((JET_ERR)-1609)
#define JET_wrnDataHasChanged                                       ((JET_ERR)1610)
#define JET_errDataHasChanged                                       ((JET_ERR)-1611)
#define JET_wrnKeyChanged                                           ((JET_ERR)1618)
#define JET_errLanguageNotSupported                                 ((JET_ERR)-1619)
#define JET_errDecompressionFailed                                  ((JET_ERR)-1620)
#define JET_errUpdateMustVersion                                    ((JET_ERR)-1621)
#define JET_errDecryptionFailed                                     ((JET_ERR)-1622)
#define JET_errEncryptionBadItag                                    ((JET_ERR)-1623)
#define JET_errSetAutoIncrementTooHigh                              ((JET_ERR)-1624)
#define JET_errAutoIncrementNotSet                                  ((JET_ERR)-1625)
#define JET_errTooManySorts                                         ((JET_ERR)-1701)
#define JET_errInvalidOnSort                                        ((JET_ERR)-1702)
#define JET_errTempFileOpenError                                    ((JET_ERR)-1803)
#define JET_errTooManyAttachedDatabases                             ((JET_ERR)-1805)
#define JET_errDiskFull                                             ((JET_ERR)-1808)
#define JET_errPermissionDenied                                     ((JET_ERR)-1809)
#define JET_errFileNotFound                                         ((JET_ERR)-1811)
#define JET_errFileInvalidType                                      ((JET_ERR)-1812)
#define JET_wrnFileOpenReadOnly                                     ((JET_ERR)1813)
#define JET_errFileAlreadyExists                                    ((JET_ERR)-1814)
#define JET_errAfterInitialization                                  ((JET_ERR)-1850)
#define JET_errLogCorrupted                                         ((JET_ERR)-1852)
#define JET_errInvalidOperation                                     ((JET_ERR)-1906)
#define JET_errAccessDenied                                         ((JET_ERR)-1907)
#define JET_wrnIdleFull                                             ((JET_ERR)1908)
#define JET_errTooManySplits                                        ((JET_ERR)-1909)
#define JET_errSessionSharingViolation                              ((JET_ERR)-1910)
#define JET_errEntryPointNotFound                                   ((JET_ERR)-1911)
#define JET_errSessionContextAlreadySet                             ((JET_ERR)-1912)
#define JET_errSessionContextNotSetByThisThread                     ((JET_ERR)-1913)
#define JET_errSessionInUse                                         ((JET_ERR)-1914)
#define JET_errRecordFormatConversionFailed                         ((JET_ERR)-1915)
#define JET_errOneDatabasePerSession                                ((JET_ERR)-1916)
#define JET_errRollbackError                                        ((JET_ERR)-1917)
#define JET_errFlushMapVersionUnsupported                           ((JET_ERR)-1918)
#define JET_errFlushMapDatabaseMismatch                             ((JET_ERR)-1919)
#define JET_errFlushMapUnrecoverable                                ((JET_ERR)-1920)
#define JET_errRBSFileCorrupt                                       ((JET_ERR)-1921)
#define JET_errRBSHeaderCorrupt                                     ((JET_ERR)-1922)
#define JET_errRBSDbMismatch                                        ((JET_ERR)-1923)
#define JET_errBadRBSVersion                                        ((JET_ERR)-1925)
#define JET_errOutOfRBSSpace                                        ((JET_ERR)-1926)
#define JET_errRBSInvalidSign                                       ((JET_ERR)-1927)
#define JET_errRBSInvalidRecord                                     ((JET_ERR)-1928)
#define JET_errRBSRCInvalidRBS                                      ((JET_ERR)-1929)
#define JET_errRBSRCNoRBSFound                                      ((JET_ERR)-1930)
#define JET_errRBSRCBadDbState                                      ((JET_ERR)-1931)
#define JET_errRBSMissingReqLogs                                    ((JET_ERR)-1932)
#define JET_errRBSLogDivergenceFailed                               ((JET_ERR)-1933)
#define JET_errRBSRCCopyLogsRevertState                             ((JET_ERR)-1934)
#define JET_errDatabaseIncompleteRevert                             ((JET_ERR)-1935)
#define JET_errRBSRCRevertCancelled                                 ((JET_ERR)-1936)
#define JET_errRBSRCInvalidDbFormatVersion                          ((JET_ERR)-1937)
#define JET_errRBSCannotDetermineDivergence                         ((JET_ERR)-1938)
#define JET_errRBSDeleteTableTooBig                                 ((JET_ERR)-1941)
#define JET_errRBSDeleteTableTooSoon                                ((JET_ERR)-1942)
#define JET_errRBSFDPToBeDeleted                                    ((JET_ERR)-1943)
#define JET_errRBSRevertableDeleteNotPossible                       ((JET_ERR)-1944)
#define JET_errRBSRedeleteFDPUnexpected                             ((JET_ERR)-1947)
#define JET_errRBSRCPageFDPDeleteFileCorrupt                        ((JET_ERR)-1948)
#define JET_wrnDefragAlreadyRunning                                 ((JET_ERR)2000)
#define JET_wrnDefragNotRunning                                     ((JET_ERR)2001)
#define JET_wrnDatabaseScanAlreadyRunning                           ((JET_ERR)2002)
#define JET_wrnDatabaseScanNotRunning                               ((JET_ERR)2003)
#define JET_errDatabaseAlreadyRunningMaintenance                    ((JET_ERR)-2004)
#define JET_errRootSpaceLeakEstimationAlreadyRunning                ((JET_ERR)-2006)
#define JET_wrnCallbackNotRegistered                                ((JET_ERR)2100)
#define JET_errCallbackFailed                                       ((JET_ERR)-2101)
#define JET_errCallbackNotResolved                                  ((JET_ERR)-2102)
#define JET_errSpaceHintsInvalid                                    ((JET_ERR)-2103)
#define JET_errOSSnapshotInvalidSequence                            ((JET_ERR)-2401)
#define JET_errOSSnapshotTimeOut                                    ((JET_ERR)-2402)
#define JET_errOSSnapshotNotAllowed                                 ((JET_ERR)-2403)
#define JET_errOSSnapshotInvalidSnapId                              ((JET_ERR)-2404)
#define JET_errTooManyTestInjections                                ((JET_ERR)-2501)
#define JET_errTestInjectionNotSupported                            ((JET_ERR)-2502)
#define JET_errInvalidLogDataSequence                               ((JET_ERR)-2601)
#define JET_wrnPreviousLogFileIncomplete                            ((JET_ERR)2602)
#define JET_errLSCallbackNotSpecified                               ((JET_ERR)-3000)
#define JET_errLSAlreadySet                                         ((JET_ERR)-3001)
#define JET_errLSNotSet                                             ((JET_ERR)-3002)
#define JET_errFileIOSparse                                         ((JET_ERR)-4000)
#define JET_errFileIOBeyondEOF                                      ((JET_ERR)-4001)
#define JET_errFileIOAbort                                          ((JET_ERR)-4002)
#define JET_errFileIORetry                                          ((JET_ERR)-4003)
#define JET_errFileIOFail                                           ((JET_ERR)-4004)
#define JET_errFileCompressed                                       ((JET_ERR)-4005)
#define JET_errClientSpaceBegin                                     ((JET_ERR)-10000)
#define JET_errClientSpaceEnd                                       ((JET_ERR)-11999)
#define JET_bitShrinkDatabaseEofOnAttach                            ((JET_GRBIT)0x00000001)
#define JET_bitShrinkDatabaseFullCategorizationOnAttach             ((JET_GRBIT)0x00000002)
#define JET_bitShrinkDatabaseDontMoveRootsOnAttach                  ((JET_GRBIT)0x00000004)
#define JET_bitShrinkDatabaseDontTruncateLeakedPagesOnAttach        ((JET_GRBIT)0x00000008)
#define JET_bitShrinkDatabaseDontTruncateIndeterminatePagesOnAttach ((JET_GRBIT)0x00000010)
#define JET_BASE_NAME_LENGTH                                        3UL
#define JET_bitDumpMinimum                                          ((JET_GRBIT)0x00000001)
#define JET_bitDumpMaximum                                          ((JET_GRBIT)0x00000002)
#define JET_bitDumpCacheMinimum                                     ((JET_GRBIT)0x00000004)
#define JET_bitDumpCacheMaximum                                     ((JET_GRBIT)0x00000008)
#define JET_bitDumpCacheIncludeDirtyPages                           ((JET_GRBIT)0x00000010)
#define JET_bitDumpCacheIncludeCachedPages                          ((JET_GRBIT)0x00000020)
#define JET_bitDumpCacheIncludeCorruptedPages                       ((JET_GRBIT)0x00000040)
#define JET_bitDumpCacheNoDecommit                                  ((JET_GRBIT)0x00000080)
#define JET_bitDumpUnitTest                                         ((JET_GRBIT)0x80000000)
#define JET_bitInjectionProbabilityPct                              ((JET_GRBIT)0x00000001)
#define JET_bitInjectionProbabilityCount                            ((JET_GRBIT)0x00000002)
#define JET_bitInjectionProbabilityPermanent                        ((JET_GRBIT)0x00000004)
#define JET_bitInjectionProbabilityFailUntil                        ((JET_GRBIT)0x00000008)
#define JET_bitInjectionProbabilitySuppress                         ((JET_GRBIT)0x40000000)
#define JET_bitInjectionProbabilityCleanup                          ((JET_GRBIT)0x80000000)
#define JET_bitTestHookEvictDataByPgno                              ((JET_GRBIT)0x00000001)
#define JET_bitTestHookCorruptDatabaseFile                          ((JET_GRBIT)0x80000000)
#define JET_bitTestHookCorruptDatabasePageImage                     ((JET_GRBIT)0x40000000)
#define JET_bitTestHookCorruptPageChksumRand                        ((JET_GRBIT)0x00000001)
#define JET_bitTestHookCorruptPageChksumSafe                        ((JET_GRBIT)0x00000002)
#define JET_bitTestHookCorruptPageSingleFld                         ((JET_GRBIT)0x00000004)
#define JET_bitTestHookCorruptPageRemoveNode                        ((JET_GRBIT)0x00000008)
#define JET_bitTestHookCorruptPageDbtimeDelta                       ((JET_GRBIT)0x00000010)
#define JET_bitTestHookCorruptNodePrefix                            ((JET_GRBIT)0x00000020)
#define JET_bitTestHookCorruptNodeSuffix                            ((JET_GRBIT)0x00000040)
#define JET_bitTestHookCorruptSizeLargerThanNode                    ((JET_GRBIT)0x00010000)
#define JET_bitTestHookCorruptSizeShortWrapSmall                    ((JET_GRBIT)0x00020000)
#define JET_bitTestHookCorruptSizeShortWrapLarge                    ((JET_GRBIT)0x00040000)
#define JET_bitTestHookCorruptLeaveChecksum                         ((JET_GRBIT)0x01000000)
#define JET_bitAlterDbFileHdrAddField                               ((JET_GRBIT)0x00000001)
#define JET_cbBookmarkMost                                          0x100UL
#define JET_cbBookmarkMostMost                                      0x7D0UL
#define JET_cbNameMost                                              0x40UL
#define JET_cbFullNameMost                                          0xFFUL
#define JET_cbColumnLVPageOverhead                                  0x52UL
#define JET_cbLVDefaultValueMost                                    0xFFUL
#define JET_cbColumnMost                                            0xFFUL
#define JET_cbLVColumnMost                                          0x7FFFFFFFUL
#define JET_cbKeyMostMost                                           0x7D0UL
#define JET_cbKeyMost32KBytePage                                    0x7D0UL
#define JET_cbKeyMost16KBytePage                                    0x7D0UL
#define JET_cbKeyMost8KBytePage                                     0x7D0UL
#define JET_cbKeyMost4KBytePage                                     0x3E8UL
#define JET_cbKeyMost2KBytePage                                     0x1F4UL
#define JET_cbKeyMostMin                                            0xFFUL
#define JET_cbKeyMost                                               0xFFUL
#define JET_cbLimitKeyMost                                          0x100UL
#define JET_cbPrimaryKeyMost                                        0xFFUL
#define JET_cbSecondaryKeyMost                                      0xFFUL
#define JET_cbKeyMost_OLD                                           0xFFUL
#define JET_ccolKeyMost                                             0x10UL
#define JET_ccolMost                                                0xFEE0UL
#define JET_ccolFixedMost                                           0x7FUL
#define JET_ccolVarMost                                             0x80UL
#define JET_ccolTaggedMost                                          0xFDE1UL
#define JET_maskLimitOptions                                        0xF00UL
#define JET_MoveFirst                                               (2147483648L)
#define JET_MovePrevious                                            (-1L)
#define JET_MoveNext                                                (1L)
#define JET_MoveLast                                                (2147483647L)
#define JET_prepInsert                                              0UL
#define JET_prepReplace                                             2UL
#define JET_prepCancel                                              3UL
#define JET_prepReplaceNoLock                                       4UL
#define JET_prepInsertCopy                                          5UL
#define JET_prepInsertCopyDeleteOriginal                            7UL
#define JET_prepReadOnlyCopy                                        8UL
#define JET_prepInsertCopyReplaceOriginal                           9UL
#define JET_prepInsertMustSetAutoIncrement                          10UL
#define JET_coltypNil                                               0UL
#define JET_coltypBit                                               1UL
#define JET_coltypUnsignedByte                                      2UL
#define JET_coltypShort                                             3UL
#define JET_coltypLong                                              4UL
#define JET_coltypCurrency                                          5UL
#define JET_coltypIEEESingle                                        6UL
#define JET_coltypIEEEDouble                                        7UL
#define JET_coltypDateTime                                          8UL
#define JET_coltypBinary                                            9UL
#define JET_coltypText                                              10UL
#define JET_coltypLongBinary                                        11UL
#define JET_coltypLongText                                          12UL
#define JET_coltypMax                                               0x13UL
#define JET_coltypSLV                                               13UL
#define JET_coltypUnsignedLong                                      14UL
#define JET_coltypLongLong                                          15UL
#define JET_coltypGUID                                              0x10UL
#define JET_coltypUnsignedShort                                     0x11UL
#define JET_coltypUnsignedLongLong                                  0x12UL
#define JET_TblInfo                                                 0UL
#define JET_TblInfoName                                             1UL
#define JET_TblInfoDbid                                             2UL
#define JET_TblInfoMostMany                                         3UL
#define JET_TblInfoRvt                                              4UL
#define JET_TblInfoOLC                                              5UL
#define JET_TblInfoResetOLC                                         6UL
#define JET_TblInfoSpaceUsage                                       7UL
#define JET_TblInfoDumpTable                                        8UL
#define JET_TblInfoSpaceAlloc                                       9UL
#define JET_TblInfoSpaceOwned                                       10UL
#define JET_TblInfoSpaceAvailable                                   11UL
#define JET_TblInfoTemplateTableName                                12UL
#define JET_TblInfoLVChunkMax                                       13UL
#define JET_TblInfoEncryptionKey                                    14UL
#define JET_TblInfoRetrieveAndReserveAutoIncrement                  0x10UL
#define JET_TblInfoSpaceOwnedLV                                     0x11UL
#define JET_TblInfoSpaceAvailableLV                                 0x12UL
#define JET_TblInfoObjectId                                         0x13UL
#define JET_IdxInfo                                                 0UL
#define JET_IdxInfoList                                             1UL
#define JET_IdxInfoSysTabCursor                                     2UL
#define JET_IdxInfoOLC                                              3UL
#define JET_IdxInfoResetOLC                                         4UL
#define JET_IdxInfoSpaceAlloc                                       5UL
#define JET_IdxInfoLCID                                             6UL
#define JET_IdxInfoLangid                                           6UL
#define JET_IdxInfoCount                                            7UL
#define JET_IdxInfoVarSegMac                                        8UL
#define JET_IdxInfoIndexId                                          9UL
#define JET_IdxInfoKeyMost                                          10UL
#define JET_IdxInfoCreateIndex                                      11UL
#define JET_IdxInfoCreateIndex2                                     12UL
#define JET_IdxInfoCreateIndex3                                     13UL
#define JET_IdxInfoLocaleName                                       14UL
#define JET_IdxInfoSortVersion                                      15UL
#define JET_IdxInfoDefinedSortVersion                               0x10UL
#define JET_IdxInfoSortId                                           0x11UL
#define JET_IdxInfoSpaceOwned                                       0x12UL
#define JET_IdxInfoSpaceAvailable                                   0x13UL
#define JET_ColInfo                                                 0UL
#define JET_ColInfoList                                             1UL
#define JET_ColInfoSysTabCursor                                     3UL
#define JET_ColInfoBase                                             4UL
#define JET_ColInfoListCompact                                      5UL
#define JET_ColInfoByColid                                          6UL
#define JET_ColInfoListSortColumnid                                 7UL
#define JET_ColInfoBaseByColid                                      8UL
#define JET_ColInfoGrbitNonDerivedColumnsOnly                       0x80000000UL
#define JET_ColInfoGrbitMinimalInfo                                 0x40000000UL
#define JET_ColInfoGrbitSortByColumnid                              0x20000000UL
#define JET_ColInfoGrbitCompacting                                  0x10000000UL
#define JET_objtypNil                                               0UL
#define JET_objtypTable                                             1UL
#define JET_objtypDb                                                2UL
#define JET_objtypContainer                                         3UL
#define JET_objtypLongRoot                                          9UL
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
#define JET_instanceNil                                             ((JET_INSTANCE)0xFFFFFFFFFFFFFFFF)
#define JET_sesidNil                                                ((JET_SESID)0xFFFFFFFFFFFFFFFF)
#define JET_tableidNil                                              ((JET_TABLEID)0xFFFFFFFFFFFFFFFF)
#define JET_columnidNil                                             ((JET_COLUMNID)0xFFFFFFFFFFFFFFFF)
#else
#define JET_instanceNil                                             ((JET_INSTANCE)0xFFFFFFFF)
#define JET_sesidNil                                                ((JET_SESID)0xFFFFFFFF)
#define JET_tableidNil                                              ((JET_TABLEID)0xFFFFFFFF)
#define JET_columnidNil                                             ((JET_COLUMNID)0xFFFFFFFF)
#endif
#endif /* __swift__ */
/* END GENERATED CONSTANTS */

/* ---------------------------------------------------------------------------------------------------------
 * Functions. docs/api.md lists, for each, every code it returns and what misuse does.
 * A and W variants take UTF-8 and UTF-16 strings; the undecorated name is the A variant unless JET_UNICODE
 * is defined (all three are exported symbols).
 * ------------------------------------------------------------------------------------------------------- */

/* Instances */
JET_ERR JET_API JetCreateInstanceA(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName);
JET_ERR JET_API JetCreateInstanceW(JET_INSTANCE *pinstance, JET_PCWSTR szInstanceName);
JET_ERR JET_API JetCreateInstance2A(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName, JET_PCSTR szDisplayName,
                                    JET_GRBIT grbit);
JET_ERR JET_API JetCreateInstance2W(JET_INSTANCE *pinstance, JET_PCWSTR szInstanceName, JET_PCWSTR szDisplayName,
                                    JET_GRBIT grbit);
JET_ERR JET_API JetInit(JET_INSTANCE *pinstance);
JET_ERR JET_API JetInit2(JET_INSTANCE *pinstance, JET_GRBIT grbit);
JET_ERR JET_API JetTerm(JET_INSTANCE instance);
JET_ERR JET_API JetTerm2(JET_INSTANCE instance, JET_GRBIT grbit);
JET_ERR JET_API JetStopService(void);
JET_ERR JET_API JetStopServiceInstance(JET_INSTANCE instance);
JET_ERR JET_API JetStopServiceInstance2(JET_INSTANCE instance, const JET_GRBIT grbit);
JET_ERR JET_API JetStopBackup(void);
JET_ERR JET_API JetStopBackupInstance(JET_INSTANCE instance);
JET_ERR JET_API JetEnableMultiInstanceA(JET_SETSYSPARAM_A *psetsysparam, unsigned long csetsysparam,
                                        unsigned long *pcsetsucceed);
JET_ERR JET_API JetEnableMultiInstanceW(JET_SETSYSPARAM_W *psetsysparam, unsigned long csetsysparam,
                                        unsigned long *pcsetsucceed);
JET_ERR JET_API JetGetInstanceInfoA(unsigned long *pcInstanceInfo, JET_INSTANCE_INFO_A **paInstanceInfo);
JET_ERR JET_API JetGetInstanceInfoW(unsigned long *pcInstanceInfo, JET_INSTANCE_INFO_W **paInstanceInfo);
JET_ERR JET_API JetFreeBuffer(char *pbBuf);

/* System parameters */
JET_ERR JET_API JetSetSystemParameterA(JET_INSTANCE *pinstance, JET_SESID sesid, unsigned long paramid,
                                       JET_API_PTR lParam, JET_PCSTR szParam);
JET_ERR JET_API JetSetSystemParameterW(JET_INSTANCE *pinstance, JET_SESID sesid, unsigned long paramid,
                                       JET_API_PTR lParam, JET_PCWSTR szParam);
JET_ERR JET_API JetGetSystemParameterA(JET_INSTANCE instance, JET_SESID sesid, unsigned long paramid,
                                       JET_API_PTR *plParam, JET_PSTR szParam, unsigned long cbMax);
JET_ERR JET_API JetGetSystemParameterW(JET_INSTANCE instance, JET_SESID sesid, unsigned long paramid,
                                       JET_API_PTR *plParam, JET_PWSTR szParam, unsigned long cbMax);

/* Sessions and transactions */
JET_ERR JET_API JetBeginSessionA(JET_INSTANCE instance, JET_SESID *psesid, JET_PCSTR szUserName,
                                 JET_PCSTR szPassword);
JET_ERR JET_API JetBeginSessionW(JET_INSTANCE instance, JET_SESID *psesid, JET_PCWSTR szUserName,
                                 JET_PCWSTR szPassword);
JET_ERR JET_API JetEndSession(JET_SESID sesid, JET_GRBIT grbit);
JET_ERR JET_API JetBeginTransaction(JET_SESID sesid);
JET_ERR JET_API JetBeginTransaction2(JET_SESID sesid, JET_GRBIT grbit);
JET_ERR JET_API JetCommitTransaction(JET_SESID sesid, JET_GRBIT grbit);
JET_ERR JET_API JetRollback(JET_SESID sesid, JET_GRBIT grbit);

/* Databases */
JET_ERR JET_API JetCreateDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_PCSTR szConnect, JET_DBID *pdbid,
                                   JET_GRBIT grbit);
JET_ERR JET_API JetCreateDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_PCWSTR szConnect, JET_DBID *pdbid,
                                   JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetAttachDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetDetachDatabaseA(JET_SESID sesid, JET_PCSTR szFilename);
JET_ERR JET_API JetDetachDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename);
JET_ERR JET_API JetDetachDatabase2A(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetDetachDatabase2W(JET_SESID sesid, JET_PCWSTR szFilename, JET_GRBIT grbit);
JET_ERR JET_API JetOpenDatabaseA(JET_SESID sesid, JET_PCSTR szFilename, JET_PCSTR szConnect, JET_DBID *pdbid,
                                 JET_GRBIT grbit);
JET_ERR JET_API JetOpenDatabaseW(JET_SESID sesid, JET_PCWSTR szFilename, JET_PCWSTR szConnect, JET_DBID *pdbid,
                                 JET_GRBIT grbit);
JET_ERR JET_API JetCloseDatabase(JET_SESID sesid, JET_DBID dbid, JET_GRBIT grbit);
JET_ERR JET_API JetSetDatabaseSizeA(JET_SESID sesid, JET_PCSTR szDatabaseName, unsigned long cpg,
                                    unsigned long *pcpgReal);
JET_ERR JET_API JetSetDatabaseSizeW(JET_SESID sesid, JET_PCWSTR szDatabaseName, unsigned long cpg,
                                    unsigned long *pcpgReal);
JET_ERR JET_API JetGrowDatabase(JET_SESID sesid, JET_DBID dbid, unsigned long cpg, unsigned long *pcpgReal);
JET_ERR JET_API JetGetDatabaseFileInfoA(JET_PCSTR szDatabaseName, void *pvResult, unsigned long cbMax,
                                        unsigned long InfoLevel);
JET_ERR JET_API JetGetDatabaseFileInfoW(JET_PCWSTR szDatabaseName, void *pvResult, unsigned long cbMax,
                                        unsigned long InfoLevel);

/* Streaming backup */
JET_ERR JET_API JetBeginExternalBackup(JET_GRBIT grbit);
JET_ERR JET_API JetBeginExternalBackupInstance(JET_INSTANCE instance, JET_GRBIT grbit);
JET_ERR JET_API JetGetAttachInfoA(JET_PSTR szzDatabases, unsigned long cbMax, unsigned long *pcbActual);
JET_ERR JET_API JetGetAttachInfoW(JET_PWSTR wszzDatabases, unsigned long cbMax, unsigned long *pcbActual);
JET_ERR JET_API JetGetAttachInfoInstanceA(JET_INSTANCE instance, JET_PSTR szzDatabases, unsigned long cbMax,
                                          unsigned long *pcbActual);
JET_ERR JET_API JetGetAttachInfoInstanceW(JET_INSTANCE instance, JET_PWSTR szzDatabases, unsigned long cbMax,
                                          unsigned long *pcbActual);
JET_ERR JET_API JetOpenFileA(JET_PCSTR szFileName, JET_HANDLE *phfFile, unsigned long *pulFileSizeLow,
                             unsigned long *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileW(JET_PCWSTR szFileName, JET_HANDLE *phfFile, unsigned long *pulFileSizeLow,
                             unsigned long *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileInstanceA(JET_INSTANCE instance, JET_PCSTR szFileName, JET_HANDLE *phfFile,
                                     unsigned long *pulFileSizeLow, unsigned long *pulFileSizeHigh);
JET_ERR JET_API JetOpenFileInstanceW(JET_INSTANCE instance, JET_PCWSTR szFileName, JET_HANDLE *phfFile,
                                     unsigned long *pulFileSizeLow, unsigned long *pulFileSizeHigh);
JET_ERR JET_API JetReadFile(JET_HANDLE hfFile, void *pv, unsigned long cb, unsigned long *pcbActual);
JET_ERR JET_API JetReadFileInstance(JET_INSTANCE instance, JET_HANDLE hfFile, void *pv, unsigned long cb,
                                    unsigned long *pcbActual);
JET_ERR JET_API JetCloseFile(JET_HANDLE hfFile);
JET_ERR JET_API JetCloseFileInstance(JET_INSTANCE instance, JET_HANDLE hfFile);
JET_ERR JET_API JetGetLogInfoA(JET_PSTR szzLogs, unsigned long cbMax, unsigned long *pcbActual);
JET_ERR JET_API JetGetLogInfoW(JET_PWSTR szzLogs, unsigned long cbMax, unsigned long *pcbActual);
JET_ERR JET_API JetGetLogInfoInstanceA(JET_INSTANCE instance, JET_PSTR szzLogs, unsigned long cbMax,
                                       unsigned long *pcbActual);
JET_ERR JET_API JetGetLogInfoInstanceW(JET_INSTANCE instance, JET_PWSTR wszzLogs, unsigned long cbMax,
                                       unsigned long *pcbActual);
JET_ERR JET_API JetGetLogInfoInstance2A(JET_INSTANCE instance, JET_PSTR szzLogs, unsigned long cbMax,
                                        unsigned long *pcbActual, JET_LOGINFO_A *pLogInfo);
JET_ERR JET_API JetGetLogInfoInstance2W(JET_INSTANCE instance, JET_PWSTR wszzLogs, unsigned long cbMax,
                                        unsigned long *pcbActual, JET_LOGINFO_W *pLogInfo);
JET_ERR JET_API JetGetTruncateLogInfoInstanceA(JET_INSTANCE instance, JET_PSTR szzLogs, unsigned long cbMax,
                                               unsigned long *pcbActual);
JET_ERR JET_API JetGetTruncateLogInfoInstanceW(JET_INSTANCE instance, JET_PWSTR wszzLogs, unsigned long cbMax,
                                               unsigned long *pcbActual);
JET_ERR JET_API JetTruncateLog(void);
JET_ERR JET_API JetTruncateLogInstance(JET_INSTANCE instance);
JET_ERR JET_API JetEndExternalBackup(void);
JET_ERR JET_API JetEndExternalBackupInstance(JET_INSTANCE instance);
JET_ERR JET_API JetEndExternalBackupInstance2(JET_INSTANCE instance, JET_GRBIT grbit);

/* OS snapshots */
JET_ERR JET_API JetOSSnapshotPrepare(JET_OSSNAPID *psnapId, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotPrepareInstance(JET_OSSNAPID snapId, JET_INSTANCE instance, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotFreezeA(const JET_OSSNAPID snapId, unsigned long *pcInstanceInfo,
                                     JET_INSTANCE_INFO_A **paInstanceInfo, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotFreezeW(const JET_OSSNAPID snapId, unsigned long *pcInstanceInfo,
                                     JET_INSTANCE_INFO_W **paInstanceInfo, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotThaw(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotAbort(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotEnd(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotTruncateLog(const JET_OSSNAPID snapId, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotTruncateLogInstance(const JET_OSSNAPID snapId, JET_INSTANCE instance,
                                                 const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotGetFreezeInfoA(const JET_OSSNAPID snapId, unsigned long *pcInstanceInfo,
                                            JET_INSTANCE_INFO_A **paInstanceInfo, const JET_GRBIT grbit);
JET_ERR JET_API JetOSSnapshotGetFreezeInfoW(const JET_OSSNAPID snapId, unsigned long *pcInstanceInfo,
                                            JET_INSTANCE_INFO_W **paInstanceInfo, const JET_GRBIT grbit);

/* Backup to a folder and restore */
JET_ERR JET_API JetBackupA(JET_PCSTR szBackupPath, JET_GRBIT grbit, JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBackupW(JET_PCWSTR szBackupPath, JET_GRBIT grbit, JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBackupInstanceA(JET_INSTANCE instance, JET_PCSTR szBackupPath, JET_GRBIT grbit,
                                   JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetBackupInstanceW(JET_INSTANCE instance, JET_PCWSTR szBackupPath, JET_GRBIT grbit,
                                   JET_PFNSTATUS pfnStatus);
JET_ERR JET_API JetRestoreA(JET_PCSTR szSource, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestoreW(JET_PCWSTR szSource, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestore2A(JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestore2W(JET_PCWSTR sz, JET_PCWSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestoreInstanceA(JET_INSTANCE instance, JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetRestoreInstanceW(JET_INSTANCE instance, JET_PCWSTR sz, JET_PCWSTR szDest, JET_PFNSTATUS pfn);
JET_ERR JET_API JetInit3A(JET_INSTANCE *pinstance, JET_RSTINFO_A *prstInfo, JET_GRBIT grbit);
JET_ERR JET_API JetInit3W(JET_INSTANCE *pinstance, JET_RSTINFO_W *prstInfo, JET_GRBIT grbit);
JET_ERR JET_API JetExternalRestoreA(JET_PSTR szCheckpointFilePath, JET_PSTR szLogPath, JET_RSTMAP_A *rgrstmap,
                                    long crstfilemap, JET_PSTR szBackupLogPath, long genLow, long genHigh,
                                    JET_PFNSTATUS pfn);
JET_ERR JET_API JetExternalRestoreW(JET_PWSTR szCheckpointFilePath, JET_PWSTR szLogPath, JET_RSTMAP_W *rgrstmap,
                                    long crstfilemap, JET_PWSTR szBackupLogPath, long genLow, long genHigh,
                                    JET_PFNSTATUS pfn);
JET_ERR JET_API JetExternalRestore2A(JET_PSTR szCheckpointFilePath, JET_PSTR szLogPath, JET_RSTMAP_A *rgrstmap,
                                     long crstfilemap, JET_PSTR szBackupLogPath, JET_LOGINFO_A *pLogInfo,
                                     JET_PSTR szTargetInstanceName, JET_PSTR szTargetInstanceLogPath,
                                     JET_PSTR szTargetInstanceCheckpointPath, JET_PFNSTATUS pfn);
JET_ERR JET_API JetExternalRestore2W(JET_PWSTR szCheckpointFilePath, JET_PWSTR szLogPath, JET_RSTMAP_W *rgrstmap,
                                     long crstfilemap, JET_PWSTR szBackupLogPath, JET_LOGINFO_W *pLogInfo,
                                     JET_PWSTR szTargetInstanceName, JET_PWSTR szTargetInstanceLogPath,
                                     JET_PWSTR szTargetInstanceCheckpointPath, JET_PFNSTATUS pfn);

/* Tables */
JET_ERR JET_API JetCreateTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, unsigned long lPages,
                                unsigned long lDensity, JET_TABLEID *ptableid);
JET_ERR JET_API JetCreateTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName, unsigned long lPages,
                                unsigned long lDensity, JET_TABLEID *ptableid);
JET_ERR JET_API JetCreateTableColumnIndexA(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndexW(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE_W *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex2A(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE2_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex2W(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE2_W *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex3A(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE3_A *ptablecreate);
JET_ERR JET_API JetCreateTableColumnIndex3W(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE3_W *ptablecreate);
JET_ERR JET_API JetDeleteTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName);
JET_ERR JET_API JetDeleteTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName);
JET_ERR JET_API JetOpenTableA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, const void *pvParameters,
                              unsigned long cbParameters, JET_GRBIT grbit, JET_TABLEID *ptableid);
JET_ERR JET_API JetOpenTableW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName, const void *pvParameters,
                              unsigned long cbParameters, JET_GRBIT grbit, JET_TABLEID *ptableid);
JET_ERR JET_API JetCloseTable(JET_SESID sesid, JET_TABLEID tableid);
JET_ERR JET_API JetGetTableInfoA(JET_SESID sesid, JET_TABLEID tableid, void *pvResult, unsigned long cbMax,
                                 unsigned long InfoLevel);
JET_ERR JET_API JetGetTableInfoW(JET_SESID sesid, JET_TABLEID tableid, void *pvResult, unsigned long cbMax,
                                 unsigned long InfoLevel);

/* Columns */
JET_ERR JET_API JetAddColumnA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName,
                              const JET_COLUMNDEF *pcolumndef, const void *pvDefault, unsigned long cbDefault,
                              JET_COLUMNID *pcolumnid);
JET_ERR JET_API JetAddColumnW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName,
                              const JET_COLUMNDEF *pcolumndef, const void *pvDefault, unsigned long cbDefault,
                              JET_COLUMNID *pcolumnid);
JET_ERR JET_API JetDeleteColumnA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName);
JET_ERR JET_API JetDeleteColumnW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName);
JET_ERR JET_API JetGetTableColumnInfoA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName, void *pvResult,
                                       unsigned long cbMax, unsigned long InfoLevel);
JET_ERR JET_API JetGetTableColumnInfoW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szColumnName,
                                       void *pvResult, unsigned long cbMax, unsigned long InfoLevel);
JET_ERR JET_API JetGetColumnInfoA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, JET_PCSTR pColumnNameOrId,
                                  void *pvResult, unsigned long cbMax, unsigned long InfoLevel);
JET_ERR JET_API JetGetColumnInfoW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName,
                                  JET_PCWSTR pwColumnNameOrId, void *pvResult, unsigned long cbMax,
                                  unsigned long InfoLevel);

/* Indexes */
JET_ERR JET_API JetCreateIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName, JET_GRBIT grbit,
                                const char *szKey, unsigned long cbKey, unsigned long lDensity);
JET_ERR JET_API JetCreateIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName, JET_GRBIT grbit,
                                const WCHAR *szKey, unsigned long cbKey, unsigned long lDensity);
JET_ERR JET_API JetCreateIndex2A(JET_SESID sesid, JET_TABLEID tableid, JET_INDEXCREATE_A *pindexcreate,
                                 unsigned long cIndexCreate);
JET_ERR JET_API JetCreateIndex2W(JET_SESID sesid, JET_TABLEID tableid, JET_INDEXCREATE_W *pindexcreate,
                                 unsigned long cIndexCreate);
JET_ERR JET_API JetDeleteIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
JET_ERR JET_API JetDeleteIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName);
JET_ERR JET_API JetGetTableIndexInfoA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName, void *pvResult,
                                      unsigned long cbResult, unsigned long InfoLevel);
JET_ERR JET_API JetGetTableIndexInfoW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName, void *pvResult,
                                      unsigned long cbResult, unsigned long InfoLevel);
JET_ERR JET_API JetGetIndexInfoA(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, JET_PCSTR szIndexName,
                                 void *pvResult, unsigned long cbResult, unsigned long InfoLevel);
JET_ERR JET_API JetGetIndexInfoW(JET_SESID sesid, JET_DBID dbid, JET_PCWSTR szTableName, JET_PCWSTR szIndexName,
                                 void *pvResult, unsigned long cbResult, unsigned long InfoLevel);
JET_ERR JET_API JetSetCurrentIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
JET_ERR JET_API JetSetCurrentIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName);
JET_ERR JET_API JetSetCurrentIndex2A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName, JET_GRBIT grbit);
JET_ERR JET_API JetSetCurrentIndex2W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName, JET_GRBIT grbit);
JET_ERR JET_API JetSetCurrentIndex3A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName, JET_GRBIT grbit,
                                     unsigned long itagSequence);
JET_ERR JET_API JetSetCurrentIndex3W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName, JET_GRBIT grbit,
                                     unsigned long itagSequence);
JET_ERR JET_API JetSetCurrentIndex4A(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                     JET_INDEXID *pindexid, JET_GRBIT grbit, unsigned long itagSequence);
JET_ERR JET_API JetSetCurrentIndex4W(JET_SESID sesid, JET_TABLEID tableid, JET_PCWSTR szIndexName,
                                     JET_INDEXID *pindexid, JET_GRBIT grbit, unsigned long itagSequence);
JET_ERR JET_API JetGetCurrentIndexA(JET_SESID sesid, JET_TABLEID tableid, JET_PSTR szIndexName,
                                    unsigned long cbIndexName);
JET_ERR JET_API JetGetCurrentIndexW(JET_SESID sesid, JET_TABLEID tableid, JET_PWSTR szIndexName,
                                    unsigned long cbIndexName);

/* Records */
JET_ERR JET_API JetPrepareUpdate(JET_SESID sesid, JET_TABLEID tableid, unsigned long prep);
JET_ERR JET_API JetSetColumn(JET_SESID sesid, JET_TABLEID tableid, JET_COLUMNID columnid, const void *pvData,
                             unsigned long cbData, JET_GRBIT grbit, JET_SETINFO *psetinfo);
JET_ERR JET_API JetSetColumns(JET_SESID sesid, JET_TABLEID tableid, JET_SETCOLUMN *psetcolumn,
                              unsigned long csetcolumn);
JET_ERR JET_API JetUpdate(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, unsigned long cbBookmark,
                          unsigned long *pcbActual);
JET_ERR JET_API JetUpdate2(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, unsigned long cbBookmark,
                           unsigned long *pcbActual, const JET_GRBIT grbit);
JET_ERR JET_API JetDelete(JET_SESID sesid, JET_TABLEID tableid);
JET_ERR JET_API JetRetrieveColumn(JET_SESID sesid, JET_TABLEID tableid, JET_COLUMNID columnid, void *pvData,
                                  unsigned long cbData, unsigned long *pcbActual, JET_GRBIT grbit,
                                  JET_RETINFO *pretinfo);
JET_ERR JET_API JetRetrieveColumns(JET_SESID sesid, JET_TABLEID tableid, JET_RETRIEVECOLUMN *pretrievecolumn,
                                   unsigned long cretrievecolumn);
JET_ERR JET_API JetRetrieveKey(JET_SESID sesid, JET_TABLEID tableid, void *pvKey, unsigned long cbMax,
                               unsigned long *pcbActual, JET_GRBIT grbit);

/* Navigation and keys */
JET_ERR JET_API JetMove(JET_SESID sesid, JET_TABLEID tableid, long cRow, JET_GRBIT grbit);
JET_ERR JET_API JetMakeKey(JET_SESID sesid, JET_TABLEID tableid, const void *pvData, unsigned long cbData,
                           JET_GRBIT grbit);
JET_ERR JET_API JetSeek(JET_SESID sesid, JET_TABLEID tableid, JET_GRBIT grbit);
JET_ERR JET_API JetSetIndexRange(JET_SESID sesid, JET_TABLEID tableidSrc, JET_GRBIT grbit);
JET_ERR JET_API JetGetBookmark(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, unsigned long cbMax,
                               unsigned long *pcbActual);
JET_ERR JET_API JetGotoBookmark(JET_SESID sesid, JET_TABLEID tableid, void *pvBookmark, unsigned long cbBookmark);
JET_ERR JET_API JetIndexRecordCount(JET_SESID sesid, JET_TABLEID tableid, unsigned long *pcrec,
                                    unsigned long crecMax);

/* Undecorated names: the A variant, or the W variant under JET_UNICODE. */
#ifdef JET_UNICODE
#define JET_ESENT_AW(name) name##W
#else
#define JET_ESENT_AW(name) name##A
#endif
#if !defined(__swift__) || defined(LIBESENT_SWIFT_C_SPELLINGS)
#define JetCreateInstance JET_ESENT_AW(JetCreateInstance)
#define JetCreateInstance2 JET_ESENT_AW(JetCreateInstance2)
#define JetEnableMultiInstance JET_ESENT_AW(JetEnableMultiInstance)
#define JetGetInstanceInfo JET_ESENT_AW(JetGetInstanceInfo)
#define JetSetSystemParameter JET_ESENT_AW(JetSetSystemParameter)
#define JetGetSystemParameter JET_ESENT_AW(JetGetSystemParameter)
#define JetBeginSession JET_ESENT_AW(JetBeginSession)
#define JetCreateDatabase JET_ESENT_AW(JetCreateDatabase)
#define JetAttachDatabase JET_ESENT_AW(JetAttachDatabase)
#define JetDetachDatabase JET_ESENT_AW(JetDetachDatabase)
#define JetDetachDatabase2 JET_ESENT_AW(JetDetachDatabase2)
#define JetOpenDatabase JET_ESENT_AW(JetOpenDatabase)
#define JetSetDatabaseSize JET_ESENT_AW(JetSetDatabaseSize)
#define JetGetDatabaseFileInfo JET_ESENT_AW(JetGetDatabaseFileInfo)
#define JetGetAttachInfo JET_ESENT_AW(JetGetAttachInfo)
#define JetGetAttachInfoInstance JET_ESENT_AW(JetGetAttachInfoInstance)
#define JetOpenFile JET_ESENT_AW(JetOpenFile)
#define JetOpenFileInstance JET_ESENT_AW(JetOpenFileInstance)
#define JetGetLogInfo JET_ESENT_AW(JetGetLogInfo)
#define JetGetLogInfoInstance JET_ESENT_AW(JetGetLogInfoInstance)
#define JetGetLogInfoInstance2 JET_ESENT_AW(JetGetLogInfoInstance2)
#define JetGetTruncateLogInfoInstance JET_ESENT_AW(JetGetTruncateLogInfoInstance)
#define JetOSSnapshotFreeze JET_ESENT_AW(JetOSSnapshotFreeze)
#define JetOSSnapshotGetFreezeInfo JET_ESENT_AW(JetOSSnapshotGetFreezeInfo)
#define JetBackup JET_ESENT_AW(JetBackup)
#define JetBackupInstance JET_ESENT_AW(JetBackupInstance)
#define JetRestore JET_ESENT_AW(JetRestore)
#define JetRestore2 JET_ESENT_AW(JetRestore2)
#define JetRestoreInstance JET_ESENT_AW(JetRestoreInstance)
#define JetExternalRestore JET_ESENT_AW(JetExternalRestore)
#define JetExternalRestore2 JET_ESENT_AW(JetExternalRestore2)
#define JetInit3 JET_ESENT_AW(JetInit3)
#define JetCreateTable JET_ESENT_AW(JetCreateTable)
#define JetCreateTableColumnIndex JET_ESENT_AW(JetCreateTableColumnIndex)
#define JetCreateTableColumnIndex2 JET_ESENT_AW(JetCreateTableColumnIndex2)
#define JetCreateTableColumnIndex3 JET_ESENT_AW(JetCreateTableColumnIndex3)
#define JetDeleteTable JET_ESENT_AW(JetDeleteTable)
#define JetOpenTable JET_ESENT_AW(JetOpenTable)
#define JetGetTableInfo JET_ESENT_AW(JetGetTableInfo)
#define JetAddColumn JET_ESENT_AW(JetAddColumn)
#define JetDeleteColumn JET_ESENT_AW(JetDeleteColumn)
#define JetGetTableColumnInfo JET_ESENT_AW(JetGetTableColumnInfo)
#define JetGetColumnInfo JET_ESENT_AW(JetGetColumnInfo)
#define JetCreateIndex JET_ESENT_AW(JetCreateIndex)
#define JetCreateIndex2 JET_ESENT_AW(JetCreateIndex2)
#define JetDeleteIndex JET_ESENT_AW(JetDeleteIndex)
#define JetGetTableIndexInfo JET_ESENT_AW(JetGetTableIndexInfo)
#define JetGetIndexInfo JET_ESENT_AW(JetGetIndexInfo)
#define JetSetCurrentIndex JET_ESENT_AW(JetSetCurrentIndex)
#define JetSetCurrentIndex2 JET_ESENT_AW(JetSetCurrentIndex2)
#define JetSetCurrentIndex3 JET_ESENT_AW(JetSetCurrentIndex3)
#define JetSetCurrentIndex4 JET_ESENT_AW(JetSetCurrentIndex4)
#define JetGetCurrentIndex JET_ESENT_AW(JetGetCurrentIndex)
#else
/* Swift imports no function-like macro: the undecorated names are declared as the exported functions
 * they are, which take UTF-8 strings like the A variants (JET_UNICODE does not apply to Swift). */
extern JET_ERR JET_API JetCreateInstance(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName);
extern JET_ERR JET_API JetCreateInstance2(JET_INSTANCE *pinstance, JET_PCSTR szInstanceName, JET_PCSTR szDisplayName,
                                          JET_GRBIT grbit);
extern JET_ERR JET_API JetEnableMultiInstance(JET_SETSYSPARAM_A *psetsysparam, unsigned long csetsysparam,
                                              unsigned long *pcsetsucceed);
extern JET_ERR JET_API JetGetInstanceInfo(unsigned long *pcInstanceInfo, JET_INSTANCE_INFO_A **paInstanceInfo);
extern JET_ERR JET_API JetSetSystemParameter(JET_INSTANCE *pinstance, JET_SESID sesid, unsigned long paramid,
                                             JET_API_PTR lParam, JET_PCSTR szParam);
extern JET_ERR JET_API JetGetSystemParameter(JET_INSTANCE instance, JET_SESID sesid, unsigned long paramid,
                                             JET_API_PTR *plParam, JET_PSTR szParam, unsigned long cbMax);
extern JET_ERR JET_API JetBeginSession(JET_INSTANCE instance, JET_SESID *psesid, JET_PCSTR szUserName,
                                       JET_PCSTR szPassword);
extern JET_ERR JET_API JetCreateDatabase(JET_SESID sesid, JET_PCSTR szFilename, JET_PCSTR szConnect, JET_DBID *pdbid,
                                         JET_GRBIT grbit);
extern JET_ERR JET_API JetAttachDatabase(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
extern JET_ERR JET_API JetDetachDatabase(JET_SESID sesid, JET_PCSTR szFilename);
extern JET_ERR JET_API JetDetachDatabase2(JET_SESID sesid, JET_PCSTR szFilename, JET_GRBIT grbit);
extern JET_ERR JET_API JetOpenDatabase(JET_SESID sesid, JET_PCSTR szFilename, JET_PCSTR szConnect, JET_DBID *pdbid,
                                       JET_GRBIT grbit);
extern JET_ERR JET_API JetSetDatabaseSize(JET_SESID sesid, JET_PCSTR szDatabaseName, unsigned long cpg,
                                          unsigned long *pcpgReal);
extern JET_ERR JET_API JetGetDatabaseFileInfo(JET_PCSTR szDatabaseName, void *pvResult, unsigned long cbMax,
                                              unsigned long InfoLevel);
extern JET_ERR JET_API JetGetAttachInfo(JET_PSTR szzDatabases, unsigned long cbMax, unsigned long *pcbActual);
extern JET_ERR JET_API JetGetAttachInfoInstance(JET_INSTANCE instance, JET_PSTR szzDatabases, unsigned long cbMax,
                                                unsigned long *pcbActual);
extern JET_ERR JET_API JetOpenFile(JET_PCSTR szFileName, JET_HANDLE *phfFile, unsigned long *pulFileSizeLow,
                                   unsigned long *pulFileSizeHigh);
extern JET_ERR JET_API JetOpenFileInstance(JET_INSTANCE instance, JET_PCSTR szFileName, JET_HANDLE *phfFile,
                                           unsigned long *pulFileSizeLow, unsigned long *pulFileSizeHigh);
extern JET_ERR JET_API JetGetLogInfo(JET_PSTR szzLogs, unsigned long cbMax, unsigned long *pcbActual);
extern JET_ERR JET_API JetGetLogInfoInstance(JET_INSTANCE instance, JET_PSTR szzLogs, unsigned long cbMax,
                                             unsigned long *pcbActual);
extern JET_ERR JET_API JetGetLogInfoInstance2(JET_INSTANCE instance, JET_PSTR szzLogs, unsigned long cbMax,
                                              unsigned long *pcbActual, JET_LOGINFO_A *pLogInfo);
extern JET_ERR JET_API JetGetTruncateLogInfoInstance(JET_INSTANCE instance, JET_PSTR szzLogs, unsigned long cbMax,
                                                     unsigned long *pcbActual);
extern JET_ERR JET_API JetBackup(JET_PCSTR szBackupPath, JET_GRBIT grbit, JET_PFNSTATUS pfnStatus);
extern JET_ERR JET_API JetBackupInstance(JET_INSTANCE instance, JET_PCSTR szBackupPath, JET_GRBIT grbit,
                                         JET_PFNSTATUS pfnStatus);
extern JET_ERR JET_API JetRestore(JET_PCSTR szSource, JET_PFNSTATUS pfn);
extern JET_ERR JET_API JetRestore2(JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
extern JET_ERR JET_API JetRestoreInstance(JET_INSTANCE instance, JET_PCSTR sz, JET_PCSTR szDest, JET_PFNSTATUS pfn);
extern JET_ERR JET_API JetExternalRestore(JET_PSTR szCheckpointFilePath, JET_PSTR szLogPath, JET_RSTMAP_A *rgrstmap,
                                          long crstfilemap, JET_PSTR szBackupLogPath, long genLow, long genHigh,
                                          JET_PFNSTATUS pfn);
extern JET_ERR JET_API JetExternalRestore2(JET_PSTR szCheckpointFilePath, JET_PSTR szLogPath, JET_RSTMAP_A *rgrstmap,
                                           long crstfilemap, JET_PSTR szBackupLogPath, JET_LOGINFO_A *pLogInfo,
                                           JET_PSTR szTargetInstanceName, JET_PSTR szTargetInstanceLogPath,
                                           JET_PSTR szTargetInstanceCheckpointPath, JET_PFNSTATUS pfn);
extern JET_ERR JET_API JetInit3(JET_INSTANCE *pinstance, JET_RSTINFO_A *prstInfo, JET_GRBIT grbit);
extern JET_ERR JET_API JetOSSnapshotFreeze(const JET_OSSNAPID snapId, unsigned long *pcInstanceInfo,
                                           JET_INSTANCE_INFO_A **paInstanceInfo, const JET_GRBIT grbit);
extern JET_ERR JET_API JetOSSnapshotGetFreezeInfo(const JET_OSSNAPID snapId, unsigned long *pcInstanceInfo,
                                                  JET_INSTANCE_INFO_A **paInstanceInfo, const JET_GRBIT grbit);
extern JET_ERR JET_API JetCreateTable(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, unsigned long lPages,
                                      unsigned long lDensity, JET_TABLEID *ptableid);
extern JET_ERR JET_API JetCreateTableColumnIndex(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE_A *ptablecreate);
extern JET_ERR JET_API JetCreateTableColumnIndex2(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE2_A *ptablecreate);
extern JET_ERR JET_API JetCreateTableColumnIndex3(JET_SESID sesid, JET_DBID dbid, JET_TABLECREATE3_A *ptablecreate);
extern JET_ERR JET_API JetDeleteTable(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName);
extern JET_ERR JET_API JetOpenTable(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, const void *pvParameters,
                                    unsigned long cbParameters, JET_GRBIT grbit, JET_TABLEID *ptableid);
extern JET_ERR JET_API JetGetTableInfo(JET_SESID sesid, JET_TABLEID tableid, void *pvResult, unsigned long cbMax,
                                       unsigned long InfoLevel);
extern JET_ERR JET_API JetAddColumn(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName,
                                    const JET_COLUMNDEF *pcolumndef, const void *pvDefault, unsigned long cbDefault,
                                    JET_COLUMNID *pcolumnid);
extern JET_ERR JET_API JetDeleteColumn(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName);
extern JET_ERR JET_API JetGetTableColumnInfo(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szColumnName,
                                             void *pvResult, unsigned long cbMax, unsigned long InfoLevel);
extern JET_ERR JET_API JetGetColumnInfo(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName,
                                        JET_PCSTR pColumnNameOrId, void *pvResult, unsigned long cbMax,
                                        unsigned long InfoLevel);
extern JET_ERR JET_API JetCreateIndex(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName, JET_GRBIT grbit,
                                      const char *szKey, unsigned long cbKey, unsigned long lDensity);
extern JET_ERR JET_API JetCreateIndex2(JET_SESID sesid, JET_TABLEID tableid, JET_INDEXCREATE_A *pindexcreate,
                                       unsigned long cIndexCreate);
extern JET_ERR JET_API JetDeleteIndex(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
extern JET_ERR JET_API JetGetTableIndexInfo(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                            void *pvResult, unsigned long cbResult, unsigned long InfoLevel);
extern JET_ERR JET_API JetGetIndexInfo(JET_SESID sesid, JET_DBID dbid, JET_PCSTR szTableName, JET_PCSTR szIndexName,
                                       void *pvResult, unsigned long cbResult, unsigned long InfoLevel);
extern JET_ERR JET_API JetSetCurrentIndex(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName);
extern JET_ERR JET_API JetSetCurrentIndex2(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                           JET_GRBIT grbit);
extern JET_ERR JET_API JetSetCurrentIndex3(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                           JET_GRBIT grbit, unsigned long itagSequence);
extern JET_ERR JET_API JetSetCurrentIndex4(JET_SESID sesid, JET_TABLEID tableid, JET_PCSTR szIndexName,
                                           JET_INDEXID *pindexid, JET_GRBIT grbit, unsigned long itagSequence);
extern JET_ERR JET_API JetGetCurrentIndex(JET_SESID sesid, JET_TABLEID tableid, JET_PSTR szIndexName,
                                          unsigned long cbIndexName);
#endif /* __swift__ */

#ifdef __cplusplus
}
#endif

#endif /* LIBESENT_ESENT_H */
