/* Sizes and field offsets of the tables-and-records structures on x86-64 Linux (LP64: long and unsigned long are
 * 8 bytes, pointers 8, WCHAR 2, natural alignment), as Windows' esent.h lays them out with those type sizes. A
 * cbStruct the library checks is one of these sizes, so a layout change is an ABI break and fails the build here. */
#include <esent.h>

#include <stddef.h>

#if defined(__x86_64__) || defined(__aarch64__)
#define LAYOUT(type, size) _Static_assert(sizeof(type) == (size), #type " is " #size " bytes on LP64")
#define AT(type, field, off) _Static_assert(offsetof(type, field) == (off), #type "." #field " is at " #off)

LAYOUT(JET_COLUMNDEF, 48);
AT(JET_COLUMNDEF, columnid, 8);
AT(JET_COLUMNDEF, coltyp, 16);
AT(JET_COLUMNDEF, wCountry, 24);
AT(JET_COLUMNDEF, langid, 26);
AT(JET_COLUMNDEF, cp, 28);
AT(JET_COLUMNDEF, wCollate, 30);
AT(JET_COLUMNDEF, cbMax, 32);
AT(JET_COLUMNDEF, grbit, 40);

LAYOUT(JET_COLUMNBASE_A, 560);
AT(JET_COLUMNBASE_A, wFiller, 30);
AT(JET_COLUMNBASE_A, grbit, 40);
AT(JET_COLUMNBASE_A, szBaseTableName, 48);
AT(JET_COLUMNBASE_A, szBaseColumnName, 304);
LAYOUT(JET_COLUMNBASE_W, 1072);
AT(JET_COLUMNBASE_W, szBaseTableName, 48);
AT(JET_COLUMNBASE_W, szBaseColumnName, 560);

LAYOUT(JET_COLUMNCREATE_A, 80);
LAYOUT(JET_COLUMNCREATE_W, 80);
AT(JET_COLUMNCREATE_A, szColumnName, 8);
AT(JET_COLUMNCREATE_A, coltyp, 16);
AT(JET_COLUMNCREATE_A, cbMax, 24);
AT(JET_COLUMNCREATE_A, grbit, 32);
AT(JET_COLUMNCREATE_A, pvDefault, 40);
AT(JET_COLUMNCREATE_A, cbDefault, 48);
AT(JET_COLUMNCREATE_A, cp, 56);
AT(JET_COLUMNCREATE_A, columnid, 64);
AT(JET_COLUMNCREATE_A, err, 72);
AT(JET_COLUMNCREATE_W, err, 72);

LAYOUT(JET_CONDITIONALCOLUMN_A, 24);
LAYOUT(JET_CONDITIONALCOLUMN_W, 24);
AT(JET_CONDITIONALCOLUMN_A, grbit, 16);
LAYOUT(JET_UNICODEINDEX, 16);
AT(JET_UNICODEINDEX, dwMapFlags, 8);
LAYOUT(JET_UNICODEINDEX2, 16);
LAYOUT(JET_TUPLELIMITS, 40);
AT(JET_TUPLELIMITS, ichStart, 32);
LAYOUT(JET_SPACEHINTS, 64);
AT(JET_SPACEHINTS, cbMaxExtent, 56);

LAYOUT(JET_INDEXCREATE_A, 96);
LAYOUT(JET_INDEXCREATE_W, 96);
AT(JET_INDEXCREATE_A, szIndexName, 8);
AT(JET_INDEXCREATE_A, szKey, 16);
AT(JET_INDEXCREATE_A, cbKey, 24);
AT(JET_INDEXCREATE_A, grbit, 32);
AT(JET_INDEXCREATE_A, ulDensity, 40);
AT(JET_INDEXCREATE_A, lcid, 48);
AT(JET_INDEXCREATE_A, pidxunicode, 48);
AT(JET_INDEXCREATE_A, cbVarSegMac, 56);
AT(JET_INDEXCREATE_A, ptuplelimits, 56);
AT(JET_INDEXCREATE_A, rgconditionalcolumn, 64);
AT(JET_INDEXCREATE_A, cConditionalColumn, 72);
AT(JET_INDEXCREATE_A, err, 80);
AT(JET_INDEXCREATE_A, cbKeyMost, 88);
AT(JET_INDEXCREATE_W, cbKeyMost, 88);
LAYOUT(JET_INDEXCREATE2_A, 104);
LAYOUT(JET_INDEXCREATE2_W, 104);
AT(JET_INDEXCREATE2_A, pSpacehints, 96);
LAYOUT(JET_INDEXCREATE3_A, 104);
LAYOUT(JET_INDEXCREATE3_W, 104);
AT(JET_INDEXCREATE3_A, pidxunicode, 48);
AT(JET_INDEXCREATE3_W, pSpacehints, 96);

LAYOUT(JET_TABLECREATE_A, 96);
LAYOUT(JET_TABLECREATE_W, 96);
AT(JET_TABLECREATE_A, szTableName, 8);
AT(JET_TABLECREATE_A, szTemplateTableName, 16);
AT(JET_TABLECREATE_A, ulPages, 24);
AT(JET_TABLECREATE_A, ulDensity, 32);
AT(JET_TABLECREATE_A, rgcolumncreate, 40);
AT(JET_TABLECREATE_A, cColumns, 48);
AT(JET_TABLECREATE_A, rgindexcreate, 56);
AT(JET_TABLECREATE_A, cIndexes, 64);
AT(JET_TABLECREATE_A, grbit, 72);
AT(JET_TABLECREATE_A, tableid, 80);
AT(JET_TABLECREATE_A, cCreated, 88);
LAYOUT(JET_TABLECREATE2_A, 112);
LAYOUT(JET_TABLECREATE2_W, 112);
AT(JET_TABLECREATE2_A, szCallback, 72);
AT(JET_TABLECREATE2_A, cbtyp, 80);
AT(JET_TABLECREATE2_A, grbit, 88);
AT(JET_TABLECREATE2_A, tableid, 96);
AT(JET_TABLECREATE2_A, cCreated, 104);
LAYOUT(JET_TABLECREATE3_A, 136);
LAYOUT(JET_TABLECREATE3_W, 136);
AT(JET_TABLECREATE3_A, pSeqSpacehints, 96);
AT(JET_TABLECREATE3_A, pLVSpacehints, 104);
AT(JET_TABLECREATE3_A, cbSeparateLV, 112);
AT(JET_TABLECREATE3_A, tableid, 120);
AT(JET_TABLECREATE3_A, cCreated, 128);

LAYOUT(JET_SETCOLUMN, 56);
AT(JET_SETCOLUMN, pvData, 8);
AT(JET_SETCOLUMN, cbData, 16);
AT(JET_SETCOLUMN, grbit, 24);
AT(JET_SETCOLUMN, ibLongValue, 32);
AT(JET_SETCOLUMN, itagSequence, 40);
AT(JET_SETCOLUMN, err, 48);
LAYOUT(JET_RETRIEVECOLUMN, 72);
AT(JET_RETRIEVECOLUMN, pvData, 8);
AT(JET_RETRIEVECOLUMN, cbData, 16);
AT(JET_RETRIEVECOLUMN, cbActual, 24);
AT(JET_RETRIEVECOLUMN, grbit, 32);
AT(JET_RETRIEVECOLUMN, ibLongValue, 40);
AT(JET_RETRIEVECOLUMN, itagSequence, 48);
AT(JET_RETRIEVECOLUMN, columnidNextTagged, 56);
AT(JET_RETRIEVECOLUMN, err, 64);
LAYOUT(JET_SETINFO, 24);
LAYOUT(JET_RETINFO, 32);
AT(JET_RETINFO, columnidNextTagged, 24);
LAYOUT(JET_INDEXID, 32);
AT(JET_INDEXID, rgbIndexId, 8);
LAYOUT(JET_OBJECTINFO, 64);
AT(JET_OBJECTINFO, dtCreate, 16);
AT(JET_OBJECTINFO, cRecord, 48);
AT(JET_OBJECTINFO, cPage, 56);

LAYOUT(JET_COLUMNLIST, 136);
AT(JET_COLUMNLIST, tableid, 8);
AT(JET_COLUMNLIST, cRecord, 16);
AT(JET_COLUMNLIST, columnidPresentationOrder, 24);
AT(JET_COLUMNLIST, columnidcolumnname, 32);
AT(JET_COLUMNLIST, columnidDefinitionName, 128);
LAYOUT(JET_INDEXLIST, 152);
AT(JET_INDEXLIST, tableid, 8);
AT(JET_INDEXLIST, cRecord, 16);
AT(JET_INDEXLIST, columnidindexname, 24);
AT(JET_INDEXLIST, columnidcolumnname, 136);
AT(JET_INDEXLIST, columnidLCMapFlags, 144);

_Static_assert(sizeof(JET_COLTYP) == 8 && sizeof(JET_CBTYP) == 8 && sizeof(JET_OBJTYP) == 8, "long-based types");
_Static_assert(sizeof(JET_DATESERIAL) == 8, "JET_DATESERIAL is a double");
#endif
