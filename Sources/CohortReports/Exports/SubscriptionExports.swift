import CohortCore
import Foundation

/// The files a report folder holds for contracts and survey answers: mrr.csv (MRR movements and
/// renewals by month), renewals.csv (contracts up for renewal, by MRR; not with `--no-customer-lists`) and nps.csv (NPS by period).
public enum SubscriptionExports {
    public static func files(_ analysis: CohortAnalysis, dialect: CSVExportDialect = .rfc4180) -> [String: Data] {
        var files: [String: Data] = [:]
        if let contracts = analysis.contracts {
            files["mrr.csv"] = Data(MRRCSV.render(contracts, dialect: dialect).utf8)
            if analysis.options.customerLists != .none {
                files["renewals.csv"] = Data(RenewalsCSV.render(contracts, satisfaction: analysis.satisfaction, dialect: dialect).utf8)
            }
        }
        if let satisfaction = analysis.satisfaction {
            files["nps.csv"] = Data(NPSCSV.byPeriod(satisfaction, dialect: dialect).utf8)
        }
        return files
    }
}
