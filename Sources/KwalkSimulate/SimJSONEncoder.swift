import Foundation

/// Writes a simulation as JSON with sorted keys: the scenario, the legs, the skbs and every event with its site,
/// hop, context and queues.
public enum SimJSONEncoder {
  public static func encode(_ trace: SimTrace) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(trace)
  }
}
