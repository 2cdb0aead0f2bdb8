import Configuration
import PGStore
import Testing

@testable import TenantPortal

@Suite("Settings from the environment")
struct PortalSettingsTests {
    func settings(_ environment: [String: String]) throws(SettingError) -> PortalSettings {
        try PortalSettings(reader: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment)))
    }

    @Test("defaults apply and the admin URL falls back to DATABASE_URL")
    func defaults() throws {
        let read = try settings(["DATABASE_URL": "postgres://portal:pw@db:5432/portal"])
        #expect(read.httpHost == "127.0.0.1")
        #expect(read.httpPort == 8080)
        #expect(read.databasePoolSize == 20)
        #expect(try read.requireAdminDatabase() == read.requireServiceDatabase())
    }

    @Test("trusted proxies: X-Forwarded-For is believed from them only, read from the right up to the first address they did not add")
    func trustedProxies() throws {
        #expect(try settings([:]).trustedProxies == .none)
        let proxies = try settings(["TRUSTED_PROXIES": " 10.0.0.5,10.0.0.6 , ::1"]).trustedProxies
        #expect(proxies.clientAddress(peer: "10.0.0.5", forwardedFor: ["198.51.100.1, 203.0.113.7"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "10.0.0.5", forwardedFor: ["198.51.100.1", "203.0.113.7, 10.0.0.6"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "::1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        #expect(proxies.clientAddress(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9")
        #expect(proxies.clientAddress(peer: "10.0.0.5", forwardedFor: []) == "10.0.0.5")
        #expect(proxies.clientAddress(peer: "10.0.0.5", forwardedFor: ["198.51.100.1, not-an-address"]) == "10.0.0.5")
    }

    @Test("a missing DATABASE_URL is named when it is needed")
    func missingDatabaseURL() throws {
        let read = try settings([:])
        #expect { try read.requireServiceDatabase() } throws: { ($0 as? SettingError)?.setting == "DATABASE_URL" }
        #expect { try read.requireAdminDatabase() } throws: { ($0 as? SettingError)?.setting == "ADMIN_DATABASE_URL" }
    }

    @Test(
        "malformed values stop start-up with the variable's name",
        arguments: [
            ("DATABASE_URL", "http://x"), ("ADMIN_DATABASE_URL", "postgres://nouser/db"), ("HTTP_PORT", "eighty"),
            ("HTTP_PORT", "70000"), ("DATABASE_POOL_SIZE", "0"), ("LOG_LEVEL", "loud"), ("TRUSTED_PROXIES", "10.0.0.5, proxy.local"),
        ]
    )
    func malformed(variable: String, value: String) {
        #expect { try settings([variable: value]) } throws: { ($0 as? SettingError)?.setting == variable }
    }
}
