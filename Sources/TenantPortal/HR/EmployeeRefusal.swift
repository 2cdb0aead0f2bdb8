import HTTPTypes

/// What the HR module refuses, and why, in the user's language (F1-F4).
struct EmployeeRefusal: PortalRefusal, CustomStringConvertible {
    enum Reason: Equatable {
        case notFound
        case hrOnly
        case codeInvalid(String)
        case exists(String)
        case emailTaken(String)
        case leavingBeforeStart(leaving: String, start: String)
        case activation(String)
    }

    let status: HTTPResponse.Status
    let code: String
    let field: String?
    let reason: Reason

    static let notFound = EmployeeRefusal(status: .notFound, code: "not_found", field: nil, reason: .notFound)
    static let hrOnly = EmployeeRefusal(status: .forbidden, code: "forbidden", field: nil, reason: .hrOnly)

    static func invalid(_ field: String, _ reason: Reason) -> EmployeeRefusal {
        EmployeeRefusal(status: .unprocessableContent, code: "invalid_field", field: field, reason: reason)
    }

    static func exists(_ code: String) -> EmployeeRefusal {
        EmployeeRefusal(status: .conflict, code: "employee_exists", field: "employee_code", reason: .exists(code))
    }

    static func emailTaken(_ email: String) -> EmployeeRefusal {
        EmployeeRefusal(status: .conflict, code: "email_taken", field: "email", reason: .emailTaken(email))
    }

    func message(_ language: Language) -> String {
        let sentence =
            switch reason {
            case .notFound: Sentence(vi: "Không tìm thấy nhân viên.", en: "No such employee.")
            case .hrOnly:
                Sentence(
                    vi: "Chỉ cán bộ nhân sự (nhóm hr) hoặc quản trị viên làm được việc này.",
                    en: "Only HR staff (team hr) or an administrator can do this."
                )
            case .codeInvalid(let code):
                Sentence(
                    vi: "Mã nhân viên “\(code)” không hợp lệ: chữ hoa, chữ số, '.', '-', '_', từ 2 đến 32 ký tự (NV0001).",
                    en: "Employee code “\(code)” is not valid: capitals, digits, '.', '-', '_', 2 to 32 characters (NV0001)."
                )
            case .exists(let code): Sentence(vi: "Đã có nhân viên mã \(code).", en: "There is already an employee with code \(code).")
            case .emailTaken(let email):
                Sentence(vi: "Email \(email) đã là của một nhân viên khác.", en: "Email \(email) already belongs to another employee.")
            case .leavingBeforeStart(let leaving, let start):
                Sentence(
                    vi: "Ngày nghỉ việc \(leaving) trước ngày bắt đầu \(start).",
                    en: "The leaving date \(leaving) is before the start date \(start)."
                )
            case .activation(let text):
                Sentence(
                    vi: "Cách kích hoạt “\(text)” không hợp lệ: dùng link (gửi đường dẫn) hoặc password (mật khẩu ban đầu).",
                    en: "Activation “\(text)” is not valid: use link or password."
                )
            }
        return sentence(language)
    }
}
