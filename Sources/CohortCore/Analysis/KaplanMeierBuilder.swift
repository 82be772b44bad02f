/// The Kaplan–Meier retention curve of METRICS.md: how long customers stay live.
///
/// Time is a customer's age in periods since its acquisition. A customer is live at
/// age k when it was active (had a positive order) in one of the ages k − W + 1 … k,
/// W being the churn window, so every customer is live at ages 0 … W − 1. Its event
/// is the first age at which it is no longer live; coming back later does not undo
/// it (this is time to first churn). A customer of cohort c is observed up to the
/// last complete period, age `lastComplete − c`; one still live then is censored there.
///
/// With exits_a the customers whose event or censoring is at age a:
///   atRisk_k = Σ_{a ≥ k} exits_a,   S(k) = Π_{j ≤ k} (1 − churned_j / atRisk_j),
///   Var S(k) = S(k)² · Σ_{j ≤ k} churned_j / (atRisk_j · (atRisk_j − churned_j))   (Greenwood).
/// The curve ends at the last age with a customer at risk.
///
/// Complexity: O(history entries + periods).
struct KaplanMeierBuilder {
    let history: CustomerHistory
    let periods: [PeriodInfo]
    let churnWindow: Int

    func build() -> [SurvivalPoint] {
        guard let last = periods.last else { return [] }
        let lastComplete = last.partial ? last.index - 1 : last.index
        guard lastComplete >= 0 else { return [] }
        var churned = [Int](repeating: 0, count: lastComplete + 2)
        var censored = [Int](repeating: 0, count: lastComplete + 2)
        var everyone = 0
        for customer in 0 ..< history.customerCount {
            let cohort = Int(history.cohort[customer])
            let observedUpTo = lastComplete - cohort
            guard observedUpTo >= 0 else { continue } // acquired in the partial period: nothing observed yet
            everyone += 1
            let event = firstChurn(of: customer, cohort: cohort)
            if event <= observedUpTo {
                churned[event] += 1
            } else {
                censored[observedUpTo] += 1
            }
        }
        guard everyone > 0 else { return [] }

        var points: [SurvivalPoint] = []
        var atRisk = everyone
        var survival = 1.0, greenwood = 0.0
        for age in 0 ... lastComplete where atRisk > 0 {
            let events = churned[age]
            if events > 0 {
                survival *= Double(atRisk - events) / Double(atRisk)
                if atRisk > events { greenwood += Double(events) / (Double(atRisk) * Double(atRisk - events)) }
            }
            let spread = 1.96 * survival * greenwood.squareRoot()
            points.append(SurvivalPoint(age: age, atRisk: atRisk, churned: events, censored: censored[age], survival: survival,
                                        lower: max(0, survival - spread), upper: min(1, survival + spread)))
            atRisk -= events + censored[age]
        }
        return points
    }

    /// The first age at which the customer is not live: W ages after the first activity that no
    /// other follows within W ages. Every analysed customer is active at age 0 (its cohort is its
    /// first period with a positive order).
    private func firstChurn(of customer: Int, cohort: Int) -> Int {
        var lastActive = 0
        for entry in history.entries(of: customer) where history.positiveOrders[entry] > 0 {
            let age = Int(history.period[entry]) - cohort
            if age - lastActive > churnWindow { break }
            lastActive = age
        }
        return lastActive + churnWindow
    }
}
