import Hummingbird
import PGStore

/// The lottery distributor's module (PRODUCT.md E1-E7): agents with their portal accounts,
/// products, and (as they land) draws, the ledger and debts. Its routes answer only for tenants
/// with module `lottery`.
struct LotteryFeature: PortalFeature {
    static let module: PortalModule? = .lottery
    static let staffSections = [StaffSection.lotteryAgents, .lotteryImports, .lotteryPeriods]
    let agents: LotteryAgents
    let imports: LedgerImport
    let figures: AgentFigures
    let periods: LotteryPeriods
    let statements: LotteryStatements
    let pages: PageRenderer
    let entries: LedgerEntries
    let database: Database
    let invitations: InvitationMail
    let rules: LotteryRules
    let rulesMemo: TenantMemo<LotterySettings>

    init(kit: FeatureKit) {
        pages = kit.pages
        entries = LedgerEntries(database: kit.database)
        database = kit.database
        invitations = kit.invitations
        agents = LotteryAgents(database: kit.database)
        imports = LedgerImport(database: kit.database)
        rulesMemo = LotteryRules.memo()
        rules = LotteryRules(database: kit.database, memo: rulesMemo)
        figures = AgentFigures(database: kit.database, rules: rulesMemo)
        periods = LotteryPeriods(database: kit.database)
        statements = LotteryStatements(database: kit.database, desk: kit.desk)
    }

    var settingsCaches: [any TenantCache] { [rulesMemo] }

    func addPages(to portal: RouterGroup<TenantRequestContext>) {
        AgentPages(figures: figures, statements: statements, pages: pages).addRoutes(to: portal)
    }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        AgentStaffPages(agents: agents, figures: figures, entries: entries, pages: pages).addRoutes(to: staff)
        ImportPages(imports: imports, database: database, pages: pages).addRoutes(to: staff)
        AgentFormPages(agents: agents, invitations: invitations, pages: pages).addRoutes(to: staff)
        ProductPages(agents: agents, pages: pages).addRoutes(to: staff)
        PeriodPages(periods: periods, rules: rules, pages: pages).addRoutes(to: staff)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        let signedIn = api.group(context: SignedInRequestContext.self)
        LotteryController(agents: agents, imports: imports, invitations: invitations).addRoutes(to: signedIn)
        AgentFiguresController(figures: figures).addRoutes(to: signedIn)
        StatementController(periods: periods, statements: statements).addRoutes(to: signedIn)
        LotteryRulesController(rules: rules).addRoutes(to: signedIn)
    }
}
