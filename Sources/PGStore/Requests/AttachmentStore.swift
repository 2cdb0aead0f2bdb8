import Foundation
import Logging
import PostgresNIO

/// A file attached to a ticket, without its bytes.
public struct AttachmentInfo: Sendable, Equatable {
    public var id: Int
    public var fileName: String
    public var contentType: String
    public var size: Int
    public var createdAt: Date
    /// False for a file sent with an internal staff note: only staff see or download it.
    public var isPublic: Bool
}

/// Attachment rows: metadata and bytes, kept in the tenant's schema. Every function runs inside the
/// tenant's scope.
public struct AttachmentStore: Sendable {
    public init() {}

    public func count(ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.value("SELECT count(*)::bigint FROM attachments WHERE ticket_id = \(ticketID)", as: Int.self, logger: logger) ?? 0
    }

    public func insert(
        ticketID: Int,
        fileName: String,
        contentType: String,
        data: ByteBuffer,
        isPublic: Bool,
        uploadedBy: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> AttachmentInfo {
        let (id, createdAt) = try await connection.rows(
            """
            INSERT INTO attachments (ticket_id, file_name, content_type, size, data, public, uploaded_by)
            VALUES (\(ticketID), \(fileName), \(contentType), \(data.readableBytes), \(data), \(isPublic), \(uploadedBy))
            RETURNING id, created_at
            """,
            as: (Int, Date).self,
            logger: logger
        )[0]
        return AttachmentInfo(
            id: id,
            fileName: fileName,
            contentType: contentType,
            size: data.readableBytes,
            createdAt: createdAt,
            isPublic: isPublic
        )
    }

    /// The file with its bytes, if it belongs to `ticketID` (and is public, when `publicOnly`).
    public func file(
        id: Int,
        ticketID: Int,
        publicOnly: Bool,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (AttachmentInfo, ByteBuffer)? {
        try await connection.rows(
            """
            SELECT id, file_name, content_type, size, created_at, public, data FROM attachments
            WHERE id = \(id) AND ticket_id = \(ticketID) AND (public OR NOT \(publicOnly))
            """,
            as: (Int, String, String, Int, Date, Bool, ByteBuffer).self,
            logger: logger
        ).first.map { (AttachmentInfo(id: $0, fileName: $1, contentType: $2, size: $3, createdAt: $4, isPublic: $5), $6) }
    }
}
