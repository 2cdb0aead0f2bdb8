import Logging
import NIOCore
import PGStore
import PostgresNIO

/// Attaching files to a ticket and reading them back (PRODUCT.md B5): anyone who may see the ticket
/// may attach and download, except the files of internal notes, which only staff see; files are
/// checked by their bytes and against the tenant's limits.
extension RequestDesk {
    /// Checks every file first, then stores them all in one transaction, each with a timeline entry.
    public func attach(
        _ uploads: [(fileName: String?, data: ByteBuffer)],
        code: String,
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> [AttachmentInfo] {
        guard !uploads.isEmpty else { throw PortalError.invalid(field: "file", .fileRequired) }
        let files = try checked(uploads)
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            let ticket = try await visibleTicket(code: code, for: principal, locking: true, on: connection, logger: logger)
            let stored = try await store(files, ticketID: ticket.id, isPublic: true, by: principal, on: connection, logger: logger)
            try await tickets.touch(ticketID: ticket.id, on: connection, logger: logger)
            return stored
        }
    }

    /// The uploads as files the portal accepts: each within the per-file limit and recognised by its
    /// bytes, and no more of them than one ticket may hold.
    func checked(_ uploads: [(fileName: String?, data: ByteBuffer)]) throws(PortalError) -> [UploadedFile] {
        guard uploads.count <= limits.maxFiles else { throw .tooManyFiles(limit: limits.maxFiles) }
        return try uploads.map { upload throws(PortalError) -> UploadedFile in
            let name = UploadedFile.cleanName(upload.fileName)
            guard upload.data.readableBytes <= limits.maxBytes else { throw .fileTooLarge(name: name, limit: limits.maxBytes) }
            guard let type = UploadedFile.sniff(upload.data) else { throw .unsupportedFileType(name: name) }
            return UploadedFile(fileName: name, contentType: type, data: upload.data)
        }
    }

    /// Stores `files` on the ticket, each with a timeline entry, in the caller's transaction; refused
    /// when the ticket would hold more files than allowed. Files of an internal note are internal
    /// (`isPublic` false), like their entries. (A new ticket's files go in with it, in `file_ticket`.)
    func store(
        _ files: [UploadedFile],
        ticketID: Int,
        isPublic: Bool,
        by principal: Principal,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [AttachmentInfo] {
        guard !files.isEmpty else { return [] }
        let existing = try await attachments.count(ticketID: ticketID, on: connection, logger: logger)
        guard existing + files.count <= limits.maxFiles else { throw PortalError.tooManyFiles(limit: limits.maxFiles) }
        var stored: [AttachmentInfo] = []
        for file in files {
            stored.append(
                try await attachments.insert(
                    ticketID: ticketID,
                    fileName: file.fileName,
                    contentType: file.contentType,
                    data: file.data,
                    isPublic: isPublic,
                    uploadedBy: principal.key,
                    on: connection,
                    logger: logger
                )
            )
            try await tickets.append(
                .init(actor: principal, kind: .attachment, body: file.fileName, isPublic: isPublic),
                ticketID: ticketID,
                on: connection,
                logger: logger
            )
        }
        return stored
    }

    /// The file and its bytes, only for those who may see its ticket.
    public func attachment(
        id: Int,
        code: String,
        for principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (AttachmentInfo, ByteBuffer) {
        try await database.reading(tenant.scope, logger: logger) { connection in
            let ticket = try await visibleTicket(code: code, for: principal, on: connection, logger: logger)
            let file = try await attachments.file(id: id, ticketID: ticket.id, publicOnly: !principal.isStaff, on: connection, logger: logger)
            guard let file else {
                throw PortalError.attachmentNotFound
            }
            return file
        }
    }
}
