import CohortCore
import CohortIngest

extension English: ContractVocabulary {
    // MARK: Input and errors

    func contractReason(_ reason: RejectReason) -> String {
        switch reason {
        case .endBeforeStart(let start, let end): return "the contract ends on \(end), before it starts on \(start)"
        case .negativeMRR(let text): return "'\(text)' is a negative MRR (a credit belongs in the orders, not in a contract)"
        case .emptyScore: return "the score is empty"
        case .notAScore(let text): return "'\(text)' is not a whole score from 0 to 10"
        default: return self.reason(reason)
        }
    }

    func contractRoleName(_ role: ColumnRole) -> String {
        switch role {
        case .start: return "contract start"
        case .end: return "contract end"
        case .mrr: return "MRR (monthly amount)"
        case .contract: return "contract id"
        case .score: return "score"
        default: return role.rawValue
        }
    }

    func describe(_ error: ContractError) -> String {
        switch error {
        case .noContractsUpToAsOf(let asOf):
            return "no contract starts on or before the as-of date \(asOf)"
        case .periodNotMonthly(let kind):
            return "contracts are monthly: a report from contracts alone has monthly periods, not \(kind.rawValue)s (leave out --period)"
        case .invalidGraceDays(let days):
            return "--grace-days must be 0 or more, not \(days)"
        }
    }

    // MARK: Report

    func contractWords() -> ContractWords {
        ContractWords(
            contractsTitle: "Contracts and MRR", mrrHeading: "MRR movements by month", renewalsHeading: "Renewals by month",
            upcomingHeading: "Up for renewal in the next 90 days, by MRR", satisfactionTitle: "Satisfaction (NPS)",
            npsByPeriodHeading: "NPS by month", churnAfterAnswerHeading: "Churn in the year after the answer",
            month: "Month", customers: "Customers", mrrStart: "MRR start", new: "New", expansion: "Expansion", reactivation: "Won back",
            contraction: "Contraction", churned: "Churned", mrrEnd: "MRR end", arr: "ARR", due: "Due", renewed: "Renewed", open: "Open",
            renewalRate: "Renewal rate", mrrDue: "MRR due", mrrRenewed: "MRR renewed", mrrRenewalRate: "MRR renewal rate",
            customer: "Customer", contract: "Contract", end: "Ends", daysLeft: "Days left", mrr: "MRR", renewalAgreed: "Renewed already",
            yes: "yes", no: "no", latestScore: "NPS", period: "Period", answers: "Answers", promoters: "Promoters", passives: "Passives",
            detractors: "Detractors", nps: "NPS", group: "Group", followed: "Customers followed", churnRate: "Churned within a year",
            interval: "95 % interval", noUpcoming: "No contract comes up for renewal in the next 90 days.",
            revenueIsMRR: "This report is made from contracts alone: every revenue figure is MRR at the end of a month, a month with MRR counts as an order, and a customer without MRR at a month's end has churned.")
    }

    func mrrSentence(period: String, customers: Int, mrr: String, arr: String) -> String {
        "At the end of \(period), \(count(customers)) \(customers == 1 ? "customer had" : "customers had") contracts with \(mrr) of MRR (ARR \(arr))."
    }

    func mrrMovementSentence(period: String, new: String, expansion: String, reactivation: String, contraction: String, churned: String) -> String {
        "\(period): \(new) new, \(expansion) expansion, \(reactivation) won back, \(contraction) contraction, \(churned) churned."
    }

    func renewalSentence(period: String, renewed: Int, due: Int, rate: String, mrrRate: String, graceDays: Int, open: Int) -> String {
        let stillOpen = open == 0 ? "" : "; \(count(open)) more \(open == 1 ? "is" : "are") still open (within the grace period)"
        if due == 0 && open == 0 { return "No contract came due in \(period)." }
        guard due > 0 else { return "No contract due in \(period) is decided yet" + (open == 0 ? "." : stillOpen + ".") }
        return "\(count(renewed)) of \(count(due)) \(due == 1 ? "contract" : "contracts") due in \(period) \(renewed == 1 ? "was" : "were") renewed "
            + "(\(rate); by MRR \(mrrRate)), counting renewals that start up to \(graceDays) days after the end" + stillOpen + "."
    }

    func upcomingSentence(count contracts: Int, mrr: String, days: Int, agreed: Int) -> String {
        guard contracts > 0 else { return "No contract comes up for renewal in the next \(days) days." }
        let renewed = agreed == 0 ? "" : "; \(count(agreed)) of them \(agreed == 1 ? "is" : "are") renewed already"
        return "\(count(contracts)) \(contracts == 1 ? "contract" : "contracts") with \(mrr) of MRR \(contracts == 1 ? "comes" : "come") up for renewal "
            + "in the next \(days) days" + renewed + "."
    }

    func npsSentence(answers: Int, asOf: String, nps: String, promoters: String, passives: String, detractors: String) -> String {
        "NPS over the \(count(answers)) \(answers == 1 ? "answer" : "answers") up to \(asOf): \(nps) (\(promoters) promoters, \(passives) passives, \(detractors) detractors)."
    }

    func npsPeriodSentence(period: String, nps: String, answers: Int) -> String {
        "\(period): \(nps) from \(count(answers)) \(answers == 1 ? "answer" : "answers")."
    }

    func findingSentence(_ finding: SatisfactionFinding, detractors: String, promoters: String, followed: Int, _ kind: PeriodKind) -> String {
        let year = "the \(followed) \(periodNoun(kind, plural: followed != 1)) after their latest answer"
        switch finding {
        case .detractorsChurnMore:
            return "Here detractors do leave more often: \(detractors) of them churned within \(year), against \(promoters) of promoters; the 95 % intervals do not overlap."
        case .detractorsChurnLess:
            return "Here detractors did not leave more often: \(detractors) of them churned within \(year), against \(promoters) of promoters; the 95 % intervals do not overlap."
        case .noClearDifference:
            return "Within \(year), \(detractors) of detractors and \(promoters) of promoters churned; the 95 % intervals overlap, so these answers do not show that detractors leave more often."
        case .tooFewAnswers:
            return "Too few promoters or detractors can be followed for a year after their answer to say whether detractors leave more often."
        }
    }

    func npsGroupName(_ group: NPSGroup) -> String {
        switch group {
        case .promoter: return "Promoters (9–10)"
        case .passive: return "Passives (7–8)"
        case .detractor: return "Detractors (0–6)"
        }
    }

    var npsChurnTitle: String { "Do detractors leave? Churn after the NPS answer" }
    var churnedWithinYear: String { "churned within a year" }

    func npsChurnCaption(followed: Int, _ kind: PeriodKind) -> String {
        "Share of customers, by their latest answer, who were not live at the end of some \(periodNoun(kind, plural: false)) of the \(followed) after it; "
            + "lines: 95 % interval (Wilson). Only answers that can be followed for a whole year count."
    }

    func npsChurnDescription(promoters: String, passives: String, detractors: String, followed: Int, _ kind: PeriodKind) -> String {
        "Churned within the \(followed) \(periodNoun(kind, plural: followed != 1)) after the latest answer: promoters \(promoters), passives \(passives), detractors \(detractors)."
    }

    func followedCount(_ count: Int) -> String { "n = \(self.count(count))" }

    var mrrChartTitle: String { "MRR movements from contracts" }
    var mrrChartCaption: String { "MRR at month end from contracts; per month" }

    var mrrNetChange: String { "Net change in MRR" }

    func mrrSummary(_ period: String, start: String, end: String, net: String) -> String {
        "\(period): MRR \(start) → \(end) (net \(net))"
    }

    func mrrHeadlineLabel(_ key: HeadlineKey) -> String? {
        switch key {
        case .revenue: return "MRR"
        case .averageOrderValue: return "Average MRR per customer"
        case .nrr: return nil
        default: return nil
        }
    }

    func contractsLine(contracts: Int, customers: Int, graceDays: Int) -> String {
        "Contracts: \(count(contracts)) \(contracts == 1 ? "contract" : "contracts") of \(count(customers)) \(customers == 1 ? "customer" : "customers") "
            + "started by the as-of date (renewals count up to \(graceDays) days late)."
    }

    func answersLine(answers: Int, outside: Int, unknownCustomers: Int) -> String {
        var line = "Survey answers: \(count(answers)) read"
        if outside > 0 { line += ", \(count(outside)) dated after the as-of date (left out)" }
        if unknownCustomers > 0 { line += ", \(count(unknownCustomers)) of customers in no cohort (in the NPS, not in the cohorts or churn)" }
        return line + "."
    }

    var mrrFromContracts: String { "MRR from contracts" }

    func glossary(_ term: ContractTerm) -> (name: String, definition: String) {
        switch term {
        case .mrr:
            return ("MRR (monthly recurring revenue)", "The sum of the monthly amounts of a customer's contracts in force on the last day of the month (a contract ending on that day is in force). The as-of month is read on the as-of date.")
        case .arr:
            return ("ARR (annual recurring revenue)", "12 × MRR.")
        case .mrrMovements:
            return ("MRR movements", "How MRR moved from one month end to the next, customer by customer: new (first month with MRR), expansion and contraction (MRR rose or fell), churned (MRR fell to 0), won back (MRR again after a month without).")
        case .renewalRate:
            return ("Renewal rate", "Contracts renewed ÷ contracts due in the month (their end date falls in it). A contract is renewed when the customer has another contract that starts after it, no later than the grace period after its end, and ends after it. Contracts still within their grace period at the as-of date count only once decided.")
        case .mrrRenewalRate:
            return ("MRR renewal rate", "MRR of the renewed due contracts ÷ MRR of all due contracts (each at the MRR of the contract that came due).")
        case .nps:
            return ("NPS (Net Promoter Score)", "100 × (promoters − detractors) ÷ answers, from −100 to +100; promoters answer 9–10, passives 7–8, detractors 0–6.")
        case .churnAfterAnswer:
            return ("Churn after the answer", "For each customer its latest answer that can be followed for a year: the share of customers, by group, who were not live at the end of some month of the 12 after it, with a 95 % Wilson interval.")
        }
    }
}
