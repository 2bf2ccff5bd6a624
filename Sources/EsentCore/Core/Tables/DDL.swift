// The data-definition calls after their handle checks (section "entry checks" of docs/api.md): each takes the
// caller's transaction and what the cursor allows, makes ESE's remaining checks in ESE's order and changes the
// catalog through the transaction. The ABI and the session/cursor layer resolve handles and transactions.

/// What the calling cursor and session allow, for the checks ESE makes before touching the schema.
package struct DDLAccess: Sendable {
    /// The cursor may update (not JET_bitTableReadOnly, database not read-only).
    package var updatable: Bool
    /// The session's transaction is read-only.
    package var readOnlyTransaction: Bool
    /// The cursor has exclusive use (JET_bitTableDenyRead, or the cursor that created the table).
    package var exclusive: Bool
    /// The cursor may change a FixedDDL table (opened with JET_bitTablePermitDDL, or the creating cursor).
    package var permitDDL: Bool
    /// The session is inside a transaction (level > 0).
    package var inTransaction: Bool

    package init(updatable: Bool, readOnlyTransaction: Bool, exclusive: Bool, permitDDL: Bool, inTransaction: Bool) {
        self.updatable = updatable
        self.readOnlyTransaction = readOnlyTransaction
        self.exclusive = exclusive
        self.permitDDL = permitDDL
        self.inTransaction = inTransaction
    }

    /// JET_errPermissionDenied, then JET_errTransReadOnly, then JET_errFixedDDL.
    func checkWrite(_ table: TableSchema) throws(JetError) {
        guard updatable else { throw .permissionDenied }
        guard !readOnlyTransaction else { throw .transReadOnly }
        if table.isFixedDDL && !permitDDL { throw .fixedDDL }
    }
}

/// A JET_TABLECREATE*, unpacked.
package struct TableCreateSpec: Sendable {
    package var name: [UInt8]?
    package var templateName: [UInt8]?
    package var pages: UInt
    package var density: UInt
    package var columns: [(name: [UInt8]?, definition: ColumnDefinition)]
    package var indexes: [IndexDefinition]
    package var grbit: UInt
    /// szCallback was given (callbacks are not supported: JET_errInvalidParameter).
    package var hasCallback: Bool

    package init(
        name: [UInt8]?, templateName: [UInt8]? = nil, pages: UInt = 0, density: UInt = 0,
        columns: [(name: [UInt8]?, definition: ColumnDefinition)] = [], indexes: [IndexDefinition] = [],
        grbit: UInt = 0, hasCallback: Bool = false
    ) {
        self.name = name
        self.templateName = templateName
        self.pages = pages
        self.density = density
        self.columns = columns
        self.indexes = indexes
        self.grbit = grbit
        self.hasCallback = hasCallback
    }
}

/// The outputs of JetCreateTableColumnIndex*, written even when the call fails.
package struct TableCreateResults: Sendable {
    package var cCreated = 0
    package var columnids: [UInt32]
    package var columnErrors: [JetError]
    package var indexErrors: [JetError]

    package init(columns: Int, indexes: Int) {
        columnids = Array(repeating: 0, count: columns)
        columnErrors = Array(repeating: .success, count: columns)
        indexErrors = Array(repeating: .success, count: indexes)
    }
}

package enum TableBits {
    package static let fixedDDL: UInt = 0x1
    package static let templateTable: UInt = 0x2
    package static let noFixedVarColumnsInDerivedTables: UInt = 0x4
    package static let immutableStructure: UInt = 0x8
    package static let systemTable: UInt = 0x8000_0000
}

package enum DDL {
    /// Densities ESE accepts (0 means the default, 80).
    static func density(_ value: UInt) throws(JetError) -> UInt32 {
        if value == 0 { return 80 }
        guard (20...100).contains(value) else { throw .densityInvalid }
        return UInt32(value)
    }

    /// JetCreateTable after the dbid and read-only-database checks: JET_errTransReadOnly, JET_errInvalidName,
    /// JET_errDensityInvalid, JET_errTableDuplicate.
    package static func createTable(
        name: [UInt8]?, pages: UInt, density: UInt, dbid: UInt32, readOnlyTransaction: Bool,
        in txn: any TreeTransaction
    ) throws(JetError) -> TableSchema {
        guard !readOnlyTransaction else { throw .transReadOnly }
        let tableName = try ObjectName.validate(name)
        let d = try Self.density(density)
        return try Catalog.createTable(
            name: tableName, dbid: dbid, density: d, pages: UInt32(truncatingIfNeeded: min(pages, 0xFFFF_FFFF)),
            grbit: 0, in: txn)
    }

    /// JetCreateTableColumnIndex*: the table, then each column, then each index, in array order, all in `txn`
    /// (the caller rolls it back when this throws). `results` gets cCreated and each element's id and error.
    package static func createTable(
        _ spec: TableCreateSpec, dbid: UInt32, pageSize: Int, readOnlyTransaction: Bool, inTransaction: Bool,
        in txn: any TreeTransaction, results: inout TableCreateResults
    ) throws(JetError) -> TableSchema {
        if spec.grbit & TableBits.templateTable != 0 && spec.templateName != nil { throw .cannotNestDDL }
        if spec.grbit & (TableBits.noFixedVarColumnsInDerivedTables | TableBits.systemTable) != 0 {
            throw .invalidGrbit
        }
        if spec.hasCallback { throw .invalidParameter }
        guard !readOnlyTransaction else { throw .transReadOnly }
        let tableName = try ObjectName.validate(spec.name)
        let d = try density(spec.density)
        if let template = spec.templateName {
            let templateName = try ObjectName.validate(template)
            // No table here is a template (templates are not supported), so a named one either is missing or
            // cannot be inherited from.
            guard try Catalog.table(named: templateName, dbid: dbid, in: txn) != nil else { throw .objectNotFound }
            throw .dDLNotInheritable
        }
        if spec.grbit & TableBits.templateTable != 0 { throw .featureNotAvailable }
        var table = try Catalog.createTable(
            name: tableName, dbid: dbid, density: d, pages: UInt32(truncatingIfNeeded: min(spec.pages, 0xFFFF_FFFF)),
            grbit: UInt32(spec.grbit & TableBits.fixedDDL), in: txn)
        results.cCreated = 1
        let creator = DDLAccess(
            updatable: true, readOnlyTransaction: false, exclusive: true, permitDDL: true, inTransaction: inTransaction)
        for (position, column) in spec.columns.enumerated() {
            do {
                let added = try addColumn(
                    name: column.name, definition: column.definition, to: table, access: creator, pageSize: pageSize,
                    in: txn)
                table = added.table
                results.columnids[position] = added.columnid
                results.columnErrors[position] = added.warning ?? .success
                results.cCreated += 1
            } catch {
                results.columnErrors[position] = error
                throw error
            }
        }
        for (position, index) in spec.indexes.enumerated() {
            do {
                table = try createIndex(index, on: table, access: creator, pageSize: pageSize, in: txn)
                results.indexErrors[position] = .success
                results.cCreated += 1
            } catch {
                results.indexErrors[position] = error
                throw error
            }
        }
        return table
    }

    /// JetDeleteTable after the dbid checks: JET_errTransReadOnly, JET_errInvalidName, JET_errObjectNotFound,
    /// JET_errTableInUse when `isOpen` says a cursor (any session's, the caller's included) is open on it.
    @discardableResult
    package static func deleteTable(
        name: [UInt8]?, dbid: UInt32, readOnlyTransaction: Bool, isOpen: (TableSchema) -> Bool,
        in txn: any TreeTransaction
    ) throws(JetError) -> TableSchema {
        guard !readOnlyTransaction else { throw .transReadOnly }
        let tableName = try ObjectName.validate(name)
        guard let table = try Catalog.table(named: tableName, dbid: dbid, in: txn) else { throw .objectNotFound }
        guard !isOpen(table) else { throw .tableInUse }
        try Catalog.deleteTable(table, in: txn)
        return table
    }

    /// JetAddColumn after the handle checks. `definition` nil: JET_COLUMNDEF's cbStruct is too small
    /// (JET_errInvalidParameter, checked after FixedDDL as ESE does). Returns the new schema, the column id and
    /// the warning (JET_wrnColumnMaxTruncated) the call returns.
    package static func addColumn(
        name: [UInt8]?, definition: ColumnDefinition?, to table: TableSchema, access: DDLAccess, pageSize: Int,
        in txn: any TreeTransaction
    ) throws(JetError) -> (table: TableSchema, columnid: UInt32, warning: JetError?) {
        try access.checkWrite(table)
        guard let definition else { throw .invalidParameter }
        let (column, warning) = try definition.validate(
            name: name, inTransaction: access.inTransaction, exclusive: access.exclusive)
        let added = try Catalog.addColumn(column, to: table, pageSize: pageSize, in: txn)
        return (added.table, added.columnid, warning)
    }

    /// JetDeleteColumn(2) after the handle checks: JET_errInvalidName, JET_errPermissionDenied,
    /// JET_errTransReadOnly, JET_errFixedDDL, JET_errColumnNotFound, JET_errColumnInUse.
    package static func deleteColumn(
        name: [UInt8]?, from table: TableSchema, access: DDLAccess, in txn: any TreeTransaction
    ) throws(JetError) -> TableSchema {
        let columnName = try ObjectName.validate(name)
        try access.checkWrite(table)
        return try Catalog.deleteColumn(named: columnName, from: table, in: txn)
    }

    /// One index of JetCreateIndex*, after the handle and struct checks.
    package static func createIndex(
        _ definition: IndexDefinition, on table: TableSchema, access: DDLAccess, pageSize: Int,
        in txn: any TreeTransaction
    ) throws(JetError) -> TableSchema {
        try access.checkWrite(table)
        let index = try definition.validate(table: table, pageSize: pageSize)
        return try Catalog.createIndex(index, on: table, in: txn)
    }

    /// JetDeleteIndex after the handle checks: JET_errInvalidName, JET_errPermissionDenied, JET_errTransReadOnly,
    /// JET_errFixedDDL, JET_errIndexNotFound, JET_errIndexMustStay, JET_errIndexInUse when `inUse` says a cursor
    /// has it as its current index.
    package static func deleteIndex(
        name: [UInt8]?, from table: TableSchema, access: DDLAccess, inUse: (IndexSchema) -> Bool,
        in txn: any TreeTransaction
    ) throws(JetError) -> TableSchema {
        let indexName = try ObjectName.validate(name)
        try access.checkWrite(table)
        guard let index = table.index(named: indexName) else { throw .indexNotFound }
        guard !index.isPrimary else { throw .indexMustStay }
        guard !inUse(index) else { throw .indexInUse }
        return try Catalog.deleteIndex(named: indexName, from: table, in: txn)
    }
}
