// swift-tools-version: 6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "tenant-portal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portal-admin", targets: ["portal-admin"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        // Everything that speaks SQL. Migrations from sql/ are compiled in by the ResourceEmbedder plugin,
        // so the installed binary carries its schema and needs no files beside it.
        .target(
            name: "PGStore",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["ResourceEmbedder"]
        ),
        // Sending mail: message rendering and an SMTP client (STARTTLS, AUTH) on SwiftNIO.
        .target(
            name: "Mail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Service levels in business time (PRODUCT.md B10): calendars, due times, pauses. Pure code.
        .target(name: "ServiceLevels", swiftSettings: swiftSettings),
        // The lottery distributor's money rules (PRODUCT.md E2, E7): settlement of a draw, debts by
        // day, period and age. Whole đồng in Int64, rates as exact decimals. Pure code.
        .target(name: "LotterySettlement", dependencies: ["ServiceLevels", "CSV"], swiftSettings: swiftSettings),
        // CSV files as the imports read them (UTF-8, BOM, RFC 4180 quoting, line numbers). Pure code.
        .target(name: "CSV", swiftSettings: swiftSettings),
        // The product above the store: domain rules, HTTP app, background services.
        .target(
            name: "TenantPortal",
            dependencies: [
                "PGStore",
                "Mail",
                "ServiceLevels",
                "LotterySettlement",
                "CSV",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["ResourceEmbedder"]
        ),
        // The one executable: `serve` runs the service, the other subcommands operate it.
        .executableTarget(
            name: "portal-admin",
            dependencies: [
                "TenantPortal",
                "PGStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // bench/tenants drives this: tenant creation and migration timings without process start-up.
        .executableTarget(
            name: "tenants-bench",
            dependencies: ["PGStore", .product(name: "Logging", package: "swift-log")],
            path: "bench/TenantsBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "EmbedFiles", path: "Plugins/EmbedFiles"),
        .plugin(name: "ResourceEmbedder", capability: .buildTool(), dependencies: ["EmbedFiles"]),
        // Test-only helpers: the test cluster's URLs and fresh tenants (scripts/dev test sets the URLs).
        .target(
            name: "PortalTestSupport",
            dependencies: ["PGStore", .product(name: "Logging", package: "swift-log")],
            path: "Tests/PortalTestSupport",
            swiftSettings: swiftSettings
        ),
        // Test-only: a real SMTP server (Python aiosmtpd) on loopback for the duration of a test.
        .target(
            name: "MailSinkSupport",
            path: "Tests/MailSinkSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MailTests",
            dependencies: [
                "Mail",
                "MailSinkSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ServiceLevelsTests", dependencies: ["ServiceLevels"], swiftSettings: swiftSettings),
        .testTarget(name: "CSVTests", dependencies: ["CSV"], swiftSettings: swiftSettings),
        .testTarget(name: "LotterySettlementTests", dependencies: ["LotterySettlement", "ServiceLevels", "CSV"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PGStoreTests",
            dependencies: ["PGStore", "PortalTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TenantPortalTests",
            dependencies: [
                "TenantPortal",
                "PGStore",
                "LotterySettlement",
                "ServiceLevels",
                "Mail",
                "PortalTestSupport",
                "MailSinkSupport",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
