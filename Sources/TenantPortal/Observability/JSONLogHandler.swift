import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each log record as one JSON object per line on standard error, so log shippers can index
/// the request id, tenant and every other metadata key without parsing text.
///
/// Every request logs a line, so the line is written by hand (escaped, keys sorted) rather than
/// through JSONSerialization and a date formatter, which cost more than serving a small request.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = Self.line(
            level: event.level,
            label: label,
            message: event.message.description,
            metadata: metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }),
            time: Date()
        )
        line.append("\n")
        // One write(2) per line: lines from concurrent requests never interleave.
        line.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }

    static func line(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, time: Date) -> String {
        var fields: [(String, String)] = [
            ("level", quoted(level.rawValue)), ("logger", quoted(label)), ("message", quoted(message)),
            ("time", quoted(timestamp(time))),
        ]
        for (key, value) in metadata {
            fields.append((key == "hb.request.id" ? "request_id" : key, json(value)))
        }
        fields.sort { $0.0 < $1.0 }
        var line = "{"
        line.reserveCapacity(256)
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(",") }
            line.append(quoted(field.0))
            line.append(":")
            line.append(field.1)
        }
        line.append("}")
        return line
    }

    private static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .stringConvertible(let value): quoted(value.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{" + values.sorted { $0.key < $1.key }.map { quoted($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                out.append("\\u00")
                out.append(String(scalar.value, radix: 16).count == 1 ? "0" : "")
                out.append(String(scalar.value, radix: 16))
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
        return out
    }

    /// `2026-11-23T20:45:01.123Z`, in UTC.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let milliseconds = Int((interval - interval.rounded(.down)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(millis)Z"
    }
}
