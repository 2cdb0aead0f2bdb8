/// Why a `MailSink` could not do what a test asked.
public enum MailSinkError: Error, CustomStringConvertible {
    case didNotStart(python: String, stderr: String)
    case timedOut(expected: Int, received: Int)
    case commandFailed(command: String, status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .didNotStart(let python, let stderr):
            "the aiosmtpd sink did not start with \(python) (set PORTAL_TEST_PYTHON to a Python with aiosmtpd): \(stderr)"
        case .timedOut(let expected, let received):
            "expected \(expected) messages in the sink, got \(received)"
        case .commandFailed(let command, let status, let stderr):
            "\(command) exited with \(status): \(stderr)"
        }
    }
}
