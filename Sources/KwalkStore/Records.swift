import GRDB
import KwalkCore

/// A parsed translation unit and the digest of its inputs.
struct TranslationUnitRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "translation_unit"
  /// Tree path of the `.c` file.
  var path: String
  /// Digest of flags, file and headers at parse time.
  var inputsDigest: String
  var warnings: Int
  var errors: Int
  /// First errors, one per line.
  var firstErrors: String
  /// Seconds the parse and extraction took.
  var seconds: Double

  enum Columns {
    static let path = Column(CodingKeys.path)
  }
}

/// One file a translation unit read, with what it looked like then.
struct InputFileRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "input_file"
  var tu: String
  /// Absolute path as the compiler saw it.
  var file: String
  var size: Int64
  var mtime: Double
  var hash: String

  enum Columns {
    static let tu = Column(CodingKeys.tu)
  }
}

/// A function definition. Header functions are stored once however many units include them.
struct FunctionRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "function"
  var usr: String
  var name: String
  var file: String
  var line: Int
  var column: Int
  var startLine: Int
  var endLine: Int
  var isStatic: Bool
  var isInline: Bool
  var signature: String
  /// Parameter names joined by commas.
  var parameters: String
  /// The unit that last produced it.
  var tu: String

  enum Columns {
    static let usr = Column(CodingKeys.usr)
    static let name = Column(CodingKeys.name)
    static let file = Column(CodingKeys.file)
  }
}

/// A call inside a function body.
struct CallSiteRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "call_site"
  var caller: String
  var file: String
  var line: Int
  var column: Int
  var kind: String
  /// function | field | variable | parameter
  var targetKind: String
  var targetUSR: String?
  /// Function, variable or parameter name; the field for field targets.
  var targetName: String
  var structName: String?
  var parameterIndex: Int?
  var throughPointer: Bool
  var expression: String
  var macroName: String?
  var macroFile: String?
  var macroLine: Int?
  var macroColumn: Int?
  /// Arguments in the compact form of `ArgumentCoding`.
  var arguments: String
  /// Config conditions joined by commas.
  var config: String
  /// The guards in the compact form of `GuardCoding`.
  var guards: String
  /// A `FactPlacement` raw value.
  var placement: String

  enum Columns {
    static let caller = Column(CodingKeys.caller)
  }
}

/// A function stored into a struct field.
struct BindingRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "binding"
  var tu: String
  var structName: String
  var field: String
  var functionUSR: String
  var functionName: String
  var file: String
  var line: Int
  var column: Int
  var text: String
  var form: String
  var container: String?
  var keys: String

  enum Columns {
    static let tu = Column(CodingKeys.tu)
    static let file = Column(CodingKeys.file)
  }
}

/// A function that stores a parameter into a field.
struct ParameterStoreRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "parameter_store"
  var function: String
  var functionName: String
  var parameterIndex: Int
  var structName: String
  var field: String
  var file: String
  var line: Int
  var column: Int

  enum Columns {
    static let function = Column(CodingKeys.function)
  }
}

/// A `trace_*` call.
struct TracepointRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "tracepoint"
  var caller: String
  var event: String
  var system: String
  var file: String
  var line: Int
  var column: Int

  enum Columns {
    static let caller = Column(CodingKeys.caller)
  }
}

/// Why a translation unit was indexed.
struct DiscoveryRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "discovery"
  var file: String
  var reason: String
  var round: Int
}
