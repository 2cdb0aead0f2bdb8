import Foundation

/// A throwaway CA and a server certificate it signed for `127.0.0.1` and `localhost`, made with the
/// `openssl` command (`PORTAL_TEST_OPENSSL`, default `openssl`) so TLS tests verify a real chain
/// instead of switching verification off.
public struct TestCertificates: Sendable {
    public let caCertificateFile: String
    public let serverCertificateFile: String
    public let serverKeyFile: String

    public static func generate(in directory: URL) async throws -> TestCertificates {
        let openssl = ProcessInfo.processInfo.environment["PORTAL_TEST_OPENSSL"] ?? "openssl"
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try await run(
            [openssl, "req", "-x509"] + key + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Portal Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ],
            in: directory
        )
        try await run(
            [openssl, "req", "-new"] + key + [
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost",
            ],
            in: directory
        )
        try """
        subjectAltName = IP:127.0.0.1, DNS:localhost
        basicConstraints = CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = serverAuth

        """.write(to: directory.appending(path: "server.ext"), atomically: true, encoding: .utf8)
        try await run(
            [
                openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "1",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
            ],
            in: directory
        )
        return TestCertificates(
            caCertificateFile: directory.appending(path: "ca.pem").path,
            serverCertificateFile: directory.appending(path: "server.pem").path,
            serverKeyFile: directory.appending(path: "server.key").path
        )
    }

    private static func run(_ arguments: [String], in directory: URL) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else {
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw MailSinkError.commandFailed(command: arguments.prefix(2).joined(separator: " "), status: status, stderr: stderr)
        }
    }
}
