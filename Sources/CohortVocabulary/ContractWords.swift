/// The fixed words of the contracts and satisfaction sections of a report (table headings and
/// column names); each vocabulary builds it whole (`ContractVocabulary.contractWords()`).
public struct ContractWords: Sendable {
    public let contractsTitle: String
    public let mrrHeading: String
    public let renewalsHeading: String
    public let upcomingHeading: String
    public let satisfactionTitle: String
    public let npsByPeriodHeading: String
    public let churnAfterAnswerHeading: String
    public let month: String
    public let customers: String
    public let mrrStart: String
    public let new: String
    public let expansion: String
    public let reactivation: String
    public let contraction: String
    public let churned: String
    public let mrrEnd: String
    public let arr: String
    public let due: String
    public let renewed: String
    public let open: String
    public let renewalRate: String
    public let mrrDue: String
    public let mrrRenewed: String
    public let mrrRenewalRate: String
    public let customer: String
    public let contract: String
    public let end: String
    public let daysLeft: String
    public let mrr: String
    public let renewalAgreed: String
    public let yes: String
    public let no: String
    /// The latest score in customer tables: "NPS".
    public let latestScore: String
    public let period: String
    public let answers: String
    public let promoters: String
    public let passives: String
    public let detractors: String
    public let nps: String
    public let group: String
    public let followed: String
    public let churnRate: String
    public let interval: String
    public let noUpcoming: String
    /// The note over a report made from contracts alone.
    public let revenueIsMRR: String

    public init(contractsTitle: String, mrrHeading: String, renewalsHeading: String, upcomingHeading: String, satisfactionTitle: String,
                npsByPeriodHeading: String, churnAfterAnswerHeading: String, month: String, customers: String, mrrStart: String, new: String,
                expansion: String, reactivation: String, contraction: String, churned: String, mrrEnd: String, arr: String, due: String,
                renewed: String, open: String, renewalRate: String, mrrDue: String, mrrRenewed: String, mrrRenewalRate: String,
                customer: String, contract: String, end: String, daysLeft: String, mrr: String, renewalAgreed: String, yes: String,
                no: String, latestScore: String, period: String, answers: String, promoters: String, passives: String,
                detractors: String, nps: String, group: String, followed: String, churnRate: String, interval: String,
                noUpcoming: String, revenueIsMRR: String) {
        self.contractsTitle = contractsTitle
        self.mrrHeading = mrrHeading
        self.renewalsHeading = renewalsHeading
        self.upcomingHeading = upcomingHeading
        self.satisfactionTitle = satisfactionTitle
        self.npsByPeriodHeading = npsByPeriodHeading
        self.churnAfterAnswerHeading = churnAfterAnswerHeading
        self.month = month
        self.customers = customers
        self.mrrStart = mrrStart
        self.new = new
        self.expansion = expansion
        self.reactivation = reactivation
        self.contraction = contraction
        self.churned = churned
        self.mrrEnd = mrrEnd
        self.arr = arr
        self.due = due
        self.renewed = renewed
        self.open = open
        self.renewalRate = renewalRate
        self.mrrDue = mrrDue
        self.mrrRenewed = mrrRenewed
        self.mrrRenewalRate = mrrRenewalRate
        self.customer = customer
        self.contract = contract
        self.end = end
        self.daysLeft = daysLeft
        self.mrr = mrr
        self.renewalAgreed = renewalAgreed
        self.yes = yes
        self.no = no
        self.latestScore = latestScore
        self.period = period
        self.answers = answers
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.nps = nps
        self.group = group
        self.followed = followed
        self.churnRate = churnRate
        self.interval = interval
        self.noUpcoming = noUpcoming
        self.revenueIsMRR = revenueIsMRR
    }
}
