import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The running Python process behind a `MailSink`.
///
/// Its stdin stays open for as long as the sink runs: the script exits when stdin closes, so the
/// server dies with the test process even when that crashes before `stop()`.
struct MailSinkProcess {
    let port: Int
    private let process: Process
    private let stdin: Pipe

    static func start(arguments: [String], in directory: URL) async throws -> MailSinkProcess {
        let script = directory.appending(path: "mail_sink.py")
        try MailSinkScript.source.write(to: script, atomically: true, encoding: .utf8)
        let output = directory.appending(path: "stdout.txt")
        let errors = directory.appending(path: "stderr.txt")
        try Data().write(to: output)
        try Data().write(to: errors)

        let python = ProcessInfo.processInfo.environment["PORTAL_TEST_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script.path] + arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let server = MailSinkProcess(port: 0, process: process, stdin: stdin)

        // The script prints its port once aiosmtpd accepts connections.
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = printed.split(whereSeparator: \.isNewline).first, let port = Int(line) {
                return MailSinkProcess(port: port, process: process, stdin: stdin)
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                await server.stop()
                let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                throw MailSinkError.didNotStart(python: python, stderr: stderr)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Closes stdin and sends SIGTERM, then SIGKILL if the process is still there after 5 s.
    func stop() async {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
