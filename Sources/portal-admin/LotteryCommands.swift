import ArgumentParser
import Foundation
import PGStore
import TenantPortal

/// `agent`: the lottery distributor's agents (PRODUCT.md E1), each with their portal account.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Create, list and change lottery agents (module lottery).",
        discussion: passwordFromStandardInput,
        subcommands: [Create.self, List.self, Update.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an agent and their portal account; the password comes from stdin, or with --invite a link is mailed."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The agent's code: capitals, digits, '.', '-', '_' (DL001).")
        var code: String

        @Option(help: "The agent's name.")
        var name: String

        @Option(help: "The agent's phone (0912345678 or +84912345678).")
        var phone: String

        @Option(help: "Where mail reaches the agent (optional).")
        var email: String?

        @Option(help: "The region the agent sells in.")
        var region: String?

        @Option(help: "Commission as a decimal fraction of revenue, at most 0.15 (Circular 138/2017).")
        var commissionRate = "0"

        @Option(help: "Collateral (thế chấp) in whole đồng.")
        var collateral = "0"

        @Option(help: "The portal sign-in name (default: the code in lower case).")
        var username: String?

        @Flag(
            help: """
                Mail the agent a link to choose their password (once, within \(StaffInvitation.hours) hours; needs --email) \
                instead of reading one from stdin. The link is also printed, once.
                """
        )
        var invite = false

        func run() async throws {
            let password = invite ? nil : try readPassword()
            try await withTenant(slug) { database, tenant, runtime in
                let access: LotteryAgents.NewAgent.Access = try password.map { .password($0) } ?? .link(try runtime.invitationMail(), tenant)
                let agent = try await operatorFacing {
                    try await LotteryAgents.NewAgent(
                        code: code,
                        name: name,
                        phone: phone,
                        email: email,
                        region: region,
                        commissionRate: commissionRate,
                        collateral: collateral,
                        username: username,
                        access: access
                    )
                }
                let created = try await operatorFacing {
                    try await LotteryAgents(database: database).create(agent, actor: "operator", tenant: tenant, logger: runtime.logger)
                }
                print("agent \(created.code) created in \(tenant.slug); they sign in as \(created.username) at /t/\(tenant.slug)/")
                if let link = agent.invitationLink {
                    print("the mail to \(created.email ?? "") waits in the outbox; set-password link (shown once, works once):")
                    print(link)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the agents with their balance and collateral, by code.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "Only the agents of this region.")
        var region: String?

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let agents = try await LotteryAgents(database: database).list(region: region, tenant: tenant, logger: runtime.logger)
                    .map(AgentListing.init)
                if json {
                    print(try TenantView.json(agents))
                    return
                }
                print("code\tname\tphone\tregion\tcommission rate\tcollateral\tbalance\tactive\tusername")
                for agent in agents {
                    print(
                        [
                            agent.code, agent.name, agent.phone, agent.region, agent.commissionRate, String(agent.collateral), String(agent.balance),
                            agent.active ? "yes" : "no", agent.username,
                        ]
                        .joined(separator: "\t")
                    )
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an agent's details, commission rate (from a day on) or collateral (with a reason)."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The agent's code.")
        var code: String

        @Option(help: "A new name.")
        var name: String?

        @Option(help: "A new phone.")
        var phone: String?

        @Option(help: "A new email.")
        var email: String?

        @Option(help: "A new region.")
        var region: String?

        @Option(help: "A new commission rate, at most 0.15; applies to draws from --commission-from on.")
        var commissionRate: String?

        @Option(help: "The first draw date the new rate applies to, YYYY-MM-DD (default: today in the tenant's zone).")
        var commissionFrom: String?

        @Option(help: "A new collateral amount in whole đồng (needs --reason).")
        var collateral: String?

        @Option(help: "Why the collateral changed: kept in its history.")
        var reason: String?

        @Flag(inversion: .prefixedNo, help: "Whether the agent is active.")
        var active: Bool?

        func run() async throws {
            let change = LotteryAgents.Change(
                name: name,
                phone: phone,
                email: email,
                region: region,
                active: active,
                commissionRate: commissionRate,
                commissionFrom: commissionFrom,
                collateral: collateral,
                reason: reason
            )
            try await withTenant(slug) { database, tenant, runtime in
                let agent = try await operatorFacing {
                    try await LotteryAgents(database: database).update(code: code, change, actor: "operator", tenant: tenant, logger: runtime.logger)
                }
                print(
                    "agent \(agent.code): commission rate \(LotteryAgents.rateText(agent.commissionMillionths)), collateral \(agent.collateral), active \(agent.active ? "yes" : "no")"
                )
            }
        }
    }
}

/// `lottery`: the lottery module's products, the ERP's ledger file, and the ledger's check.
struct LotteryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lottery",
        abstract: "The lottery module's products, ledger imports and checks (module lottery).",
        subcommands: [Product.self, Import.self, Verify.self, ClosePeriod.self, Settings.self]
    )

    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the tenant's lottery rules, or change those given: debt period, payout fee, warning and limit ratios."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "Debt periods: week (Monday to Sunday, the default) or month. Fixed once a period is closed.")
        var periodKind: String?

        @Option(help: "The fee on prizes agents pay on the company's behalf, a decimal fraction, at most 0.002 (0.2%).")
        var payoutFee: String?

        @Option(help: "Debt/collateral above which the agent and staff are warned, in whole percent (0.8 is 80%).")
        var warningRatio: String?

        @Option(help: "Debt/collateral above which new allocations to the agent are refused (1 is 100%).")
        var limitRatio: String?

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let rules = LotteryRules(database: database)
                let change = LotteryRules.Change(periodKind: periodKind, payoutFee: payoutFee, warningRatio: warningRatio, limitRatio: limitRatio)
                let settings = try await operatorFacing {
                    [periodKind, payoutFee, warningRatio, limitRatio].allSatisfy({ $0 == nil })
                        ? try await rules.current(tenant: tenant, logger: runtime.logger)
                        : try await rules.change(change, actor: "operator", tenant: tenant, logger: runtime.logger)
                }
                // As the options take them, so a printed value can be given back as it is.
                let decimals = LotteryRules.decimals(settings)
                print("period kind\t\(settings.periodKind)")
                print("payout fee\t\(decimals.payoutFee)")
                print("warning ratio\t\(decimals.warningRatio)")
                print("limit ratio\t\(decimals.limitRatio)")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the ERP's ledger file (CSV), whole or not at all; rows imported before are skipped.",
            discussion: """
                The file is UTF-8 CSV (a BOM is fine) with the header
                  erp_id,kind,agent_code,date,product,tickets,unit_price,amount,ticket_no,note
                kind: allocation (tickets, unit_price: the product's price if empty), return (tickets),
                winning_ticket (ticket_no, amount, note = prize tier), invalid_ticket (ticket_no,
                note = reason), prize_paid (amount), payment (amount, note = method; date = the
                payment's), adjustment (amount, signed; note = reason). Amounts are whole đồng. Every
                problem is listed with its line and column; nothing is applied unless all rows are good.
                """
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The CSV file.")
        var file: String

        func run() async throws {
            let bytes = try operatorFacing { try Array(Data(contentsOf: URL(fileURLWithPath: file))) }
            try await withTenant(slug) { database, tenant, runtime in
                let outcome = try await operatorFacing {
                    try await LedgerImport(database: database).run(
                        file: bytes,
                        fileName: URL(fileURLWithPath: file).lastPathComponent,
                        actor: "operator",
                        tenant: tenant,
                        logger: runtime.logger
                    )
                }
                print("applied \(outcome.applied) rows, skipped \(outcome.skipped) imported before")
            }
        }
    }

    struct ClosePeriod: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-period",
            abstract: "Close a debt period that is over: one statement per agent with activity; its figures never change after."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The period: an ISO week (2026-W49) or a month (2026-12), as the tenant counts them.")
        var period: String

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let made = try await operatorFacing {
                    try await LotteryPeriods(database: database).close(period, actor: "operator", tenant: tenant, logger: runtime.logger)
                }
                print("period \(period.uppercased()) closed: \(made) statements for the agents to confirm")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every agent's balance and debts from the ledger's entries and report any difference (exit 1 if any)."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let (agents, differences) = try await LotteryVerification(database: database).run(tenant: tenant, logger: runtime.logger)
                for difference in differences { print(difference) }
                print("\(agents) agents checked, \(differences.count) differences")
                if !differences.isEmpty { throw ExitCode(1) }
            }
        }
    }

    struct Product: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a product, or change its name and ticket price.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The product's code: capitals, digits, '.', '-', '_' (XSMN-TN).")
        var code: String

        @Option(help: "The product's name.")
        var name: String

        @Option(help: "The ticket price in whole đồng.")
        var price: String

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let product = try await operatorFacing {
                    try await LotteryAgents(database: database).saveProduct(
                        code: code,
                        name: name,
                        price: price,
                        tenant: tenant,
                        logger: runtime.logger
                    )
                }
                print("product \(product.code) (\(product.name)) at \(product.price) đồng a ticket")
            }
        }
    }
}
