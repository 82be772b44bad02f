/// Makes a customer's `CustomerRecord` when a list or an export asks for it, from the per-customer
/// columns of the analysis (in the history's order), so that a list of millions of customers is
/// held as their indices, not as records.
///
/// It keeps only what a record shows (ids, cohort, first and last day, the actions' columns, the
/// predictions, the segment values), not the history's entries, which are dropped before the fit.
struct CustomerRecordMaker: Sendable {
    let customerIDs: [String]
    /// Per customer: its id's index in `customerIDs`, its cohort, its first and last purchase day.
    let customer: [Int32], cohort: [Int32], firstDay: [Int32], lastDay: [Int32]
    let cohortLabels: [String]
    let columns: CustomerActionsBuilder.Columns
    let prediction: PredictiveCLVResult?
    let segments: [SegmentBuilder.Lookup]
    let asOfDay: Int

    /// Customers, in the history's order.
    var count: Int { customer.count }

    /// The id of the customer at `index`.
    func id(_ index: Int) -> String { customerIDs[Int(customer[index])] }

    /// The record of the customer at `index` (in the history's order).
    func record(_ index: Int) -> CustomerRecord {
        let lastDay = Int(lastDay[index])
        let status = columns.status[index]
        return CustomerRecord(
            id: id(index), status: status, cohort: cohortLabels[Int(cohort[index])],
            firstOrder: CivilDate(dayNumber: Int(firstDay[index])), lastOrder: CivilDate(dayNumber: lastDay),
            positiveOrders: Int(columns.orders[index]), revenueLifetime: Money(minorUnits: columns.lifetime[index]),
            revenue12m: Money(minorUnits: columns.trailing[index]), daysSinceLastOrder: asOfDay - lastDay,
            expectedGapDays: columns.expectedGap[index], revenueAtStake: status == .atRisk ? Money(minorUnits: columns.trailing[index]) : nil,
            probabilityAlive: prediction?.probabilityAlive[index], expectedOrders12m: prediction?.expectedPurchases[index],
            expectedOrderValue: prediction?.expectedOrderValue[index] ?? nil, predictedCLV12m: prediction?.predictedCLV[index] ?? nil,
            segments: segments.map { lookup in
                let id = lookup.valueOfCustomer[index]
                return id < 0 ? "" : lookup.values[Int(id)]
            })
    }
}
